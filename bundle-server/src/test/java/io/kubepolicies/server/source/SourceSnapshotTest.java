package io.kubepolicies.server.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.testing.Fixtures;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.bundle.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSnapshotTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void loadTakesPolicyAndAllowlistFilesOnly(@TempDir Path root) throws IOException {
    write(root, "policies/lib/a.rego", "package a");
    write(root, "policies/stages.yaml", "environments: {}");
    write(root, "allowlists/dev.yaml", "environment: dev");
    write(root, "allowlists/schema.json", "{}");
    write(root, "policies/README.md", "docs");
    write(root, "policies/target/classes/x.rego", "package x");
    write(root, "policies/.cache/y.rego", "package y");
    write(root, "policies/lib/.hidden.rego", "package h");
    write(root, "ci/z.rego", "package z");
    Files.createSymbolicLink(root.resolve("policies/lib/link.rego"), root.resolve("policies/lib/a.rego"));
    SourceSnapshot snapshot = SourceSnapshot.load(root, "abc123");
    assertEquals(List.of("allowlists/dev.yaml", "allowlists/schema.json", "policies/lib/a.rego", "policies/stages.yaml"),
        List.copyOf(snapshot.files().keySet()));
    assertEquals(List.of("policies/lib/a.rego", "policies/stages.yaml"), List.copyOf(snapshot.under("policies").keySet()));
    assertTrue(snapshot.revision().matches("abc123-[0-9a-f]{16}"), snapshot.revision());
  }

  @Test
  void loadNeedsAPoliciesDirectory(@TempDir Path root) {
    IOException e = assertThrows(IOException.class, () -> SourceSnapshot.load(root, "x"));
    assertTrue(e.getMessage().contains("has no policies/ directory"), e.getMessage());
  }

  @Test
  void revisionFollowsContentAndLabel() {
    assertEquals(Fixtures.source("v1").revision(), Fixtures.source("v1").revision());
    assertNotEquals(Fixtures.source("v1").revision(), Fixtures.source("v2").revision());
    String hash = Fixtures.source("v1").revision().substring("test-".length());
    assertEquals("local-" + hash, SourceSnapshot.of(Fixtures.files("v1"), null).revision());
    assertEquals("feature_x-" + hash, SourceSnapshot.of(Fixtures.files("v1"), "feature/x").revision());
    assertEquals("feature_x", SourceSnapshot.of(Fixtures.files("v1"), "feature/x").label());
    assertEquals("r_x-" + hash, SourceSnapshot.of(Fixtures.files("v1"), "_x").revision());
  }

  @Test
  void filesAreDelimitedInTheHash() {
    SourceSnapshot one = SourceSnapshot.of(Map.of("policies/a.rego", bytes("package ab")), "x");
    SourceSnapshot two = SourceSnapshot.of(Map.of("policies/a.rego", bytes("package a"), "policies/b.rego", bytes("b")), "x");
    assertNotEquals(one.revision(), two.revision());
  }

  @Test
  void archiveRoundTripsAndIsDeterministic() throws Exception {
    SourceSnapshot snapshot = Fixtures.source("v1");
    byte[] archive = snapshot.toArchive();
    assertArrayEquals(archive, Fixtures.source("v1").toArchive());
    SourceSnapshot read = SourceSnapshot.read(archive);
    assertEquals(snapshot.revision(), read.revision());
    assertEquals(snapshot.files().keySet(), read.files().keySet());
    snapshot.files().forEach((path, content) -> assertArrayEquals(content, read.files().get(path), path));
  }

  @Test
  void archiveWhoseRevisionDoesNotMatchItsContentIsRefused() throws Exception {
    byte[] archive = archive(Manifest.DEFAULT.withRevision("test-0000000000000000"),
        BundleFile.of("policies/a.rego", bytes("package a")));
    BundleException e = assertThrows(BundleException.class, () -> SourceSnapshot.read(archive));
    assertTrue(e.getMessage().contains("does not match its content"), e.getMessage());
  }

  @Test
  void archiveWithoutARevisionIsRefused() throws Exception {
    byte[] archive = archive(Manifest.DEFAULT, BundleFile.of("policies/a.rego", bytes("package a")));
    assertThrows(BundleException.class, () -> SourceSnapshot.read(archive));
  }

  @Test
  void archiveWithFilesOutsideTheSourceIsRefused() throws Exception {
    byte[] archive = archive(Manifest.DEFAULT.withRevision("x-0"), BundleFile.of("etc/passwd.json", bytes("{}")));
    BundleException e = assertThrows(BundleException.class, () -> SourceSnapshot.read(archive));
    assertTrue(e.getMessage().startsWith("etc/passwd.json: not a source file"), e.getMessage());
  }

  @Test
  void garbageIsRefusedAsAnArchive() {
    assertThrows(BundleException.class, () -> SourceSnapshot.read(bytes("not a tar.gz")));
  }

  @Test
  void filesGivenDirectlyFollowTheSameRules() {
    assertThrows(IllegalArgumentException.class, () -> SourceSnapshot.of(Map.of("policies/target/a.rego", bytes("")), "x"));
    assertThrows(IllegalArgumentException.class, () -> SourceSnapshot.of(Map.of("README.md", bytes("")), "x"));
  }

  private static byte[] archive(Manifest manifest, BundleFile... files) throws BundleException {
    List<BundleFile> all = new ArrayList<>(List.of(files));
    all.add(BundleFile.of(".manifest", manifest.toJson()));
    return BundleWriter.toBytes(Bundle.of(all));
  }
}
