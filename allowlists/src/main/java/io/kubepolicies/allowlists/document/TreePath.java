package io.kubepolicies.allowlists.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in a document, written as a JSON path ({@code $.exceptions[2].expires}).
 * Each segment is a member name ({@link String}) or an array index ({@link Integer}).
 */
public record TreePath(List<Object> segments) {
  public static final TreePath ROOT = new TreePath(List.of());

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public TreePath {
    segments = List.copyOf(segments);
    for (Object segment : segments) {
      if (!(segment instanceof String) && !(segment instanceof Integer)) {
        throw new IllegalArgumentException("a path segment is a member name or an index, not " + segment);
      }
    }
  }

  public static TreePath of(Object... segments) {
    return new TreePath(List.of(segments));
  }

  public TreePath member(String name) {
    return append(name);
  }

  public TreePath index(int index) {
    return append(index);
  }

  private TreePath append(Object segment) {
    List<Object> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new TreePath(longer);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("$");
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else if (PLAIN_NAME.matcher((String) segment).matches()) {
        out.append('.').append(segment);
      } else {
        out.append("['").append(((String) segment).replace("\\", "\\\\").replace("'", "\\'")).append("']");
      }
    }
    return out.toString();
  }
}
