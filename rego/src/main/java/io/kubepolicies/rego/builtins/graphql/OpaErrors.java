package io.kubepolicies.rego.builtins.graphql;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How OPA words gqlparser's errors: it takes gqlparser's error text ({@code input:LINE:COL: msg})
 * apart at its colons and puts the location last.
 */
final class OpaErrors {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

  private OpaErrors() {}

  /** A syntax error in a query or schema: {@code <msg> in GraphQL string at location L:C}. */
  static String parse(GraphqlError error) {
    String text = error.text();
    String[] parts = text.split(":", 4);
    if (parts.length == 4 && NUMBER.matcher(parts[1]).matches() && NUMBER.matcher(parts[2]).matches()) {
      return stripLeadingSpaces(parts[3]) + " in GraphQL string at location " + parts[1] + ":" + parts[2];
    }
    return "GraphQL parse error: " + text;
  }

  /**
   * Validation errors of a query: OPA cuts the text of the whole error list after the first
   * location, so the first error's message comes first and any further errors follow it verbatim.
   */
  static String validation(List<GraphqlError> errors) {
    String text = errors.stream().map(e -> e.text() + "\n").collect(Collectors.joining());
    String[] parts = text.split(":", 4);
    if (parts.length < 4) {
      return trimSuffix(stripLeadingSpaces(text.substring(text.indexOf(':') + 1)), ".\n") + " in GraphQL query string";
    }
    return trimSuffix(stripLeadingSpaces(parts[3]), ".\n") + " in GraphQL query string at location " + parts[1] + ":"
        + parts[2];
  }

  /** A schema that does not validate. */
  static String schema(GraphqlError error) {
    return "Error in gqlparser SchemaDocument to Schema conversion: " + error.text();
  }

  private static String stripLeadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  private static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }
}
