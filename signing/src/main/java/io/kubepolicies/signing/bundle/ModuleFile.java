package io.kubepolicies.signing.bundle;

import java.util.List;
import java.util.OptionalInt;

/**
 * A Rego module of a bundle.
 *
 * @param packagePath the package below {@code data}, e.g. [a, b] for {@code package a.b}
 * @param regoVersion the version the manifest sets for this file (0 or 1), if it sets one
 */
public record ModuleFile(String path, String source, List<String> packagePath, OptionalInt regoVersion) {
  public ModuleFile {
    packagePath = List.copyOf(packagePath);
  }
}
