package io.kubepolicies.ci.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** This repository's policy library, allowlists and examples, copied where a test may change them. */
public final class Repository {
  /** The repository root: tests run in the {@code ci} module's directory. */
  public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Repository() {}

  /** Copies {@code policies/}, {@code allowlists/} and {@code examples/} (no build output) into {@code target}. */
  public static Path copyTo(Path target) throws IOException {
    for (String top : List.of("policies", "allowlists", "examples")) {
      Path from = ROOT.resolve(top);
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path path : walk.filter(p -> !ROOT.relativize(p).toString().contains("target")).toList()) {
          Path to = target.resolve(ROOT.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(to);
          } else {
            Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return target;
  }
}
