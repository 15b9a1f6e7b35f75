package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.value.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A literal in a document: {@code raw} is the text as written (numbers keep their spelling, strings
 * are unescaped), {@code children} the items of a list or the fields of an object.
 */
record ValueNode(String raw, List<ChildValue> children, ValueKind kind, Position position, Comments comment,
    boolean expectedTypeHasDefault) {

  /** An item of a list (no name) or a field of an input object. */
  record ChildValue(String name, ValueNode value, Position position, Comments comment) {}

  /** The value of the object field {@code name}, or null. */
  ValueNode child(String name) {
    return children.stream().filter(c -> c.name().equals(name)).map(ChildValue::value).findFirst().orElse(null);
  }

  private static String text(ValueNode v) {
    return v == null ? "<nil>" : v.text();
  }

  /** gqlparser's {@code Value.String()}, used in validation messages. */
  String text() {
    return switch (kind) {
      case VARIABLE -> "$" + raw;
      case INT, FLOAT, ENUM, BOOLEAN, NULL -> raw;
      case STRING, BLOCK -> GoQuote.quote(raw, false);
      case LIST -> children.stream().map(c -> text(c.value())).collect(Collectors.joining(",", "[", "]"));
      case OBJECT -> children.stream().map(c -> c.name() + ":" + text(c.value())).collect(Collectors.joining(",", "{", "}"));
    };
  }
}
