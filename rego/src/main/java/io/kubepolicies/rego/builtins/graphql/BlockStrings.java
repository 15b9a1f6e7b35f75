package io.kubepolicies.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * gqlparser's {@code blockStringValue}: strips the common indentation and the blank first and last
 * lines of a block string. Unlike the GraphQL spec, gqlparser counts the first line's indentation
 * too, so that is kept here.
 */
final class BlockStrings {
  private static final int ALL_WHITESPACE = Integer.MAX_VALUE;

  private BlockStrings() {}

  /** The value of a block string whose raw text (line terminators already turned into LF) is {@code raw}. */
  static String value(String raw) {
    List<String> lines = new ArrayList<>(Arrays.asList(raw.split("\n", -1)));
    int common = ALL_WHITESPACE;
    for (String line : lines) {
      int indent = leadingWhitespace(line);
      if (indent < line.length() && indent < common) {
        common = indent;
        if (common == 0) {
          break;
        }
      }
    }
    if (common != ALL_WHITESPACE) {
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        lines.set(i, line.length() < common ? "" : line.substring(common));
      }
    }
    int from = 0;
    int to = lines.size();
    while (from < to && leadingWhitespace(lines.get(from)) == ALL_WHITESPACE) {
      from++;
    }
    while (from < to && leadingWhitespace(lines.get(to - 1)) == ALL_WHITESPACE) {
      to--;
    }
    return String.join("\n", lines.subList(from, to));
  }

  /** The count of leading spaces and tabs, or {@link #ALL_WHITESPACE} for a blank line. */
  private static int leadingWhitespace(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t') {
        return i;
      }
    }
    return ALL_WHITESPACE;
  }
}
