package io.kubepolicies.server.source;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.util.Map;

/**
 * Data files loaded beside Rego modules, as {@code opa eval -d} and {@code opa test} load them: a
 * JSON or YAML document (by the name's extension) that must be an object, merged into the base
 * document at the root, objects member by member, anything else replacing what was there. The gate
 * and the CLI's {@code eval} and {@code test} load them here, so the gate's tests see what
 * {@code kube-policies test} sees.
 */
public final class DataDocuments {
  /** Configured once and never changed, so it is safe to share. */
  private static final YAMLMapper YAML = new YAMLMapper();

  private DataDocuments() {}

  /** The document in {@code content}: YAML for {@code .yaml} and {@code .yml} names, JSON otherwise. */
  public static Value read(String name, byte[] content) throws IOException {
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      try {
        return Json.fromNode(YAML.readTree(content));
      } catch (IOException | RuntimeException e) {
        throw new IOException(name + ": not valid YAML: " + e.getMessage(), e);
      }
    }
    try {
      return Json.parse(content);
    } catch (Json.JsonException e) {
      throw new IOException(name + ": invalid JSON: " + e.getMessage(), e);
    }
  }

  /** {@code document} (read from {@code name}) merged into {@code root}; a document that is no object is an error. */
  public static ObjectValue merge(ObjectValue root, Value document, String name) throws IOException {
    if (!(document instanceof ObjectValue object)) {
      throw new IOException(name + ": a data file must hold an object");
    }
    return merged(root, object);
  }

  private static ObjectValue merged(ObjectValue into, ObjectValue document) {
    ObjectValue.Builder out = ObjectValue.builder();
    into.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
    for (Map.Entry<Value, Value> entry : document.entries()) {
      Value existing = into.get(entry.getKey());
      out.put(entry.getKey(), existing instanceof ObjectValue a && entry.getValue() instanceof ObjectValue b
          ? merged(a, b) : entry.getValue());
    }
    return out.build();
  }
}
