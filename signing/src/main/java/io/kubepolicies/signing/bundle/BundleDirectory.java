package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Collects a bundle's files from a source directory: Rego modules, data files and the manifest.
 * Other files (and any existing {@code .signatures.json}) are left out, as {@code opa build} does;
 * symbolic links are refused rather than followed out of the directory.
 */
public final class BundleDirectory {
  private static final Set<FileKind> INCLUDED =
      Set.of(FileKind.MODULE, FileKind.DATA_JSON, FileKind.DATA_YAML, FileKind.DATA_YML, FileKind.MANIFEST);

  private BundleDirectory() {}

  public static List<BundleFile> files(Path root, BundleLimits limits) throws BundleException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new BundleException(root + ": not a directory");
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted().toList();
    } catch (IOException e) {
      throw new BundleException("cannot list " + root + ": " + e.getMessage(), e);
    }
    List<BundleFile> files = new ArrayList<>();
    for (Path path : paths) {
      String relative = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
      if (Files.isSymbolicLink(path)) {
        throw new BundleException(relative + ": symbolic links are not allowed");
      }
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !INCLUDED.contains(FileKind.of(relative))) {
        continue;
      }
      files.add(BundleFile.of(relative, read(path, relative, limits)));
    }
    return files;
  }

  private static byte[] read(Path path, String relative, BundleLimits limits) throws BundleException {
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        throw new BundleException(relative + ": " + size + " bytes is over the limit of " + limits.maxFileBytes() + " bytes per file");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new BundleException("cannot read " + relative + ": " + e.getMessage(), e);
    }
  }
}
