package io.kubepolicies.rego.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every module, query and {@code input_term} of OPA's conformance cases: the syntax the
 * evaluator has to handle. Modules are Rego v1, as OPA's runner parses them.
 */
class ConformanceParseTest {
  private static final Path CASES = Path.of("/work/shared/conformance/opa");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void parsesEveryModuleQueryAndInputTermOfTheConformanceSuite() throws IOException {
    assumeTrue(Files.isDirectory(CASES), "conformance cases not present");
    List<Path> files;
    try (Stream<Path> topics = Files.list(CASES)) {
      files = topics.filter(Files::isDirectory)
          .flatMap(ConformanceParseTest::yamlFiles)
          .sorted()
          .toList();
    }
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (Path file : files) {
      JsonNode cases = YAML.readTree(file.toFile()).get("cases");
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        String id = CASES.relativize(file) + "#" + i;
        JsonNode modules = c.get("modules");
        if (modules != null && modules.isArray()) {
          for (int m = 0; m < modules.size(); m++) {
            String name = "test-" + m + ".rego";
            String source = modules.get(m).asText();
            parsed += attempt(failures, id + " " + name, () -> Parser.parseModule(name, source, RegoVersion.V1));
          }
        }
        String query = c.get("query").asText();
        parsed += attempt(failures, id + " query", () -> Parser.parseQuery(query));
        JsonNode inputTerm = c.get("input_term");
        if (inputTerm != null && !inputTerm.isNull()) {
          parsed += attempt(failures, id + " input_term", () -> Parser.parseTerm(inputTerm.asText()));
        }
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(40, failures.size())), failures.size() + " failures");
    // 1876 queries, 1857 cases with modules, 81 input terms: the walk must have seen them all.
    assertEquals(true, parsed > 3800, "parsed only " + parsed);
  }

  private static Stream<Path> yamlFiles(Path dir) {
    try {
      return Files.list(dir).filter(p -> p.toString().endsWith(".yaml")).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int attempt(List<String> failures, String what, Runnable parse) {
    try {
      parse.run();
      return 1;
    } catch (RegoException e) {
      failures.add(what + ": " + e.first().describe());
      return 0;
    }
  }
}
