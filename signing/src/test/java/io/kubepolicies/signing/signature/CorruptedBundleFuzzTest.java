package io.kubepolicies.signing.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.jws.JdkKeys;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Feeds 10,000 randomly corrupted copies of a signed bundle to the reader and verifier (seeded, so
 * a failure replays). Each is either refused with a {@link BundleException} or, if accepted, has the
 * same content as the original: only changes OPA's format ignores (gzip header fields, tar header
 * fields, JSON whitespace) may pass.
 */
class CorruptedBundleFuzzTest {
  private static final int CASES = 10_000;

  private final KeyPair key = JdkKeys.rsa(2048);

  @Test
  void refusesOrPreservesEveryCorruptedBundle() throws Exception {
    Bundle original = BundleSigner.sign(SampleBundles.sample(), SigningKey.of(key.getPrivate()),
        SignOptions.defaults().withKeyId("k").withPublication(new Publication("prod", 3)));
    byte[] archive = BundleWriter.toBytes(original);
    byte[] tar = gunzip(archive);
    BundleVerifier verifier = new BundleVerifier(TrustedKeys.of(Map.of("k", VerificationKey.of(key.getPublic()))));
    VerificationPolicy policy = VerificationPolicy.ANY.forEnvironment("prod", 3);
    BundleReader reader = new BundleReader();
    Random random = new Random(20261126L);

    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] corrupted = switch (i % 3) {
        case 0 -> mutate(archive, random);
        case 1 -> gzip(mutate(tar, random));
        default -> gzip(tarWithOneFileMutated(original, random));
      };
      try {
        VerifiedBundle accepted = verifier.verify(reader.read(new ByteArrayInputStream(corrupted)), policy);
        assertSameContent(original, accepted.bundle(), i);
      } catch (BundleException expected) {
        refused++;
      } catch (RuntimeException | Error e) {
        fail("case " + i + " escaped with " + e, e);
      }
    }
    assertTrue(refused > CASES * 9 / 10, "most corruptions are refused, got " + refused);
  }

  private static byte[] mutate(byte[] input, Random random) {
    byte[] out = input.clone();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && out.length > 0; m++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(5)) {
        case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> out[at] = (byte) random.nextInt(256);
        case 2 -> out = java.util.Arrays.copyOf(out, at);
        case 3 -> out = splice(out, at, new byte[] {(byte) random.nextInt(256)}, 0);
        default -> out = splice(out, at, new byte[0], 1);
      }
    }
    return out;
  }

  private static byte[] splice(byte[] input, int at, byte[] insert, int remove) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(input, 0, at);
    out.writeBytes(insert);
    int rest = Math.min(input.length, at + remove);
    out.write(input, rest, input.length - rest);
    return out.toByteArray();
  }

  /** The original's entries with one file's content mutated, in a well-formed tar: reaches the parsers and the hashes. */
  private static byte[] tarWithOneFileMutated(Bundle original, Random random) {
    List<BundleFile> files = new ArrayList<>(original.files());
    files.add(original.signatures().orElseThrow());
    int target = random.nextInt(files.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (int i = 0; i < files.size(); i++) {
        byte[] content = i == target ? mutate(files.get(i).bytes(), random) : files.get(i).bytes();
        TarArchiveEntry entry = new TarArchiveEntry(files.get(i).path());
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void assertSameContent(Bundle original, Bundle accepted, int i) throws BundleException {
    assertEquals(paths(original), paths(accepted), "case " + i + ": files");
    for (BundleFile file : original.files()) {
      BundleFile other = accepted.file(file.path()).orElseThrow();
      boolean same = file.kind().hashedAsDocument()
          ? original.document(file.path()).equals(accepted.document(file.path()))
          : file.sameContent(other);
      assertTrue(same, "case " + i + ": " + file.path() + " changed but was accepted");
    }
    assertEquals(SignaturesFile.parse(original.signatures().orElseThrow().bytes()),
        SignaturesFile.parse(accepted.signatures().orElseThrow().bytes()), "case " + i + ": signatures");
  }

  private static List<String> paths(Bundle bundle) {
    return bundle.files().stream().map(BundleFile::path).toList();
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
