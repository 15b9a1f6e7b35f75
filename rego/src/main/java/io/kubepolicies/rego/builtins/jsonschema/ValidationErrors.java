package io.kubepolicies.rego.builtins.jsonschema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.kubepolicies.rego.builtins.gostd.GoFloat;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Validation errors in the shape {@code json.match_schema} returns them, following OPA's validator
 * (gojsonschema): {@code {"error": "<field>: <desc>", "type": ..., "field": ..., "desc": ...}} with its
 * type names and description texts. The field is the instance path joined with dots, or
 * {@code (root)}.
 *
 * <p>Where the two validators report combinators differently, the errors are regrouped the way
 * gojsonschema reports them: a failed {@code anyOf} or {@code oneOf} gives its own error followed by
 * the errors of the closest branch (here: the branch with the fewest errors), a failed {@code allOf}
 * the errors of every branch followed by its own, and {@code then}/{@code else} their own error
 * followed by the branch's.
 */
final class ValidationErrors {
  private final List<Error> all;
  private final Set<ObjectValue> out = new LinkedHashSet<>();

  private ValidationErrors(List<Error> all) {
    this.all = all;
  }

  static ArrayValue of(List<Error> errors) {
    ValidationErrors t = new ValidationErrors(errors);
    t.translate(errors, 0);
    return ArrayValue.of(new ArrayList<>(t.out));
  }

  /** Errors in the validator's order, with the errors below each combinator regrouped at its first error. */
  private void translate(List<Error> errors, int from) {
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Object> slots = new ArrayList<>();
    for (Error e : errors) {
      EvaluationPath.Combinator c = EvaluationPath.find(e.getEvaluationPath(), from);
      if (c == null) {
        slots.add(e);
        continue;
      }
      NodePath at = truncate(e.getInstanceLocation(), c.instanceDepth());
      String key = prefix(e.getEvaluationPath(), c.end() - (c.branch() >= 0 ? 1 : 0)) + "@" + at;
      groups.computeIfAbsent(key, k -> {
        Group g = new Group(c, at);
        slots.add(g);
        return g;
      }).add(c.branch(), e);
    }
    for (Object slot : slots) {
      if (slot instanceof Group g) {
        g.emit();
      } else {
        single((Error) slot);
      }
    }
  }

  /** The errors found under one combinator applied to one instance node. */
  private final class Group {
    private final EvaluationPath.Combinator combinator;
    private final NodePath at;
    private final Map<Integer, List<Error>> branches = new TreeMap<>();

    Group(EvaluationPath.Combinator combinator, NodePath at) {
      this.combinator = combinator;
      this.at = at;
    }

    void add(int branch, Error e) {
      branches.computeIfAbsent(branch, b -> new ArrayList<>()).add(e);
    }

    void emit() {
      int below = combinator.end();
      switch (combinator.keyword()) {
        case "anyOf" -> {
          entry("number_any_of", at, "Must validate at least one schema (anyOf)");
          translate(closestBranch(), below);
        }
        case "oneOf" -> {
          if (noBranchValid()) {
            translate(closestBranch(), below);
          }
        }
        case "allOf" -> {
          branches.values().forEach(errors -> translate(errors, below));
          entry("number_all_of", at, "Must validate all the schemas (allOf)");
        }
        case "then" -> {
          entry("condition_then", at, "Must validate \"then\" as \"if\" was valid");
          translate(closestBranch(), below);
        }
        default -> {
          entry("condition_else", at, "Must validate \"else\" as \"if\" was not valid");
          translate(closestBranch(), below);
        }
      }
    }

    private List<Error> closestBranch() {
      return branches.values().stream().min(Comparator.comparingInt(List::size)).orElse(List.of());
    }

    /** gojsonschema lists branch errors for a failed oneOf only when no branch was valid. */
    private boolean noBranchValid() {
      for (Error e : all) {
        if (e.getKeyword().equals("oneOf") && e.getInstanceLocation().equals(at)
            && e.getArguments() != null && e.getArguments().length > 0) {
          return "0".equals(String.valueOf(e.getArguments()[0]));
        }
      }
      return true;
    }
  }

