package io.kubepolicies.signing.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar archives entry by entry, hostile ones included (names are written exactly as given). */
final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  TarBuilder() {
    tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  TarBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder file(String name, byte[] content) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length);
    return put(entry, content);
  }

  TarBuilder directory(String name) {
    return put(new TarArchiveEntry(name, TarConstants.LF_DIR, true), new byte[0]);
  }

  TarBuilder link(String name, byte type, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
    entry.setLinkName(target);
    return put(entry, new byte[0]);
  }

  TarBuilder special(String name, byte type) {
    return put(new TarArchiveEntry(name, type, true), new byte[0]);
  }

  /** A file whose PAX extended header carries a large comment. */
  TarBuilder fileWithPaxComment(String name, int commentLength) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.addPaxHeader("comment", "x".repeat(commentLength));
    return put(entry, new byte[0]);
  }

  private TarBuilder put(TarArchiveEntry entry, byte[] content) {
    try {
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] tar() {
    try {
      tar.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] gzip() {
    return gzip(tar());
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
