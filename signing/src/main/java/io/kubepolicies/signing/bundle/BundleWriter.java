package io.kubepolicies.signing.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a bundle as a gzipped tar that OPA reads: regular files only, manifest and signatures first,
 * then the rest in path order. The output depends only on the bundle (fixed times, owners and modes).
 */
public final class BundleWriter {
  private BundleWriter() {}

  public static void write(Bundle bundle, OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (BundleFile file : inWritingOrder(bundle)) {
      TarArchiveEntry entry = new TarArchiveEntry(file.path());
      entry.setSize(file.size());
      entry.setMode(0100644);
      entry.setModTime(new Date(0));
      entry.setIds(0, 0);
      entry.setNames("", "");
      tar.putArchiveEntry(entry);
      tar.write(file.content());
      tar.closeArchiveEntry();
    }
    tar.finish();
    gzip.finish();
    out.flush();
  }

  public static byte[] toBytes(Bundle bundle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(bundle, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Writes {@code bundle} to {@code target} through a temporary file, so readers never see half a bundle. */
  public static void write(Bundle bundle, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, ".bundle", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        write(bundle, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static List<BundleFile> inWritingOrder(Bundle bundle) {
    List<BundleFile> order = new ArrayList<>();
    bundle.file(FileKind.MANIFEST_PATH).ifPresent(order::add);
    bundle.signatures().ifPresent(order::add);
    bundle.files().stream().filter(file -> file.kind() != FileKind.MANIFEST).forEach(order::add);
    return order;
  }
}
