package io.kubepolicies.server.build;

import io.kubepolicies.signing.bundle.BundleFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over files in path order; each contributes its path, a NUL, its length (8 bytes) and its
 * bytes, so no two different file sets hash alike by shifting bytes between neighbours.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(List<BundleFile> files) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (BundleFile file : files.stream().sorted(Comparator.comparing(BundleFile::path)).toList()) {
      byte[] content = file.bytes();
      sha256.update(file.path().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
      sha256.update(content);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
