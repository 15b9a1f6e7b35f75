package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.compile.CompiledTree;
import io.kubepolicies.rego.plan.CompiledRule;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.plan.Node;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.TreeSet;

/**
 * The {@code data} document: base documents and the virtual documents rules define, seen as one
 * tree. Rule values are computed on first use and memoised for the rest of the query (per
 * {@code with} scope). Also calls functions.
 */
final class Documents {
  private final Evaluator eval;
  private final CompiledTree tree;

  Documents(Evaluator eval, CompiledTree tree) {
    this.eval = eval;
    this.tree = tree;
  }

  ObjectValue baseRoot() {
    Value base = tree.root().base();
    return base instanceof ObjectValue o ? o : ObjectValue.EMPTY;
  }

  /** Evaluates a reference into {@code data}. */
  boolean ref(Node.Ref r, Value[] f, ValueCont k) {
    return node(r.anchor(), r.path(), r.anchorDepth(), f, k);
  }

  private boolean node(DocNode node, Node[] path, int i, Value[] f, ValueCont k) {
    boolean replaced = isReplaced(eval.scope(), node.path());
    if (node.isFunction() && !replaced) {
      return true;
    }
    if (replaced || node.hasRules() || node.hasDynamicRules() || i == path.length) {
      Value v = value(node);
      return v == null || eval.walk(v, path, i, f, k);
    }
    Node p = path[i];
    if (p instanceof Node.Local l && f[l.slot()] == null) {
      Value base = base(node);
      TreeSet<Value> keys = new TreeSet<>(node.children().keySet());
      if (base instanceof ObjectValue o) {
        keys.addAll(o.keys());
      }
      for (Value key : keys) {
        f[l.slot()] = key;
        try {
          if (!child(node, base, key, path, i, f, k)) {
            return false;
          }
        } finally {
          f[l.slot()] = null;
        }
      }
      return true;
    }
    if (!(p instanceof Node.Const) && !(p instanceof Node.Local)) {
      Value v = value(node);
      return v == null || eval.walk(v, path, i, f, k);
    }
    return eval.term(p, f, key -> child(node, base(node), key, path, i, f, k));
  }

  private boolean child(DocNode node, Value base, Value key, Node[] path, int i, Value[] f, ValueCont k) {
    DocNode child = node.child(key);
    if (child != null) {
      return node(child, path, i + 1, f, k);
    }
    Value next = Indexing.index(base, Indexing.storageKey(base, key));
    return next == null || eval.walk(next, path, i + 1, f, true, k);
  }

  /** The base document at a node, seen through any {@code with data...} replacements. */
  private Value base(DocNode node) {
    ObjectValue replaced = eval.scope().base;
    if (replaced == null) {
      return node.base();
    }
    Value v = replaced;
    for (Value key : node.path()) {
      v = Indexing.index(v, key);
      if (v == null) {
        return null;
      }
    }
    return v;
  }

