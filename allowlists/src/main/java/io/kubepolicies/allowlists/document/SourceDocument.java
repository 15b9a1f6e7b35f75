package io.kubepolicies.allowlists.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * One document read from a file, with the line each value starts on and, for each boolean or number
 * that YAML read from unquoted text, that text (so errors can say that {@code no} became {@code false}).
 */
public final class SourceDocument {
  private final String file;
  private final JsonNode root;
  private final Map<TreePath, Integer> lines;
  private final Map<TreePath, String> plainScalars;

  SourceDocument(String file, JsonNode root, Map<TreePath, Integer> lines, Map<TreePath, String> plainScalars) {
    this.file = file;
    this.root = root;
    this.lines = Map.copyOf(lines);
    this.plainScalars = Map.copyOf(plainScalars);
  }

  /** The file as it was named to the reader. */
  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The line the value at {@code path} (or its nearest enclosing value) starts on; 0 when unknown. */
  public int line(TreePath path) {
    for (TreePath at = path; ; at = parent(at)) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      if (at.segments().isEmpty()) {
        return 0;
      }
    }
  }

  /** The unquoted text a boolean or number at {@code path} was read from. */
  public Optional<String> plainScalar(TreePath path) {
    return Optional.ofNullable(plainScalars.get(path));
  }

  public ConfigProblem problem(TreePath path, String reason) {
    return new ConfigProblem(file, line(path), path, reason);
  }

  private static TreePath parent(TreePath path) {
    return new TreePath(path.segments().subList(0, path.segments().size() - 1));
  }
}
