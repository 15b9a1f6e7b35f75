package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * What a query sees at one point: the input, the memo of rule values, and what {@code with}
 * modifiers replace. A {@code with} evaluates its expression in a new scope (with a fresh memo, since
 * every rule may depend on what was replaced); outside it the enclosing scope is untouched.
 */
final class Scope {
  /** Marks a memo entry whose rule was evaluated and is undefined. */
  static final Value UNDEFINED = ObjectValue.builder().put("<undefined>", ObjectValue.EMPTY).build();

  final Value input;
  final Value[] memo;
  /** Replaced data paths, or null when nothing under data is replaced. */
  final List<DataOverride> data;
  /** The base documents with the replacements applied, or null to use the compiled ones. */
  final ObjectValue base;
  /** Replaced functions and built-ins (by identity), or null. */
  final Map<Object, Replacement> functions;

  Scope(Value input, int memoSize, List<DataOverride> data, ObjectValue base, Map<Object, Replacement> functions) {
    this.input = input;
    this.memo = new Value[memoSize];
    this.data = data;
    this.base = base;
    this.functions = functions;
  }

  /** {@code with data.<path> as value}. */
  record DataOverride(Value[] path, Value value) {}

  /** What stands in for a function or built-in: a value, a Rego function, or a built-in. */
  record Replacement(Value value, DocNode function, Builtin builtin) {}
}