  /**
   * Whether a {@code with data...} replaces this path or one above it. As in OPA, such a path is read
   * from the replacements alone: the rules and base documents below a replaced path are hidden.
   */
  private static boolean isReplaced(Scope scope, Value[] path) {
    if (scope.data != null) {
      for (Scope.DataOverride o : scope.data) {
        if (o.path().length <= path.length && isPrefix(o.path(), path)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The document at {@code path} as the {@code with data...} replacements leave {@code doc} (null when
   * undefined): each in turn sets its path, so one at or above the path replaces the document and
   * one below it patches the document.
   */
  private static Value replaced(Value doc, Scope scope, Value[] path) {
    Value v = doc;
    for (Scope.DataOverride o : scope.data) {
      if (o.path().length <= path.length && isPrefix(o.path(), path)) {
        v = o.value();
        for (int j = o.path().length; j < path.length && v != null; j++) {
          v = Indexing.index(v, path[j]);
        }
      } else if (o.path().length > path.length && isPrefix(path, o.path())) {
        v = Patching.upsert(v, o.path(), path.length, o.value());
      }
    }
    return v;
  }

  private static boolean isPrefix(Value[] prefix, Value[] path) {
    for (int j = 0; j < prefix.length; j++) {
      if (!prefix[j].equals(path[j])) {
        return false;
      }
    }
    return true;
  }

  /** The value of the document at a node, or null when undefined. */
  Value value(DocNode node) {
    Scope scope = eval.scope();
    Value cached = scope.memo[node.id()];
    if (cached != null) {
      return cached == Scope.UNDEFINED ? null : cached;
    }
    Value v;
    if (isReplaced(scope, node.path())) {
      v = replaced(null, scope, node.path());
    } else {
      v = compute(node);
      if (v != null && scope.data != null) {
        v = replaced(v, scope, node.path());
      }
    }
    scope.memo[node.id()] = v == null ? Scope.UNDEFINED : v;
    return v;
  }

  private Value compute(DocNode node) {
    if (node.isFunction()) {
      return null;
    }
    Value base = base(node);
    if (node.hasRules()) {
      return base != null ? base : rules(node); // where both exist, the base document wins, as in OPA
    }
    if (base != null && !(base instanceof ObjectValue) && node.children().isEmpty() && !node.hasDynamicRules()) {
      return base;
    }
    DocumentBuilder doc = new DocumentBuilder();
    for (DocNode child : node.children().values()) {
      Value v = value(child);
      if (v != null) {
        doc.putBase(child.path()[child.path().length - 1], v);
      }
    }
    if (base instanceof ObjectValue o) {
      o.entries().forEach(e -> doc.mergeBase(e.getKey(), e.getValue()));
    }
    for (CompiledRule rule : node.dynamicRules()) {
      dynamic(rule, doc);
    }
    return doc.build();
  }

  /** Rules defined exactly at a node: complete rules (one value) or multi-value rules (a set). */
  private Value rules(DocNode node) {
    if (!node.rules().isEmpty() && node.rules().get(0).kind() == RuleKind.MULTI_VALUE) {
      SetValue.Builder set = SetValue.builder();
      for (CompiledRule rule : node.rules()) {
        chain(rule, null, (r, frame) -> eval.term(r.key(), frame, v -> {
          set.add(v);
          return true;
        }));
      }
      return set.build();
    }
    Value[] result = new Value[1];
    for (CompiledRule rule : node.rules()) {
      chain(rule, null, (r, frame) -> eval.term(r.value(), frame, v -> {
        if (result[0] != null && !result[0].equals(v)) {
          throw Evaluator.conflict("complete rules must not produce multiple outputs", r.location());
        }
        result[0] = v;
        return true;
      }));
    }
    if (result[0] == null && node.defaultRule() != null) {
      eval.covered(node.defaultRule().location());
      eval.term(node.defaultRule().value(), new Value[node.defaultRule().frameSize()], v -> {
        result[0] = v;
        return false;
      });
    }
    return result[0];
  }

  /** What to do with each solution of a rule body. */
  @FunctionalInterface
  private interface Solution {
    boolean accept(CompiledRule rule, Value[] frame);
  }

  /**
   * Evaluates a rule's else chain: the first rule of the chain whose body has solutions gives
   * them all to {@code solution}. {@code args} are a function's arguments (null for other rules).
   * Returns whether any rule of the chain produced a solution.
   */
  private boolean chain(CompiledRule first, Value[] args, Solution solution) {
    Value[] frame = new Value[first.frameSize()];
    for (CompiledRule r = first; r != null; r = r.elseRule()) {
      boolean[] produced = {false};
      CompiledRule rule = r;
      Cont body = () -> eval.body(rule.body(), 0, frame, () -> {
        produced[0] = true;
        eval.covered(rule.location());
        return solution.accept(rule, frame);
      });
      if (args == null) {
        body.run();
      } else {
        bindArgs(rule.args(), args, 0, frame, body);
      }
      if (produced[0]) {
        return true;
      }
    }
    return false;
  }

  private boolean bindArgs(Node[] params, Value[] args, int i, Value[] frame, Cont k) {
    if (i == params.length) {
      return k.run();
    }
    return eval.unifyValue(params[i], args[i], frame, () -> bindArgs(params, args, i + 1, frame, k));
  }

  /** Adds the solutions of a rule whose reference continues with variables ({@code p[x] := y}). */
  private void dynamic(CompiledRule rule, DocumentBuilder doc) {
    chain(rule, null, (r, frame) -> eval.terms(r.suffix(), 0, new Value[r.suffix().length], frame, keys -> {
      if (r.kind() == RuleKind.MULTI_VALUE) {
        return eval.term(r.key(), frame, element -> {
          doc.addToSet(keys, element, r.location());
          return true;
        });
      }
      return eval.term(r.value(), frame, value -> {
        doc.put(keys, value, r.location());
        return true;
      });
    }));
  }

  /** Calls a function defined in Rego; null when it is undefined for these arguments. */
  Value call(DocNode fn, Value[] args, Location location) {
    Scope scope = eval.scope();
    if (scope.functions != null) {
      Scope.Replacement r = scope.functions.get(fn);
      if (r != null) {
        return replaced(r, args, location);
      }
    }
    Value[] result = new Value[1];
    for (CompiledRule rule : fn.rules()) {
      chain(rule, args, (r, frame) -> eval.term(r.value(), frame, v -> {
        if (result[0] != null && !result[0].equals(v)) {
          throw Evaluator.conflict("functions must not produce multiple outputs for same inputs", r.location());
        }
        result[0] = v;
        return true;
      }));
    }
    if (result[0] == null && fn.defaultRule() != null) {
      eval.covered(fn.defaultRule().location());
      eval.term(fn.defaultRule().value(), new Value[fn.defaultRule().frameSize()], v -> {
        result[0] = v;
        return false;
      });
    }
    return result[0];
  }

  /**
   * Calls what a {@code with} put in place of a function or built-in. A replacement runs with all
   * replacements lifted, as in OPA: a mock may call the original, and never another mock.
   */
  Value replaced(Scope.Replacement r, Value[] args, Location location) {
    if (r.value() != null) {
      return r.value();
    }
    return eval.withoutReplacements(() -> {
      if (r.function() != null) {
        return call(r.function(), args, location);
      }
      if (r.builtin().arity() != args.length) {
        throw new RegoException(RegoError.EVAL_TYPE, r.builtin().name() + ": arity mismatch", location);
      }
      return eval.invoke(r.builtin(), r.builtin().name(), args, location);
    });
  }
}
