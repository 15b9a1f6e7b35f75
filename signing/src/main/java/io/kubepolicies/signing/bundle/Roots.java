package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.util.List;

/**
 * The manifest's roots: the parts of {@code data} a bundle owns. Every package and data path of the
 * bundle must lie under one of them, and no two may overlap. The root {@code ""} owns everything.
 */
public final class Roots {
  public static final Roots EVERYTHING = new Roots(List.of(""));

  private final List<String> paths;

  private Roots(List<String> paths) {
    this.paths = List.copyOf(paths);
  }


  /** Roots as written in a manifest; leading and trailing slashes are dropped, as OPA does. */
  public static Roots of(List<String> roots) throws BundleException {
    List<String> paths = roots.stream().map(Roots::trimSlashes).toList();
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        if (contains(paths.get(i), segments(paths.get(j))) || contains(paths.get(j), segments(paths.get(i)))) {
          throw new BundleException("manifest has overlapping roots \"" + paths.get(i) + "\" and \"" + paths.get(j) + "\"");
        }
      }
    }
    return new Roots(paths);
  }

  public List<String> paths() {
    return paths;
  }

  /** Whether {@code path} (segments below {@code data}) lies under one of the roots. */
  public boolean contain(List<String> path) {
    return paths.stream().anyMatch(root -> contains(root, path));
  }

  /** Whether some root lies strictly below {@code path}, so that data there may hold it. */
  boolean leadToARoot(List<String> path) {
    return paths.stream().anyMatch(root -> isPrefix(path, segments(root)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Roots roots && roots.paths.equals(paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return paths.toString();
  }

  private static boolean contains(String root, List<String> path) {
    return root.isEmpty() || isPrefix(segments(root), path);
  }

  private static boolean isPrefix(List<String> prefix, List<String> path) {
    return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static List<String> segments(String root) {
    return List.of(root.split("/", -1));
  }

  private static String trimSlashes(String root) {
    int start = 0;
    int end = root.length();
    while (start < end && root.charAt(start) == '/') {
      start++;
    }
    while (end > start && root.charAt(end - 1) == '/') {
      end--;
    }
    return root.substring(start, end);
  }
}
