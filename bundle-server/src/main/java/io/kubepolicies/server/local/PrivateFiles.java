package io.kubepolicies.server.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets on local disk: written whole (through a temporary file), readable by the owner only. */
public final class PrivateFiles {
  private PrivateFiles() {}

  public static void write(Path file, String content) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
    try {
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, content);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A random secret: {@code bytes} random bytes, base64url without padding. */
  public static String randomSecret(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
