package io.kubepolicies.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/** SHA-256 in lowercase hex, the form pointers, history records, token files and revisions hold. */
public final class Sha256 {
  private Sha256() {}

  public static String hex(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  /**
   * Over files in path order; each contributes its path, a NUL, its length (8 bytes) and its bytes,
   * so no two different file sets hash alike by shifting bytes between neighbours.
   */
  public static String ofFiles(SortedMap<String, byte[]> files) {
    MessageDigest sha256 = digest();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] content = file.getValue();
      sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
      sha256.update(content);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
