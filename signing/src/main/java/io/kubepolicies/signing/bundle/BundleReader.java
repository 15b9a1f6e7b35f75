package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads a bundle (a gzipped tar) and refuses anything hostile with an error naming the entry:
 * paths leaving the bundle, links, devices and other non-regular entries, duplicates, files or
 * totals over the {@link BundleLimits}, too many entries, corrupt gzip or tar, data after the
 * archive's end. The whole archive is read and checked before a {@link Bundle} is returned, so a
 * rejected bundle leaves nothing behind.
 */
public final class BundleReader {
  private static final int TAR_RECORD = 512;

  private final BundleLimits limits;

  public BundleReader() {
    this(BundleLimits.DEFAULT);
  }

  public BundleReader(BundleLimits limits) {
    this.limits = limits;
  }

  public Bundle read(Path archive) throws BundleException {
    try (InputStream in = Files.newInputStream(archive)) {
      return read(in);
    } catch (IOException e) {
      throw new BundleException("cannot read " + archive + ": " + e.getMessage(), e);
    }
  }

  public Bundle read(InputStream compressed) throws BundleException {
    return Bundle.of(entries(compressed), limits);
  }

  private List<BundleFile> entries(InputStream compressed) throws BundleException {
    String entry = null;
    try {
      CappedInputStream tarStream = new CappedInputStream(new GzipStream(compressed), limits.maxArchiveBytes());
      // One-record blocks: the reader then skips nothing after the end marker, and we check what follows.
      TarArchiveInputStream tar = new TarArchiveInputStream(tarStream, TAR_RECORD, TAR_RECORD, StandardCharsets.UTF_8.name());
      List<BundleFile> files = new ArrayList<>();
      long total = 0;
      int count = 0;
      for (TarArchiveEntry next = tar.getNextEntry(); next != null; next = tar.getNextEntry()) {
        entry = next.getName();
        if (++count > limits.maxEntries()) {
          throw new BundleException("more than " + limits.maxEntries() + " entries");
        }
        if (isDirectory(next)) {
          checkDirectory(entry);
          continue;
        }
        checkRegularFile(next);
        if (next.getSize() > limits.maxFileBytes()) {
          throw new BundleException(next.getSize() + " bytes is over the limit of " + limits.maxFileBytes() + " bytes per file");
        }
        total += next.getSize();
        if (total > limits.maxTotalBytes()) {
          throw new BundleException("the files add up to more than the limit of " + limits.maxTotalBytes() + " bytes");
        }
        byte[] content = tar.readNBytes((int) next.getSize());
        if (content.length != next.getSize()) {
          throw new BundleException("truncated: " + content.length + " of " + next.getSize() + " bytes");
        }
        files.add(BundleFile.owning(BundlePath.normalize(entry), content));
      }
      entry = null;
      checkNothingFollows(tarStream);
      return files;
    } catch (BundleException e) {
      throw entry == null ? e : e.in(entry);
    } catch (GzipException e) {
      throw new BundleException("invalid gzip: " + e.getCause().getMessage(), e);
    } catch (IOException | RuntimeException e) {
      // Commons Compress signals some malformed headers with runtime exceptions: all are bad input here.
      String where = entry == null ? "" : " at entry " + entry;
      throw new BundleException("invalid tar" + where + ": " + e.getMessage(), e);
    }
  }

  private static boolean isDirectory(TarArchiveEntry entry) {
    byte type = entry.getLinkFlag();
    boolean plain = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM;
    return type == TarConstants.LF_DIR || (plain && entry.getName().endsWith("/") && entry.getSize() == 0);
  }

  private static void checkDirectory(String name) throws BundleException {
    String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (!(path.isEmpty() || path.equals(".") || path.equals("/."))) {
      BundlePath.normalize(path);
    }
  }

  private static void checkRegularFile(TarArchiveEntry entry) throws BundleException {
    byte type = entry.getLinkFlag();
    if (type == TarConstants.LF_SYMLINK) {
      throw new BundleException("symbolic links are not allowed");
    }
    if (type == TarConstants.LF_LINK) {
      throw new BundleException("hard links are not allowed");
    }
    if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM || entry.isSparse()) {
      throw new BundleException("not a regular file (tar type '" + (char) type + "')");
    }
  }

  /** Reads to the end, so gzip's checksum is verified, and allows only the tar's zero padding there. */
  private static void checkNothingFollows(InputStream rest) throws IOException, BundleException {
    byte[] buffer = new byte[8192];
    for (int n = rest.read(buffer); n >= 0; n = rest.read(buffer)) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] != 0) {
          throw new BundleException("data after the end of the tar archive");
        }
      }
    }
  }

  /** Marks failures of the gzip layer so they can be told apart from tar failures. */
  private static final class GzipException extends IOException {
    private static final long serialVersionUID = 1L;

    GzipException(IOException cause) {
      super(cause);
    }
  }

  private static final class GzipStream extends FilterInputStream {
    private GzipStream(InputStream compressed) throws GzipException {
      super(open(compressed));
    }

    private static InputStream open(InputStream compressed) throws GzipException {
      try {
        return new GZIPInputStream(compressed, 8192);
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new GzipException(e);
      }
    }
  }

  /** Stops a decompression bomb: fails once more than {@code max} bytes come out. */
  private static final class CappedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    private CappedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws IOException {
      count += n;
      if (count > max) {
        throw new IOException("the archive unpacks to more than " + max + " bytes");
      }
    }
  }
}
