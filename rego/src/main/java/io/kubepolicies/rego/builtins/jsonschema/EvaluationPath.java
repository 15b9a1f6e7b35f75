package io.kubepolicies.rego.builtins.jsonschema;

import com.networknt.schema.path.NodePath;
import java.util.Set;

/**
 * Reads a validator error's evaluation path (the keywords followed from the schema root) to find the
 * first combinator ({@code anyOf}, {@code oneOf}, {@code allOf}, {@code then}, {@code else}) that the
 * error was found under, so that errors can be regrouped the way OPA's validator reports them.
 */
final class EvaluationPath {
  /** Keywords whose next segment names a member rather than a keyword. */
  private static final Set<String> NAMED = Set.of("properties", "patternProperties", "dependentSchemas",
      "definitions", "$defs", "dependencies", "prefixItems");
  private static final Set<String> INDEXED = Set.of("anyOf", "oneOf", "allOf");
  /** Keywords that apply their schema to a member or element of the instance. */
  private static final Set<String> DESCENDING = Set.of("properties", "patternProperties", "prefixItems", "items",
      "additionalProperties", "additionalItems", "contains", "unevaluatedItems", "unevaluatedProperties");

  private EvaluationPath() {}

  /**
   * A combinator found in an evaluation path.
   *
   * @param keyword the combinator keyword
   * @param branch the index of the subschema for {@code anyOf}/{@code oneOf}/{@code allOf}, else -1
   * @param end the number of path segments up to and including the branch
   * @param instanceDepth how many instance segments lie above the node the combinator applied to
   */
  record Combinator(String keyword, int branch, int end, int instanceDepth) {}

  /** The first combinator at or after segment {@code from} with errors below it, or null. */
  static Combinator find(NodePath path, int from) {
    int n = path.getNameCount();
    int depth = 0;
    int i = 0;
    while (i < n) {
      String keyword = path.getName(i);
      boolean last = i == n - 1;
      if (i >= from && !last && INDEXED.contains(keyword) && isIndex(path.getName(i + 1)) && i + 1 < n - 1) {
        return new Combinator(keyword, Integer.parseInt(path.getName(i + 1)), i + 2, depth);
      }
      if (i >= from && !last && (keyword.equals("then") || keyword.equals("else"))) {
        return new Combinator(keyword, -1, i + 1, depth);
      }
      if (DESCENDING.contains(keyword)) {
        depth++;
      }
      boolean named = NAMED.contains(keyword) || INDEXED.contains(keyword)
          || (keyword.equals("items") && !last && isIndex(path.getName(i + 1)));
      i += named ? 2 : 1;
    }
    return null;
  }

  private static boolean isIndex(String segment) {
    if (segment.isEmpty() || segment.length() > 9) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
