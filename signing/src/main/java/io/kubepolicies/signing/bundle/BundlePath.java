package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.util.List;

/** Turns a tar entry name into a path relative to the bundle root, refusing any name that could escape it. */
final class BundlePath {
  private BundlePath() {}

  /**
   * A leading {@code /} (as {@code opa build} writes) or {@code ./} means the bundle root; the rest
   * must be plain segments: no empty, {@code .} or {@code ..} segment, no backslash, no control
   * character.
   */
  static String normalize(String name) throws BundleException {
    String path = name.startsWith("/") ? name.substring(1) : name.startsWith("./") ? name.substring(2) : name;
    if (path.isEmpty()) {
      throw new BundleException("empty path");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '\uFFFD') {
        throw new BundleException(String.format("path contains a forbidden character U+%04X", (int) c));
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new BundleException("path segment \"" + segment + "\" is not allowed");
      }
    }
    return path;
  }

  /** The directory part of a normalized path, split into segments ({@code a/b/data.json} is [a, b]). */
  static List<String> directorySegments(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? List.of() : List.of(path.substring(0, slash).split("/"));
  }
}