  private void single(Error e) {
    NodePath at = e.getInstanceLocation();
    JsonNode schema = e.getSchemaNode();
    JsonNode instance = e.getInstanceNode();
    String field = field(at);
    switch (e.getKeyword()) {
      case "type" -> entry("invalid_type", at, "Invalid type. Expected: " + types(schema) + ", given: " + typeOf(instance));
      case "required" -> entry("required", at, e.getProperty() + " is required");
      case "enum" -> entry("enum", at, field + " must be one of the following: " + allowed(schema));
      case "const" -> entry("const", at, field + " does not match: " + schema);
      case "format" -> entry("format", at, "Does not match format '" + schema.asString() + "'");
      case "minLength" -> entry("string_gte", at, "String length must be greater than or equal to " + integer(schema));
      case "maxLength" -> entry("string_lte", at, "String length must be less than or equal to " + integer(schema));
      case "pattern" -> entry("pattern", at, "Does not match pattern '" + schema.asString() + "'");
      case "minimum" -> bound(e, "number_gte", "Must be greater than or equal to ");
      case "maximum" -> bound(e, "number_lte", "Must be less than or equal to ");
      case "exclusiveMinimum" -> bound(e, "number_gt", "Must be greater than ");
      case "exclusiveMaximum" -> bound(e, "number_lt", "Must be less than ");
      case "multipleOf" -> bound(e, "multiple_of", "Must be a multiple of ");
      case "minItems" -> entry("array_min_items", at, "Array must have at least " + integer(schema) + " items");
      case "maxItems" -> entry("array_max_items", at, "Array must have at most " + integer(schema) + " items");
      case "uniqueItems" -> duplicates(at, instance);
      case "contains" -> entry("contains", at, "At least one of the items must match");
      case "minProperties" -> entry("array_min_properties", at, "Must have at least " + integer(schema) + " properties");
      case "maxProperties" -> entry("array_max_properties", at, "Must have at most " + integer(schema) + " properties");
      case "additionalProperties" -> entry("additional_property_not_allowed", at, "Additional property " + e.getProperty() + " is not allowed");
      case "additionalItems" -> entry("array_no_additional_items", at, "No additional items allowed on array");
      case "propertyNames" -> entry("invalid_property_name", at, "Property name of \"" + e.getProperty() + "\" does not match");
      case "dependencies", "dependentRequired" -> missingDependencies(e, at, schema, instance);
      case "not" -> entry("number_not", at, "Must not validate the schema (not)");
      case "oneOf" -> entry("number_one_of", at, "Must validate one and only one schema (oneOf)");
      case "false" -> entry("false", at, "False always fails validation");
      default -> entry(e.getKeyword(), at, e.getMessage());
    }
  }

  private void bound(Error e, String type, String text) {
    JsonNode schema = e.getSchemaNode();
    if (schema.isNumber()) {
      // gojsonschema prints the bound as a *big.Float with %v, which is Text('g', 10)
      entry(type, e.getInstanceLocation(), text + GoFloat.format(schema.decimalValue(), 'g', 10));
    } else {
      entry(type, e.getInstanceLocation(), e.getMessage());
    }
  }

  /** gojsonschema reports every element equal to an earlier one, with the last index it was seen at. */
  private void duplicates(NodePath at, JsonNode array) {
    Map<JsonNode, Integer> seen = new LinkedHashMap<>();
    for (int j = 0; j < array.size(); j++) {
      Integer i = seen.put(array.get(j), j);
      if (i != null) {
        entry("unique", at, "array items[" + i + "," + j + "] must be unique");
      }
    }
  }

  private void missingDependencies(Error e, NodePath at, JsonNode schema, JsonNode instance) {
    JsonNode required = schema.get(e.getProperty());
    if (required == null || !required.isArray()) {
      entry("missing_dependency", at, e.getMessage());
      return;
    }
    for (JsonNode name : required) {
      if (!instance.has(name.asString())) {
        entry("missing_dependency", at, "Has a dependency on " + name.asString());
      }
    }
  }

  private void entry(String type, NodePath at, String desc) {
    String field = field(at);
    out.add(ObjectValue.builder()
        .put("error", StringValue.of(field + ": " + desc))
        .put("type", StringValue.of(type))
        .put("field", StringValue.of(field))
        .put("desc", StringValue.of(desc))
        .build());
  }

  /** gojsonschema's field: the instance path below the root joined with dots, or {@code (root)}. */
  static String field(NodePath at) {
    if (at.getNameCount() == 0) {
      return "(root)";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < at.getNameCount(); i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(at.getElement(i));
    }
    return sb.toString();
  }

  private static NodePath truncate(NodePath path, int depth) {
    NodePath p = path;
    while (p.getNameCount() > depth) {
      p = p.getParent();
    }
    return p;
  }

  private static String prefix(NodePath path, int segments) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < segments; i++) {
      sb.append('/').append(path.getName(i));
    }
    return sb.toString();
  }

  /** A type list as gojsonschema prints it: a single name, or {@code [a,b]}. */
  private static String types(JsonNode schema) {
    if (!schema.isArray()) {
      return schema.asString();
    }
    List<String> names = new ArrayList<>();
    schema.forEach(t -> names.add(t.asString()));
    return names.size() == 1 ? names.get(0) : "[" + String.join(",", names) + "]";
  }

  /** The JSON type of an instance, with integral numbers as {@code integer}. */
  private static String typeOf(JsonNode instance) {
    if (instance == null || instance.isNull()) {
      return "null";
    }
    if (instance.isNumber()) {
      BigDecimal d = instance.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }
    if (instance.isBoolean()) {
      return "boolean";
    }
    if (instance.isString()) {
      return "string";
    }
    return instance.isArray() ? "array" : "object";
  }

  private static String allowed(JsonNode values) {
    if (values.isEmpty()) {
      return "(none)";
    }
    List<String> texts = new ArrayList<>();
    values.forEach(v -> texts.add(v.toString()));
    return String.join(", ", texts);
  }

  private static String integer(JsonNode n) {
    return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.toString();
  }
}
