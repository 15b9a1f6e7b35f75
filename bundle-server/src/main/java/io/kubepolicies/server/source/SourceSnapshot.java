package io.kubepolicies.server.source;

import io.kubepolicies.server.Sha256;
import io.kubepolicies.server.store.Layout;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleLimits;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.bundle.FileKind;
import io.kubepolicies.signing.bundle.Manifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The inputs of a build at one revision: the Rego, YAML and JSON files under {@code policies/}
 * and {@code allowlists/}, as bytes. Its revision is a label (usually the git commit) plus a hash
 * of the content, so two snapshots with one revision have the same files. It travels (upload,
 * storage for later promotion) as a gzipped tar whose {@code .manifest} names the revision.
 */
public final class SourceSnapshot {
  public static final List<String> ROOTS = List.of("policies", "allowlists");
  private static final List<String> EXTENSIONS = List.of(".rego", ".yaml", ".yml", ".json");
  private static final int HASH_CHARS = 16;
  private static final int MAX_LABEL = 64;
  /** Uploaded snapshots: 8 MiB per file, 64 MiB in all, 5,000 files. */
  private static final BundleLimits LIMITS = new BundleLimits(8 << 20, 64L << 20, 5_000);

  private final SortedMap<String, byte[]> files;
  private final String label;
  private final String revision;

  private SourceSnapshot(SortedMap<String, byte[]> files, String label) {
    this.files = Collections.unmodifiableSortedMap(files);
    this.label = label;
    this.revision = label + "-" + Sha256.ofFiles(files).substring(0, HASH_CHARS);
  }

  /**
   * Reads {@code policies/} and {@code allowlists/} under {@code root}, skipping build output
   * ({@code target/}), hidden files and directories, links and files of other types.
   *
   * @param label names the source, e.g. a git commit; anything outside {@code [A-Za-z0-9._-]} becomes {@code _}
   */
  public static SourceSnapshot load(Path root, String label) throws IOException {
    if (!Files.isDirectory(root.resolve("policies"))) {
      throw new IOException(root.toAbsolutePath().normalize() + " has no policies/ directory");
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String top : ROOTS) {
      Path dir = root.resolve(top);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(dir)) {
        paths = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
      }
      for (Path path : paths) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (included(relative)) {
          files.put(relative, Files.readAllBytes(path));
        }
      }
    }
    return new SourceSnapshot(files, sanitize(label));
  }

  /** Files given directly (for tests and tools), under the same rules as {@link #load}. */
  public static SourceSnapshot of(Map<String, byte[]> content, String label) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    content.forEach((path, bytes) -> {
      if (!included(path)) {
        throw new IllegalArgumentException(path + ": not a source file (policies/ or allowlists/, .rego/.yaml/.yml/.json)");
      }
      files.put(path, bytes.clone());
    });
    return new SourceSnapshot(files, sanitize(label));
  }

  /** Reads a snapshot archive and checks that its revision matches its content. */
  public static SourceSnapshot read(byte[] archive) throws BundleException {
    Bundle bundle = new BundleReader(LIMITS).read(new ByteArrayInputStream(archive));
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (BundleFile file : bundle.files()) {
      if (file.kind() == FileKind.MANIFEST) {
        continue;
      }
      if (!included(file.path())) {
        throw new BundleException(file.path() + ": not a source file (policies/ or allowlists/, .rego/.yaml/.yml/.json)");
      }
      files.put(file.path(), file.bytes());
    }
    String claimed = bundle.manifest().revision();
    int dash = claimed.lastIndexOf('-');
    if (dash <= 0) {
      throw new BundleException("source archive: revision \"" + claimed + "\" is not <label>-<content hash>");
    }
    SourceSnapshot snapshot = new SourceSnapshot(files, sanitize(claimed.substring(0, dash)));
    if (!snapshot.revision.equals(claimed)) {
      throw new BundleException("source archive: revision \"" + claimed + "\" does not match its content (" + snapshot.revision + ")");
    }
    return snapshot;
  }

  /**
   * The gzipped tar form; the same snapshot always gives the same bytes. The archive is checked like
   * a bundle, so a module without a readable {@code package} line is refused here, naming the file.
   */
  public byte[] toArchive() throws BundleException {
    List<BundleFile> entries = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      entries.add(BundleFile.of(file.getKey(), file.getValue()));
    }
    entries.add(BundleFile.of(FileKind.MANIFEST_PATH, Manifest.DEFAULT.withRevision(revision).toJson()));
    return BundleWriter.toBytes(Bundle.of(entries, LIMITS));
  }

  public String revision() {
    return revision;
  }

  /** What names the source (e.g. a git commit), the revision without its content hash. */
  public String label() {
    return label;
  }

  /** Path (e.g. {@code policies/lib/workload.rego}) to content; the arrays must not be modified. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The files under {@code top} ({@code "policies"} or {@code "allowlists"}). */
  public SortedMap<String, byte[]> under(String top) {
    return files.subMap(top + "/", top + "/\uffff");
  }

  private static boolean included(String path) {
    String[] segments = path.split("/");
    if (segments.length < 2 || !ROOTS.contains(segments[0])) {
      return false;
    }
    for (String segment : segments) {
      if (segment.isEmpty() || segment.startsWith(".") || segment.equals("target")) {
        return false;
      }
    }
    return EXTENSIONS.stream().anyMatch(path::endsWith);
  }

  private static String sanitize(String label) {
    String clean = label == null || label.isBlank() ? "local" : label.replaceAll("[^A-Za-z0-9._-]", "_");
    if (!Character.isLetterOrDigit(clean.charAt(0))) {
      clean = "r" + clean;
    }
    clean = clean.length() > MAX_LABEL ? clean.substring(0, MAX_LABEL) : clean;
    return Layout.checkRevision(clean);
  }
}
