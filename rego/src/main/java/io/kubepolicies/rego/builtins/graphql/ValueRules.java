package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.SchemaAst.EnumValueDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import io.kubepolicies.rego.builtins.graphql.ValueNode.ChildValue;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation rules about literal values. */
final class ValueRules {
  private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern GO_FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Set<String> GO_BOOLS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private ValueRules() {}

  /** UniqueInputFieldNames: an input object literal sets each field once. */
  static void uniqueInputFieldNames(Events events, ValidationErrors errors) {
    events.value.add((walker, value) -> {
      if (value.kind() != ValueKind.OBJECT) {
        return;
      }
      Set<String> seen = new HashSet<>();
      for (ChildValue child : value.children()) {
        if (!seen.add(child.name())) {
          errors.add("There can be only one input field named \"" + child.name() + "\".", child.position());
        }
      }
    });
  }

  /** ValuesOfCorrectType: literals must fit the type expected where they stand. */
  static void valuesOfCorrectType(Events events, ValidationErrors errors) {
    events.value.add((walker, value) -> {
      Annotations.ValueInfo info = walker.annotations.value(value);
      TypeDef def = info.definition;
      TypeRef expected = info.expectedType;
      if (def == null || expected == null) {
        return;
      }
      if (value.kind() == ValueKind.NULL && expected.nonNull()) {
        errors.add("Expected value of type \"" + expected + "\", found " + value.text() + ".", value.position());
      }
      if (def.kind.equals("SCALAR") && !def.oneOf("Int", "Float", "String", "Boolean", "ID")) {
        return;
      }
      List<String> enumValues = def.kind.equals("ENUM")
          ? def.enumValues.stream().map(EnumValueDefinition::name).toList() : List.of();
      if (!converts(walker, value)) {
        errors.add(unexpectedType(value, expected, def), value.position());
      }
      switch (value.kind()) {
        case LIST -> {
          if (expected.elem() == null) {
            errors.add(unexpectedType(value, expected, def), value.position());
          }
        }
        case INT -> {
          if (!def.oneOf("Int", "Float", "ID")) {
            errors.add(unexpectedType(value, expected, def), value.position());
          }
        }
        case FLOAT -> {
          if (!def.oneOf("Float")) {
            errors.add(unexpectedType(value, expected, def), value.position());
          }
        }
        case STRING, BLOCK -> {
          if (def.kind.equals("ENUM")) {
            errors.add("Enum \"" + expected + "\" cannot represent non-enum value: " + value.text() + "."
                + Suggestions.quoted("Did you mean the enum value", value.raw(), enumValues), value.position());
          } else if (!def.oneOf("String", "ID")) {
            errors.add(unexpectedType(value, expected, def), value.position());
          }
        }
        case ENUM -> {
          if (!def.kind.equals("ENUM")) {
            errors.add(unexpectedType(value, expected, def)
                + Suggestions.unquoted("Did you mean the enum value", value.raw(), enumValues), value.position());
          } else if (def.enumValue(value.raw()) == null) {
            errors.add("Value \"" + value.text() + "\" does not exist in \"" + expected + "\" enum."
                + Suggestions.quoted("Did you mean the enum value", value.raw(), enumValues), value.position());
          }
        }
        case BOOLEAN -> {
          if (!def.oneOf("Boolean")) {
            errors.add(unexpectedType(value, expected, def), value.position());
          }
        }
        case OBJECT -> checkObject(value, def, errors);
        default -> { }
      }
    });
  }

  private static void checkObject(ValueNode value, TypeDef def, ValidationErrors errors) {
    for (FieldDefinition field : def.fields) {
      if (field.type().nonNull() && value.child(field.name()) == null && field.defaultValue() == null) {
        errors.add("Field \"" + def.name + "." + field.name() + "\" of required type \"" + field.type()
            + "\" was not provided.", value.position());
      }
    }
    List<String> names = def.fields.stream().map(FieldDefinition::name).toList();
    for (ChildValue child : value.children()) {
      if (def.field(child.name()) == null) {
        errors.add("Field \"" + child.name() + "\" is not defined by type \"" + def.name + "\"."
            + Suggestions.quoted("Did you mean", child.name(), names), child.position());
      }
    }
  }

  /** gqlparser's message for a value of the wrong type, worded by the expected type. */
  private static String unexpectedType(ValueNode v, TypeRef expected, TypeDef def) {
    String text = v.text();
    return switch (expected.toString()) {
      case "Int", "Int!" -> outsideInt32(v.raw())
          ? "Int cannot represent non 32-bit signed integer value: " + text
          : "Int cannot represent non-integer value: " + text;
      case "String", "String!", "[String]" -> "String cannot represent a non string value: " + text;
      case "Boolean", "Boolean!" -> "Boolean cannot represent a non boolean value: " + text;
      case "Float", "Float!" -> "Float cannot represent non numeric value: " + text;
      case "ID", "ID!" -> "ID cannot represent a non-string and non-integer value: " + text;
      default -> def.kind.equals("ENUM")
          ? "Enum \"" + expected + "\" cannot represent non-enum value: " + text + "."
          : "Expected value of type \"" + expected + "\", found " + text + ".";
    };
  }

  /** Whether {@code raw} is an integer that Go's {@code ParseInt(raw, 10, 32)} rejects as out of range. */
  private static boolean outsideInt32(String raw) {
    if (!GO_INT.matcher(raw).matches()) {
      return false;
    }
    BigInteger n = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
    return n.compareTo(INT32_MIN) < 0 || n.compareTo(INT32_MAX) > 0;
  }

  /** Whether gqlparser's {@code Value.Value(nil)} converts the literal without error. */
  private static boolean converts(Walker walker, ValueNode v) {
    return switch (v.kind()) {
      case VARIABLE -> {
        var definition = walker.annotations.value(v).variableDefinition;
        yield definition == null || definition.defaultValue() == null || converts(walker, definition.defaultValue());
      }
      case INT -> GO_INT.matcher(v.raw()).matches() && fitsInt64(v.raw());
      case FLOAT -> isGoFloat(v.raw());
      case BOOLEAN -> GO_BOOLS.contains(v.raw());
      case LIST, OBJECT -> v.children().stream().allMatch(c -> c.value() == null || converts(walker, c.value()));
      default -> true;
    };
  }

  private static boolean fitsInt64(String raw) {
    BigInteger n = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
    return n.compareTo(INT64_MIN) >= 0 && n.compareTo(INT64_MAX) <= 0;
  }

  /** Go's {@code ParseFloat(raw, 64)} succeeds: decimal syntax (or inf/nan) and no overflow. */
  private static boolean isGoFloat(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
    if (lower.equals("inf") || lower.equals("infinity") || lower.equals("nan")) {
      return true;
    }
    return GO_FLOAT.matcher(raw).matches() && !Double.isInfinite(Double.parseDouble(raw));
  }
}
