package io.kubepolicies.policies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Rego library as the CLI loads it from this module's directory: lib/**.rego and stages.yaml. */
final class Library {
  static final Path MODULE_DIR = Path.of("").toAbsolutePath();
  static final Path LIB = MODULE_DIR.resolve("lib");
  static final Path STAGES = MODULE_DIR.resolve("stages.yaml");
  static final Path EXAMPLES = MODULE_DIR.resolveSibling("examples");

  private Library() {}

  static List<Path> regoFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(LIB)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".rego")).sorted().toList();
    }
  }

  static List<Module> modules() throws IOException {
    List<Module> modules = new ArrayList<>();
    for (Path file : regoFiles()) {
      modules.add(Parser.parseModule(MODULE_DIR.relativize(file).toString(),
          Files.readString(file, StandardCharsets.UTF_8), RegoVersion.V1));
    }
    return modules;
  }

  static JsonNode yaml(Path file) throws IOException {
    return new YAMLMapper().readTree(file.toFile());
  }
}
