package io.kubepolicies.enforcer.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last good bundle on local disk, exactly as fetched, so a restart with the store down can serve
 * it again (after verifying it again: the disk is not trusted more than the store).
 */
public final class BundleCache {
  private static final String FILE = "last-good.tar.gz";

  private final Path dir;

  public BundleCache(Path dir) {
    this.dir = dir;
  }

  public Path file() {
    return dir.resolve(FILE);
  }

  /** Replaces the kept bundle through a temporary file, so a crash never leaves half an archive. */
  public void save(byte[] archive) throws BundleRejectedException {
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".last-good", ".tmp");
      try {
        Files.write(temp, archive);
        Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new BundleRejectedException(BundleFailure.CACHE_UNAVAILABLE, "cannot persist the bundle in " + dir + ": " + e, e);
    }
  }

  /** The kept archive, or empty when there is none. */
  public Optional<byte[]> load() throws BundleRejectedException {
    try {
      return Optional.of(Files.readAllBytes(file()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BundleRejectedException(BundleFailure.CACHE_UNAVAILABLE, "cannot read " + file() + ": " + e, e);
    }
  }
}
