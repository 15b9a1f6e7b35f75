package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.RegoVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that are keywords at this point of a parse. Rego v0 starts with the core keywords and
 * gains {@code in}, {@code every}, {@code contains} and {@code if} through {@code import
 * future.keywords...} or {@code import rego.v1}; Rego v1 has them all from the start. The
 * experimental {@code and} and {@code or}, and the grouping forms {@code not (...)} and {@code not
 * {...}}, need their own future import in either version.
 */
final class KeywordSet {
  private static final Set<String> CORE =
      Set.of("package", "import", "as", "default", "else", "not", "some", "with", "null", "true", "false");
  private static final Set<String> V1_ONLY = Set.of("in", "every", "contains", "if");
  /** Every keyword {@code import future.keywords.x} accepts, sorted for error messages. */
  static final List<String> FUTURE = List.of("and", "contains", "every", "if", "in", "not", "or");

  private final Set<String> active = new HashSet<>(CORE);
  private boolean notGrouping;

  private KeywordSet() {}

  static KeywordSet of(RegoVersion version) {
    KeywordSet set = new KeywordSet();
    if (version == RegoVersion.V1) {
      set.active.addAll(V1_ONLY);
    }
    return set;
  }

  /** Whether {@code word} is a keyword of the language version itself, imports aside. */
  static boolean isVersionKeyword(String word, RegoVersion version) {
    return CORE.contains(word) || (version == RegoVersion.V1 && V1_ONLY.contains(word));
  }

  boolean isKeyword(String word) {
    return active.contains(word);
  }

  /** Enables one future keyword; {@code every} brings {@code in} along, as in OPA. */
  void enable(String keyword) {
    if (keyword.equals("not")) {
      notGrouping = true;
      return;
    }
    active.add(keyword);
    if (keyword.equals("every")) {
      active.add("in");
    }
  }

  void enableV1() {
    active.addAll(V1_ONLY);
  }

  void enableAll() {
    FUTURE.forEach(this::enable);
  }

  /** Whether {@code and} or {@code or} may join expressions. */
  boolean andOr() {
    return active.contains("and") || active.contains("or");
  }

  /** Whether {@code not} may negate a parenthesised group or a braced body. */
  boolean notGrouping() {
    return notGrouping;
  }

  /** Whether literals need the grammar with operands, groups and explicit bodies. */
  boolean logical() {
    return notGrouping || andOr();
  }
}
