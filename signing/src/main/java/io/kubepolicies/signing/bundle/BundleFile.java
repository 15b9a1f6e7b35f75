package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One file of a bundle: its path relative to the bundle root and its exact bytes. Immutable. */
public final class BundleFile {
  private final String path;
  private final byte[] content;

  private BundleFile(String path, byte[] content) {
    this.path = path;
    this.content = content;
  }

  /** A file at {@code path}, which may start with {@code /} or {@code ./} and must stay inside the bundle. */
  public static BundleFile of(String path, byte[] content) throws BundleException {
    try {
      return new BundleFile(BundlePath.normalize(path), content.clone());
    } catch (BundleException e) {
      throw e.in(path);
    }
  }

  /** A file at an already normalized path, taking over {@code content} (the caller must drop it). */
  static BundleFile owning(String normalizedPath, byte[] content) {
    return new BundleFile(normalizedPath, content);
  }

  public String path() {
    return path;
  }

  public FileKind kind() {
    return FileKind.of(path);
  }

  public int size() {
    return content.length;
  }

  public byte[] bytes() {
    return content.clone();
  }

  /** The content itself, not a copy: for this package's readers, which must not modify it. */
  byte[] content() {
    return content;
  }

  /** The content as UTF-8 text; malformed UTF-8 is rejected (the caller names the file) rather than replaced. */
  public String text() throws BundleException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BundleException("not valid UTF-8");
    }
  }

  public boolean sameContent(BundleFile other) {
    return Arrays.equals(content, other.content);
  }

  @Override
  public String toString() {
    return path + " (" + content.length + " bytes)";
  }
}
