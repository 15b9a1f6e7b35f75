package io.kubepolicies.rego.syntax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code # METADATA} blocks among a module's comments and reads their YAML. A block is
 * the {@code # METADATA} comment and the comments on the lines right below it that start in column
 * 1 (one space after each {@code #} is dropped). Fields are normalised the way OPA presents them to
 * {@code rego.metadata.rule()}: authors become {@code {name, email}} objects, related resources
 * {@code {ref, description}} objects, schema paths arrays of path parts.
 */
final class MetadataParser {
  /** Thread-safe once built; YAML parsing holds no state between calls. */
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String file;
  private final List<Comment> lines;

  private MetadataParser(String file, List<Comment> lines) {
    this.file = file;
    this.lines = lines;
  }

  static List<MetadataBlock> blocks(String file, List<Comment> comments) {
    List<MetadataBlock> blocks = new ArrayList<>();
    List<Comment> current = null;
    for (int i = 0; i < comments.size(); i++) {
      Comment c = comments.get(i);
      if (current != null) {
        if (c.line() == comments.get(i - 1).line() + 1 && c.column() == 1) {
          current.add(c);
          continue;
        }
        blocks.add(new MetadataParser(file, current).parse());
        current = null;
      }
      if (c.text().strip().startsWith("METADATA")) {
        current = new ArrayList<>();
        current.add(c);
      }
    }
    if (current != null) {
      blocks.add(new MetadataParser(file, current).parse());
    }
    return blocks;
  }

  private MetadataBlock parse() {
    Comment marker = lines.get(0);
    Location loc = new Location(file, marker.line(), marker.column());
    StringBuilder yaml = new StringBuilder();
    for (Comment c : lines.subList(1, lines.size())) {
      yaml.append(c.text().startsWith(" ") ? c.text().substring(1) : c.text()).append('\n');
    }
    if (yaml.toString().isBlank()) {
      throw error(loc, "expected METADATA block, found whitespace");
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml.toString());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      Location at = line >= 1 && line < lines.size() ? locationOf(lines.get(line)) : loc;
      throw error(at, "invalid METADATA block: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw error(loc, "invalid METADATA block: expected a YAML mapping");
    }
    ObjectValue.Builder fields = ObjectValue.builder();
    String scope = null;
    boolean entrypoint = false;
    if (root.has("scope")) {
      scope = text(root.get("scope"), "scope", loc);
    }
    if (root.has("title")) {
      fields.put("title", StringValue.of(text(root.get("title"), "title", loc)));
    }
    if (root.has("entrypoint")) {
      JsonNode node = root.get("entrypoint");
      if (!node.isBoolean()) {
        throw error(loc, "invalid METADATA block: entrypoint must be a boolean");
      }
      entrypoint = node.booleanValue();
      if (entrypoint) {
        fields.put("entrypoint", BooleanValue.TRUE);
      }
    }
    if (root.has("description")) {
      fields.put("description", StringValue.of(text(root.get("description"), "description", loc)));
    }
    putList(fields, "organizations", root, loc, (node, at) -> StringValue.of(text(node, "organizations", at)));
    putList(fields, "related_resources", root, loc, this::relatedResource);
    putList(fields, "authors", root, loc, this::author);
    putList(fields, "schemas", root, loc, this::schema);
    if (root.has("custom") && !root.get("custom").isNull()) {
      if (!root.get("custom").isObject()) {
        throw error(loc, "invalid METADATA block: custom must be a mapping");
      }
      if (root.get("custom").size() > 0) {
        fields.put("custom", Json.fromNode(root.get("custom")));
      }
    }
    return new MetadataBlock(loc, scope, entrypoint, fields.build());
  }

  private interface Item {
    Value read(JsonNode node, Location at);
  }

  private void putList(ObjectValue.Builder fields, String key, JsonNode root, Location loc, Item item) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isArray()) {
      throw error(loc, "invalid METADATA block: " + key + " must be a list");
    }
    List<Value> items = new ArrayList<>();
    node.forEach(n -> items.add(item.read(n, loc)));
    if (!items.isEmpty()) {
      fields.put(key, ArrayValue.of(items));
    }
  }

  private Value relatedResource(JsonNode node, Location loc) {
    String ref;
    String description = "";
    if (node.isTextual()) {
      ref = node.textValue();
      if (ref.isEmpty()) {
        throw error(loc, "invalid related-resource definition: ref URL may not be empty string");
      }
    } else if (node.isObject()) {
      ref = node.path("ref").asText("").strip();
      description = node.path("description").asText("").strip();
      if (ref.isEmpty()) {
        throw error(loc, "invalid related-resource definition: 'ref' value required in object");
      }
    } else {
      throw error(loc, "invalid related-resource definition: invalid value type, must be string or map");
    }
    ObjectValue.Builder b = ObjectValue.builder().put("ref", StringValue.of(ref));
    if (!description.isEmpty()) {
      b.put("description", StringValue.of(description));
    }
    return b.build();
  }

  private Value author(JsonNode node, Location loc) {
    String name;
    String email = "";
    if (node.isTextual()) {
      String[] words = node.textValue().strip().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) {
        throw error(loc, "invalid author definition: author is an empty string");
      }
      int nameWords = words.length;
      String last = words[words.length - 1];
      if (last.length() >= 2 && last.startsWith("<") && last.endsWith(">")) {
        email = last.substring(1, last.length() - 1);
        nameWords--;
      }
      name = String.join(" ", List.of(words).subList(0, nameWords));
    } else if (node.isObject()) {
      name = node.path("name").asText("").strip();
      email = node.path("email").asText("").strip();
      if (name.isEmpty() && email.isEmpty()) {
        throw error(loc, "invalid author definition: 'name' and/or 'email' values required in object");
      }
    } else {
      throw error(loc, "invalid author definition: invalid value type, must be string or map");
    }
    ObjectValue.Builder b = ObjectValue.builder();
    if (!name.isEmpty()) {
      b.put("name", StringValue.of(name));
    }
    if (!email.isEmpty()) {
      b.put("email", StringValue.of(email));
    }
    return b.build();
  }

  /** {@code - input.x: schema.y} or {@code - input.x: {definition}}. */
  private Value schema(JsonNode node, Location loc) {
    if (!node.isObject() || node.size() != 1) {
      throw error(loc, "invalid METADATA block: each schema must map one path to a schema");
    }
    String path = node.fieldNames().next();
    JsonNode target = node.get(path);
    ObjectValue.Builder b = ObjectValue.builder().put("path", pathParts(path, null, loc, "invalid document reference"));
    if (target.isTextual()) {
      b.put("schema", pathParts(target.textValue(), "schema", loc, "invalid schema reference"));
    } else if (target.isObject()) {
      b.put("definition", Json.fromNode(target));
    } else {
      throw error(loc, "invalid schema declaration for path \"" + path + "\"");
    }
    return b.build();
  }

  /** A reference written in YAML, as an array of its parts; {@code root}, when given, must head it. */
  private Value pathParts(String text, String root, Location loc, String failure) {
    Term term;
    try {
      term = Parser.parseTerm(text);
    } catch (RuntimeException e) {
      throw error(loc, failure);
    }
    List<Term> parts = term instanceof Ref r ? r.terms() : List.of(term);
    List<Value> values = new ArrayList<>();
    for (Term part : parts) {
      if (part instanceof Var v) {
        values.add(StringValue.of(v.name()));
      } else if (part instanceof Scalar s) {
        values.add(s.value());
      } else {
        throw error(loc, failure);
      }
    }
    if (values.isEmpty() || !(parts.get(0) instanceof Var head) || (root != null && !head.name().equals(root))) {
      throw error(loc, failure);
    }
    return ArrayValue.of(values);
  }

  private String text(JsonNode node, String field, Location loc) {
    if (node == null || !node.isValueNode() || node.isNull()) {
      throw error(loc, "invalid METADATA block: " + field + " must be a string");
    }
    return node.asText();
  }

  private Location locationOf(Comment c) {
    return new Location(file, c.line(), c.column());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static SyntaxError error(Location at, String message) {
    return new SyntaxError(message, at.line(), at.column(), 0);
  }
}
