package io.kubepolicies.signing.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.signing.BundleException;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class BundleReaderTest {
  private static final String MANIFEST = "{\"revision\":\"r1\",\"roots\":[\"acme\"]}";
  private static final String POLICY = "# comment\npackage acme.authz\n\nallow if true\n";

  private static Bundle read(byte[] archive) throws BundleException {
    return new BundleReader().read(new ByteArrayInputStream(archive));
  }

  private static Bundle read(byte[] archive, BundleLimits limits) throws BundleException {
    return new BundleReader(limits).read(new ByteArrayInputStream(archive));
  }

  private static String rejection(byte[] archive) {
    return assertThrows(BundleException.class, () -> read(archive)).getMessage();
  }

  @Test
  void readsModulesDataAndManifest() throws BundleException {
    Bundle bundle = read(new TarBuilder()
        .file("/.manifest", MANIFEST)
        .file("/acme/authz/policy.rego", POLICY)
        .file("/acme/roles/data.json", "{\"admin\": [\"alice\"]}")
        .file("/acme/limits/data.yaml", "max: 3\n")
        .gzip());

    assertEquals("r1", bundle.manifest().revision());
    assertEquals(List.of("acme"), bundle.manifest().roots().paths());
    assertEquals(List.of(".manifest", "acme/authz/policy.rego", "acme/limits/data.yaml", "acme/roles/data.json"),
        bundle.files().stream().map(BundleFile::path).toList());
    ModuleFile module = bundle.modules().get(0);
    assertEquals(List.of("acme", "authz"), module.packagePath());
    assertEquals(POLICY, module.source());
    assertEquals(OptionalInt.empty(), module.regoVersion());
    assertEquals(List.of("acme", "roles"), bundle.dataFiles().get(1).dataPath());
    assertEquals("{\"acme\":{\"limits\":{\"max\":3},\"roles\":{\"admin\":[\"alice\"]}}}", bundle.data().toJson());
  }

  @Test
  void treatsLeadingSlashAndDotSlashAsTheBundleRoot() throws BundleException {
    Bundle bundle = read(new TarBuilder().directory("./").file("./a/data.json", "1").file("/b.rego", "package b").gzip());
    assertEquals(List.of("a/data.json", "b.rego"), bundle.files().stream().map(BundleFile::path).toList());
  }

  @Test
  void readsABundleWithoutManifestAsOwningEverything() throws BundleException {
    Bundle bundle = read(new TarBuilder().file("data.json", "{\"x\":1}").gzip());
    assertEquals(Manifest.DEFAULT, bundle.manifest());
    assertEquals("{\"x\":1}", bundle.data().toJson());
  }

  @Test
  void rejectsPathsLeavingTheBundle() {
    assertEquals("../evil.rego: path segment \"..\" is not allowed",
        rejection(new TarBuilder().file("../evil.rego", "package x").gzip()));
    assertEquals("a/../../etc/data.json: path segment \"..\" is not allowed",
        rejection(new TarBuilder().file("a/../../etc/data.json", "{}").gzip()));
    assertEquals("a//b.rego: path segment \"\" is not allowed", rejection(new TarBuilder().file("a//b.rego", "package b").gzip()));
    assertEquals("a\\b.rego: path contains a forbidden character U+005C",
        rejection(new TarBuilder().file("a\\b.rego", "package b").gzip()));
    assertEquals("../x/: path segment \"..\" is not allowed", rejection(new TarBuilder().directory("../x/").gzip()));
  }

  @Test
  void rejectsLinksAndSpecialFiles() {
    assertEquals("evil.rego: symbolic links are not allowed",
        rejection(new TarBuilder().link("evil.rego", TarConstants.LF_SYMLINK, "/etc/passwd").gzip()));
    assertEquals("copy.rego: hard links are not allowed",
        rejection(new TarBuilder().file("a.rego", "package a").link("copy.rego", TarConstants.LF_LINK, "a.rego").gzip()));
    assertEquals("dev: not a regular file (tar type '3')", rejection(new TarBuilder().special("dev", TarConstants.LF_CHR).gzip()));
    assertEquals("pipe: not a regular file (tar type '6')", rejection(new TarBuilder().special("pipe", TarConstants.LF_FIFO).gzip()));
  }

  @Test
  void rejectsDuplicatePaths() {
    assertEquals("a.rego: duplicate file",
        rejection(new TarBuilder().file("a.rego", "package a").file("/a.rego", "package a").gzip()));
    assertEquals(".signatures.json: duplicate file",
        rejection(new TarBuilder().file(".signatures.json", "{}").file("/.signatures.json", "{}").gzip()));
  }

  @Test
  void rejectsAPathThatIsBothFileAndDirectory() {
    assertEquals("a: is both a file and a directory",
        rejection(new TarBuilder().file("a", "x").file("a/data.json", "{}").gzip()));
  }

  @Test
  void rejectsFilesOverThePerFileLimit() {
    BundleLimits limits = new BundleLimits(10, 1000, 100);
    BundleException e = assertThrows(BundleException.class,
        () -> read(new TarBuilder().file("big/data.json", "[" + "1,".repeat(10) + "1]").gzip(), limits));
    assertEquals("big/data.json: 23 bytes is over the limit of 10 bytes per file", e.getMessage());
  }

  @Test
  void rejectsBundlesOverTheTotalLimit() {
    BundleLimits limits = new BundleLimits(10, 25, 100);
    BundleException e = assertThrows(BundleException.class, () -> read(new TarBuilder()
        .file("a/data.json", "[1,2,3,4]").file("b/data.json", "[1,2,3,4]").file("c/data.json", "[1,2,3,4]").gzip(), limits));
    assertEquals("c/data.json: the files add up to more than the limit of 25 bytes", e.getMessage());
  }

  @Test
  void rejectsTooManyEntries() {
    BundleLimits limits = new BundleLimits(100, 1000, 2);
    BundleException e = assertThrows(BundleException.class,
        () -> read(new TarBuilder().directory("a/").file("a/x.rego", "package a").file("a/y.rego", "package a").gzip(), limits));
    assertEquals("a/y.rego: more than 2 entries", e.getMessage());
  }

  @Test
  void stopsArchivesThatUnpackBeyondTheCap() {
    BundleLimits limits = new BundleLimits(100, 100, 2);
    BundleException e = assertThrows(BundleException.class,
        () -> read(new TarBuilder().fileWithPaxComment("a.rego", 200_000).gzip(), limits));
    assertTrue(e.getMessage().startsWith("invalid tar: the archive unpacks to more than"), e.getMessage());
  }

  @Test
  void rejectsInvalidGzip() {
    assertTrue(rejection("not gzip at all".getBytes()).startsWith("invalid gzip: Not in GZIP format"));
    byte[] archive = new TarBuilder().file("a.rego", "package a").gzip();
    String truncated = rejection(Arrays.copyOf(archive, archive.length - 12));
    assertTrue(truncated.startsWith("invalid gzip"), truncated);
    byte[] badCrc = archive.clone();
    badCrc[badCrc.length - 6] ^= 1;
    assertEquals("invalid gzip: Corrupt GZIP trailer", rejection(badCrc));
  }

  @Test
  void rejectsInvalidTar() {
    byte[] garbage = new byte[1024];
    Arrays.fill(garbage, (byte) 'x');
    String message = rejection(TarBuilder.gzip(garbage));
    assertTrue(message.startsWith("invalid tar"), message);
  }

  @Test
  void rejectsDataAfterTheEndOfTheArchive() {
    byte[] tar = new TarBuilder().file("a.rego", "package a").tar();
    byte[] padded = Arrays.copyOf(tar, tar.length + 512);
    padded[padded.length - 1] = 'x';
    assertEquals("data after the end of the tar archive", rejection(TarBuilder.gzip(padded)));
  }

  @Test
  void rejectsInvalidDocumentsNamingTheFile() {
    assertTrue(rejection(new TarBuilder().file("x/data.json", "{\"a\":}").gzip()).startsWith("x/data.json: invalid JSON"));
    assertTrue(rejection(new TarBuilder().file("x/data.yaml", "a: [1,\n").gzip()).startsWith("x/data.yaml: invalid YAML"));
    assertTrue(rejection(new TarBuilder().file(".manifest", "{\"roots\":").gzip()).startsWith(".manifest: invalid JSON"));
    assertEquals(".manifest: \"revision\" must be a string", rejection(new TarBuilder().file(".manifest", "{\"revision\":1}").gzip()));
    assertEquals("p.rego: not valid UTF-8", rejection(new TarBuilder().file("p.rego", new byte[] {'p', (byte) 0xff}).gzip()));
  }

  @Test
  void rejectsDataOutsideTheRoots() {
    assertEquals("other/data.json: data at /other is outside the roots [acme] of .manifest",
        rejection(new TarBuilder().file(".manifest", MANIFEST).file("other/data.json", "{}").gzip()));
    assertEquals("data.json: data at /evil is outside the roots [acme] of .manifest",
        rejection(new TarBuilder().file(".manifest", MANIFEST).file("data.json", "{\"acme\":{\"x\":1},\"evil\":1}").gzip()));
  }

  @Test
  void acceptsDataAboveARootThatOnlyReachesIntoIt() throws BundleException {
    Bundle bundle = read(new TarBuilder().file(".manifest", "{\"roots\":[\"a/b\"]}").file("a/data.json", "{\"b\":{\"c\":1}}").gzip());
    assertEquals("{\"a\":{\"b\":{\"c\":1}}}", bundle.data().toJson());
  }

  @Test
  void rejectsModulesOutsideTheRoots() {
    assertEquals("x.rego: package other.authz is outside the roots [acme] of .manifest",
        rejection(new TarBuilder().file(".manifest", MANIFEST).file("x.rego", "package other.authz").gzip()));
  }

  @Test
  void rejectsOverlappingRoots() {
    assertEquals(".manifest: manifest has overlapping roots \"a/b\" and \"a\"",
        rejection(new TarBuilder().file(".manifest", "{\"roots\":[\"a/b\",\"/a/\"]}").gzip()));
  }

  @Test
  void rejectsConflictingDataFiles() {
    assertEquals("a/data.json: conflicts with other data at /a/b",
        rejection(new TarBuilder().file("a/data.json", "{\"b\":1}").file("a/b/data.json", "{}").gzip()));
    assertEquals("data.json: data at the bundle root must be an object", rejection(new TarBuilder().file("data.json", "[1]").gzip()));
  }

  @Test
  void rejectsMisplacedManifestsSignaturesAndWasm() {
    assertEquals("x/.manifest: only the bundle root may hold a manifest (.manifest)",
        rejection(new TarBuilder().file("x/.manifest", "{}").gzip()));
    assertEquals("x/signatures.json: only the bundle root may hold signatures (.signatures.json)",
        rejection(new TarBuilder().file("x/signatures.json", "{}").gzip()));
    assertEquals("policy.wasm: Wasm, plan and delta (patch) bundles are not supported",
        rejection(new TarBuilder().file("policy.wasm", "\0asm").gzip()));
  }

  @Test
  void roundTripsThroughTheWriter() throws BundleException {
    Bundle bundle = read(new TarBuilder()
        .file("/.manifest", MANIFEST)
        .file("/acme/authz/policy.rego", POLICY)
        .file("/acme/roles/data.json", "{\"admin\": [\"alice\"]}")
        .file("/acme/README.md", "notes")
        .gzip());
    byte[] written = BundleWriter.toBytes(bundle);
    Bundle again = read(written);

    assertEquals(bundle.manifest(), again.manifest());
    assertEquals(bundle.files().size(), again.files().size());
    for (BundleFile file : bundle.files()) {
      assertTrue(again.file(file.path()).orElseThrow().sameContent(file), file.path());
    }
    assertArrayEquals(written, BundleWriter.toBytes(again), "the writer's output depends only on the bundle");
  }
}
