package io.kubepolicies.ci.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the cases of {@code <dir>/<topic>/*.yaml}, in sorted order, numbers kept exact. */
final class CaseLoader {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  private CaseLoader() {}

  /** {@code root} may be the directory of topics or a single topic directory. */
  static List<ConformanceCase> load(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, 2)) {
      walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(files::add);
    }
    List<ConformanceCase> cases = new ArrayList<>();
    for (Path f : files) {
      JsonNode doc = YAML.readTree(f.toFile());
      JsonNode list = doc == null ? null : doc.get("cases");
      if (list == null || !list.isArray()) {
        throw new IOException(f + ": no `cases` list");
      }
      String topic = f.getParent().getFileName().toString();
      for (int i = 0; i < list.size(); i++) {
        cases.add(toCase(topic, f.getFileName().toString(), i, list.get(i)));
      }
    }
    return cases;
  }

  private static ConformanceCase toCase(String topic, String file, int index, JsonNode c) {
    List<String> modules = new ArrayList<>();
    if (present(c, "modules")) {
      c.get("modules").forEach(m -> modules.add(m.asText()));
    }
    List<Value> want = null;
    if (present(c, "want_result")) {
      want = new ArrayList<>();
      for (JsonNode row : c.get("want_result")) {
        want.add(Json.fromNode(row));
      }
    }
    return new ConformanceCase(topic, file, index, text(c, "note"), text(c, "query"), modules,
        present(c, "data") ? Json.fromNode(c.get("data")) : null,
        present(c, "input") ? Json.fromNode(c.get("input")) : null,
        text(c, "input_term"), want, text(c, "want_error_code"), text(c, "want_error"),
        flag(c, "strict_error"), flag(c, "sort_bindings"), flag(c, "ignore_generated_vars"));
  }

  private static boolean present(JsonNode c, String key) {
    return c.has(key) && !c.get(key).isNull();
  }

  private static String text(JsonNode c, String key) {
    return present(c, key) ? c.get(key).asText() : null;
  }

  private static boolean flag(JsonNode c, String key) {
    return present(c, key) && c.get(key).asBoolean();
  }
}
