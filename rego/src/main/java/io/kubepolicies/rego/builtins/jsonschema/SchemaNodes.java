package io.kubepolicies.rego.builtins.jsonschema;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rego values as the validator's (Jackson 3) JSON trees, the way OPA hands values to its schema
 * library: sets become sorted arrays, non-string object keys their compact JSON text, and numbers
 * stay exact.
 */
final class SchemaNodes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaNodes() {}

  static JsonNode of(Value value) {
    if (value instanceof ObjectValue o) {
      ObjectNode node = NODES.objectNode();
      for (Value key : o.sortedKeys()) {
        node.set(Json.keyText(key), of(o.get(key)));
      }
      return node;
    }
    if (value instanceof ArrayValue a) {
      ArrayNode node = NODES.arrayNode(a.size());
      a.elements().forEach(v -> node.add(of(v)));
      return node;
    }
    if (value instanceof SetValue s) {
      ArrayNode node = NODES.arrayNode(s.size());
      s.sorted().forEach(v -> node.add(of(v)));
      return node;
    }
    if (value instanceof StringValue s) {
      return NODES.stringNode(s.value());
    }
    if (value instanceof NumberValue n) {
      return n.isLong() ? NODES.numberNode(n.longValue()) : NODES.numberNode(n.bigDecimalValue());
    }
    if (value instanceof BooleanValue b) {
      return NODES.booleanNode(b.value());
    }
    return NODES.nullNode();
  }
}
