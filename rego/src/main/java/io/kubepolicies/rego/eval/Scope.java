package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.plan.WithBinding;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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

  private Scope(Value input, int memoSize, List<DataOverride> data, ObjectValue base,
      Map<Object, Replacement> functions) {
    this.input = input;
    this.memo = new Value[memoSize];
    this.data = data;
    this.base = base;
    this.functions = functions;
  }

  /** A query's scope before any {@code with}: its input, a memo slot per document node, nothing replaced. */
  static Scope root(Value input, int memoSize) {
    return new Scope(input, memoSize, null, null, null);
  }

  /**
   * The scope of an expression with {@code with} modifiers: this one with each {@code with[i]} target
   * replaced by {@code values.get(i)} (null where a function stands in for a function or built-in).
   * {@code baseRoot}, the compiled base documents, is what the first data replacement patches.
   */
  Scope with(WithBinding[] with, List<Value> values, ObjectValue baseRoot) {
    Value newInput = input;
    List<DataOverride> newData = data == null ? null : new ArrayList<>(data);
    ObjectValue newBase = base;
    Map<Object, Replacement> newFunctions = functions == null ? null : new IdentityHashMap<>(functions);
    for (int i = 0; i < with.length; i++) {
      WithBinding w = with[i];
      Value v = values.get(i);
      switch (w.target()) {
        case INPUT -> newInput = w.path().length == 0 ? v : Patching.upsert(newInput, w.path(), 0, v);
        case DATA -> {
          if (newData == null) {
            newData = new ArrayList<>();
          }
          newData.add(new DataOverride(w.path(), v));
          newBase = (ObjectValue) Patching.upsert(newBase != null ? newBase : baseRoot, w.path(), 0, v);
        }
        case FUNCTION, BUILTIN -> {
          if (newFunctions == null) {
            newFunctions = new IdentityHashMap<>();
          }
          Object target = w.target() == WithBinding.Target.FUNCTION ? w.function() : w.builtin();
          newFunctions.put(target, w.replacement() != null
              ? new Replacement(null, w.replacement().function(), w.replacement().builtin())
              : new Replacement(v, null, null));
        }
      }
    }
    return new Scope(newInput, memo.length, newData, newBase, newFunctions);
  }

  /** This scope without its function and built-in replacements (and with a memo of its own). */
  Scope withoutReplacements() {
    return new Scope(input, memo.length, data, base, null);
  }

  /** {@code with data.<path> as value}. */
  record DataOverride(Value[] path, Value value) {}

  /** What stands in for a function or built-in: a value, a Rego function, or a built-in. */
  record Replacement(Value value, DocNode function, Builtin builtin) {}
}
