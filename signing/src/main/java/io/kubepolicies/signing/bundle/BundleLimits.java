package io.kubepolicies.signing.bundle;

/**
 * Size limits applied while reading a bundle, so that a hostile archive (a gzip bomb, a million
 * tiny entries) is refused before it exhausts memory.
 *
 * @param maxFileBytes the largest single file, uncompressed
 * @param maxTotalBytes the largest sum of all file sizes, uncompressed
 * @param maxEntries the most tar entries (files and directories)
 */
public record BundleLimits(int maxFileBytes, long maxTotalBytes, int maxEntries) {
  /** 32 MiB per file, 128 MiB in all, 10,000 entries. */
  public static final BundleLimits DEFAULT = new BundleLimits(32 << 20, 128L << 20, 10_000);

  public BundleLimits {
    if (maxFileBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("bundle limits must be positive");
    }
  }

  /** The most uncompressed tar bytes to read: the files plus generous room for headers and padding. */
  long maxArchiveBytes() {
    return maxTotalBytes + 4096L * maxEntries + 65_536;
  }
}
