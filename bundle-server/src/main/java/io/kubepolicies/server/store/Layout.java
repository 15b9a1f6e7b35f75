package io.kubepolicies.server.store;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The object keys of the store (see CONTRACT.md), and the names allowed in them. */
public final class Layout {
  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern BUNDLE_NAME = Pattern.compile("[1-9][0-9]{0,17}\\.tar\\.gz");

  private Layout() {}

  public static String checkEnvironment(String name) {
    if (name == null || !ENVIRONMENT.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid environment name \"" + name
          + "\": use lowercase letters, digits and inner dashes (at most 63)");
    }
    return name;
  }

  public static String checkRevision(String revision) {
    if (revision == null || !REVISION.matcher(revision).matches()) {
      throw new IllegalArgumentException("invalid revision \"" + revision
          + "\": use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)");
    }
    return revision;
  }

  public static String bundlesPrefix(String environment) {
    return "bundles/" + checkEnvironment(environment) + "/";
  }

  public static String bundle(String environment, long sequence) {
    return bundlesPrefix(environment) + sequence + ".tar.gz";
  }

  public static String pointer(String environment) {
    return bundlesPrefix(environment) + "current.json";
  }

  public static String historyPrefix(String environment) {
    return "history/" + checkEnvironment(environment) + "/";
  }

  public static String history(String environment, long sequence) {
    return historyPrefix(environment) + sequence + ".json";
  }

  public static String source(String revision) {
    return "sources/" + checkRevision(revision) + ".tar.gz";
  }

  /** The sequence of a bundle key under {@link #bundlesPrefix}, or empty for any other key there. */
  public static OptionalLong bundleSequence(String environment, String key) {
    String prefix = bundlesPrefix(environment);
    if (!key.startsWith(prefix) || !BUNDLE_NAME.matcher(key.substring(prefix.length())).matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(key.substring(prefix.length(), key.length() - ".tar.gz".length())));
  }
}
