package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.compile.CompiledQuery;
import io.kubepolicies.rego.compile.CompiledTree;
import io.kubepolicies.rego.plan.Body;
import io.kubepolicies.rego.plan.Expr;
import io.kubepolicies.rego.plan.Node;
import io.kubepolicies.rego.plan.Step;
import io.kubepolicies.rego.plan.WithBinding;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Top-down evaluation of one query, as in OPA: a body is solved expression by expression; each
 * expression unifies terms with values, binding variables in the frame; on failure the search
 * backtracks to the last choice (the next element of an iteration). Continuations carry "the rest
 * of the body", so backtracking is returning, and a binding is undone as its continuation returns.
 *
 * <p>One evaluator serves one query on one thread; the compiled tree it reads is shared.
 */
public final class Evaluator implements BuiltinContext {
  private final CompiledTree tree;
  private final EvalOptions options;
  private final Documents documents;
  private final Unifier unifier;
  private final long now;
  private final Map<Object, Value> queryMemo = new HashMap<>();
  private Scope scope;
  private RegoError firstBuiltinError;
  private int steps;

  public Evaluator(CompiledTree tree, EvalOptions options) {
    this.tree = tree;
    this.options = options;
    this.documents = new Documents(this, tree);
    this.unifier = new Unifier(this);
    this.now = options.nowNanos() != 0 ? options.nowNanos() : epochNanos();
    this.scope = Scope.root(options.input(), tree.nodeCount());
  }

  private static long epochNanos() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Runs the query and collects every solution. */
  public QueryResult run(CompiledQuery query) {
    checkCancelled();
    Value[] frame = new Value[query.slotNames().length];
    Body body = query.body();
    Value[] exprValues = new Value[body.exprs().length];
    List<QueryResult.Row> rows = new ArrayList<>();
    queryBody(body, 0, frame, exprValues, () -> {
      Map<String, Value> bindings = new LinkedHashMap<>();
      for (int i = 0; i < frame.length; i++) {
        String name = query.slotNames()[i];
        if (frame[i] != null && query.reported().contains(name) && !name.startsWith("$")) {
          bindings.put(displayName(name), frame[i]);
        }
      }
      rows.add(new QueryResult.Row(bindings, List.of(exprValues.clone())));
      return true;
    });
    return new QueryResult(rows, options.strictBuiltinErrors() ? firstBuiltinError : null);
  }

  private static String displayName(String slot) {
    int hash = slot.indexOf('#');
    return hash < 0 ? slot : slot.substring(0, hash);
  }

  /** Like {@link #body}, recording each top-level expression's value for the result rows. */
  private boolean queryBody(Body b, int i, Value[] f, Value[] values, Cont k) {
    if (i == b.exprs().length) {
      return k.run();
    }
    Expr e = b.exprs()[i];
    Cont rest = () -> queryBody(b, i + 1, f, values, k);
    if (e.step() instanceof Step.Truth t && !e.negated() && e.with().length == 0) {
      return term(t.term(), f, v -> {
        if (v.equals(BooleanValue.FALSE)) {
          return true;
        }
        values[i] = v;
        return rest.run();
      });
    }
    values[i] = BooleanValue.TRUE;
    return expr(e, f, rest);
  }

  // ---- bodies, expressions, steps ----------------------------------------------------------

  boolean body(Body b, int i, Value[] f, Cont k) {
    if (i == b.exprs().length) {
      return k.run();
    }
    return expr(b.exprs()[i], f, () -> body(b, i + 1, f, k));
  }

  /** Whether the body has at least one solution; bindings it makes are undone. */
  boolean succeeds(Body b, Value[] f) {
    return !body(b, 0, f, Cont.STOP);
  }

  private boolean expr(Expr e, Value[] f, Cont k) {
    if ((++steps & 0x3ff) == 0) {
      checkCancelled();
    }
    if (options.coverage() != null) {
      options.coverage().accept(e.location());
    }
    if (e.with().length > 0) {
      return withModifiers(e, 0, f, new ArrayList<>(), k);
    }
    return unmodified(e, f, k);
  }

  private boolean unmodified(Expr e, Value[] f, Cont k) {
    if (e.negated()) {
      boolean exhausted = step(e.step(), f, Cont.STOP);
      return !exhausted || k.run();
    }
    return step(e.step(), f, k);
  }

  private boolean step(Step s, Value[] f, Cont k) {
    if (s instanceof Step.Truth t) {
      return term(t.term(), f, v -> v.equals(BooleanValue.FALSE) || k.run());
    }
    if (s instanceof Step.Unify u) {
      return unifier.unify(u.left(), u.right(), f, k);
    }
    if (s instanceof Step.Member m) {
      return term(m.domain(), f, domain -> Indexing.forEach(domain, (key, value) ->
          m.key() == null
              ? unifier.unifyValue(m.value(), value, f, k)
              : unifier.unifyValue(m.key(), key, f, () -> unifier.unifyValue(m.value(), value, f, k))));
    }
    if (s instanceof Step.Every every) {
      return term(every.domain(), f, domain -> {
        if (!Indexing.isCollection(domain)) {
          return true;
        }
        boolean all = Indexing.forEach(domain, (key, value) -> {
          Cont test = () -> !succeeds(every.body(), f);
          boolean exhausted = every.key() == null
              ? unifier.unifyValue(every.value(), value, f, test)
              : unifier.unifyValue(every.key(), key, f, () -> unifier.unifyValue(every.value(), value, f, test));
          return !exhausted;
        });
        return !all || k.run();
      });
    }
    if (s instanceof Step.Or or) {
      for (Body alternative : or.alternatives()) {
        if (succeeds(alternative, f)) {
          return k.run();
        }
      }
      return true;
    }
    Step.Print print = (Step.Print) s;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < print.args().length; i++) {
      List<Value> values = all(print.args()[i], f);
      line.append(i == 0 ? "" : " ").append(values.isEmpty() ? "<undefined>" : display(values.get(0)));
    }
    options.printer().accept(line.toString());
    return k.run();
  }

  /** How print and string templates show a value: strings as they are, anything else in Rego syntax. */
  static String display(Value v) {
    return v instanceof StringValue s ? s.value() : RegoText.write(v);
  }

  /** Unifies a term with a known value (see {@link Unifier#unifyValue}). */
  boolean unifyValue(Node pattern, Value v, Value[] f, Cont k) {
    return unifier.unifyValue(pattern, v, f, k);
  }

  /** Every value of a term, in order. */
  List<Value> all(Node n, Value[] f) {
    List<Value> out = new ArrayList<>();
    term(n, f, v -> {
      out.add(v);
      return true;
    });
    return out;
  }

  // ---- with ---------------------------------------------------------------------------------

  private boolean withModifiers(Expr e, int i, Value[] f, List<Value> values, Cont k) {
    if (i < e.with().length) {
      WithBinding w = e.with()[i];
      if (w.replacement() != null) {
        values.add(null);
        boolean r = withModifiers(e, i + 1, f, values, k);
        values.remove(values.size() - 1);
        return r;
      }
      return term(w.value(), f, v -> {
        values.add(v);
        boolean r = withModifiers(e, i + 1, f, values, k);
        values.remove(values.size() - 1);
        return r;
      });
    }
    Scope outer = scope;
    Scope inner = scope.with(e.with(), values, documents.baseRoot());
    scope = inner;
    try {
      return unmodified(e, f, () -> {
        scope = outer;
        try {
          return k.run();
        } finally {
          scope = inner;
        }
      });
    } finally {
      scope = outer;
    }
  }

  Scope scope() {
    return scope;
  }

  /** Records, when coverage is on, that the rule at {@code location} produced a value. */
  void covered(Location location) {
    if (options.coverage() != null) {
      options.coverage().accept(location);
    }
  }

  /** Runs {@code action} in the current scope minus its function and built-in replacements. */
  <T> T withoutReplacements(Supplier<T> action) {
    Scope outer = scope;
    scope = outer.withoutReplacements();
    try {
      return action.get();
    } finally {
      scope = outer;
    }
  }

  // ---- terms ---------------------------------------------------------------------------------

  /** Evaluates a term, passing each of its values (iteration may give several) to {@code k}. */
  boolean term(Node n, Value[] f, ValueCont k) {
    if (n instanceof Node.Const c) {
      return k.accept(c.value());
    }
    if (n instanceof Node.Local l) {
      Value v = f[l.slot()];
      if (v == null) {
        throw new RegoException(RegoError.EVAL_INTERNAL, "var " + displayName(l.name()) + " is unbound", null);
      }
      return k.accept(v);
    }
    if (n instanceof Node.Ref r) {
      return ref(r, f, k);
    }
    if (n instanceof Node.BuiltinCall c) {
      return terms(c.args(), 0, new Value[c.args().length], f, args -> callBuiltin(c, args, k));
    }
    if (n instanceof Node.FunctionCall c) {
      return terms(c.args(), 0, new Value[c.args().length], f, args -> {
        Value result = documents.call(c.function(), args, c.location());
        return result == null || k.accept(result);
      });
    }
    if (n instanceof Node.Array a) {
      return terms(a.items(), 0, new Value[a.items().length], f, items -> k.accept(ArrayValue.of(items)));
    }
    if (n instanceof Node.Set s) {
      return terms(s.items(), 0, new Value[s.items().length], f, items -> k.accept(SetValue.of(items)));
    }
    if (n instanceof Node.Object o) {
      return terms(o.keys(), 0, new Value[o.keys().length], f, keys ->
          terms(o.values(), 0, new Value[o.values().length], f, values -> {
            ObjectValue.Builder b = ObjectValue.builder();
            for (int i = 0; i < keys.length; i++) {
              b.put(keys[i], values[i]);
            }
            return k.accept(b.build());
          }));
    }
    if (n instanceof Node.Comprehension c) {
      return k.accept(comprehension(c, f));
    }
    return template((Node.Template) n, f, k);
  }

  /**
   * Receives the values of several terms at once. The array is reused for the next combination once
   * {@code accept} returns, so a receiver copies what it keeps (as {@code ArrayValue.of} does).
   */
  @FunctionalInterface
  interface ValuesCont {
    boolean accept(Value[] values);
  }

  /** Evaluates terms left to right into {@code out}; each combination of their values reaches {@code k}. */
  boolean terms(Node[] nodes, int i, Value[] out, Value[] f, ValuesCont k) {
    if (i == nodes.length) {
      return k.accept(out);
    }
    Value known = Unifier.known(nodes[i], f);
    if (known != null) {
      out[i] = known;
      return terms(nodes, i + 1, out, f, k);
    }
    return term(nodes[i], f, v -> {
      out[i] = v;
      return terms(nodes, i + 1, out, f, k);
    });
  }

  private Value comprehension(Node.Comprehension c, Value[] f) {
    switch (c.kind()) {
      case ARRAY -> {
        List<Value> items = new ArrayList<>();
        body(c.body(), 0, f, () -> term(c.head(), f, v -> {
          items.add(v);
          return true;
        }));
        return ArrayValue.of(items);
      }
      case SET -> {
        SetValue.Builder items = SetValue.builder();
        body(c.body(), 0, f, () -> term(c.head(), f, v -> {
          items.add(v);
          return true;
        }));
        return items.build();
      }
      default -> {
        ObjectValue.Builder entries = ObjectValue.builder();
        body(c.body(), 0, f, () -> term(c.key(), f, key -> term(c.head(), f, value -> {
          Value existing = entries.get(key);
          if (existing != null && !existing.equals(value)) {
            throw conflict("object keys must be unique", c.location());
          }
          entries.put(key, value);
          return true;
        })));
        return entries.build();
      }
    }
  }

  private boolean template(Node.Template t, Value[] f, ValueCont k) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.parts().length; i++) {
      Node part = t.parts()[i];
      if (t.literal()[i]) {
        sb.append(display(((Node.Const) part).value()));
        continue;
      }
      List<Value> values = t.collected()[i] ? ((ArrayValue) all(part, f).get(0)).elements() : all(part, f);
      if (values.size() > 1) {
        throw conflict("template expression produced multiple outputs", null);
      }
      sb.append(values.isEmpty() ? "<undefined>" : display(values.get(0)));
    }
    return k.accept(StringValue.of(sb.toString()));
  }

  static RegoException conflict(String message, Location location) {
    return new RegoException(RegoError.EVAL_CONFLICT, message, location);
  }

  // ---- references ----------------------------------------------------------------------------

  private boolean ref(Node.Ref r, Value[] f, ValueCont k) {
    switch (r.head()) {
      case DATA:
        return documents.ref(r, f, k);
      case INPUT: {
        Value input = scope.input;
        return input == null || walk(input, r.path(), 0, f, k);
      }
      default: {
        Value known = Unifier.known(r.term(), f);
        return known != null ? walk(known, r.path(), 0, f, k) : term(r.term(), f, v -> walk(v, r.path(), 0, f, k));
      }
    }
  }

  /** Follows a reference's path through a value; an unbound variable in the path iterates. */
  boolean walk(Value current, Node[] path, int i, Value[] f, ValueCont k) {
    return walk(current, path, i, f, false, k);
  }

  /**
   * Like {@link #walk(Value, Node[], int, Value[], ValueCont)}; in base documents ({@code storage})
   * a number key also finds the object key spelled the same, as OPA's storage paths are strings.
   */
  boolean walk(Value current, Node[] path, int i, Value[] f, boolean storage, ValueCont k) {
    if (i == path.length) {
      return k.accept(current);
    }
    Node p = path[i];
    if (Unifier.isPattern(p, f)) {
      return Indexing.forEach(current, (key, value) -> unifier.unifyValue(p, key, f,
          () -> walk(value, path, i + 1, f, storage, k)));
    }
    Value known = Unifier.known(p, f);
    if (known != null) {
      return descend(current, known, path, i, f, storage, k);
    }
    return term(p, f, key -> descend(current, key, path, i, f, storage, k));
  }

  /** Steps from {@code current} to its entry at {@code key} (the value of {@code path[i]}) and walks on. */
  private boolean descend(Value current, Value key, Node[] path, int i, Value[] f, boolean storage, ValueCont k) {
    Value next = Indexing.index(current, storage ? Indexing.storageKey(current, key) : key);
    return next == null || walk(next, path, i + 1, f, storage, k);
  }

  // ---- built-ins ----------------------------------------------------------------------------

  private boolean callBuiltin(Node.BuiltinCall c, Value[] args, ValueCont k) {
    if (scope.functions != null) {
      Scope.Replacement r = scope.functions.get(c.builtin());
      if (r != null) {
        Value result = documents.replaced(r, args, c.location());
        return result == null || k.accept(result);
      }
    }
    Builtin b = c.builtin();
    if (b.isRelation()) {
      List<Value> outputs = new ArrayList<>();
      if (!invoke(b, c.name(), args, c.location(), outputs)) {
        return true;
      }
      for (Value out : outputs) {
        if (!k.accept(out)) {
          return false;
        }
      }
      return true;
    }
    Value result = invoke(b, c.name(), args, c.location());
    return result == null || k.accept(result);
  }

  /** Calls a built-in function; a failure is remembered (strict mode reports it) and the call is undefined. */
  Value invoke(Builtin b, String name, Value[] args, Location location) {
    try {
      return b.function().call(this, args);
    } catch (BuiltinException e) {
      builtinFailed(e, name, location);
      return null;
    }
  }

  private boolean invoke(Builtin b, String name, Value[] args, Location location, List<Value> outputs) {
    try {
      b.relation().call(this, args, outputs::add);
      return true;
    } catch (BuiltinException e) {
      builtinFailed(e, name, location);
      return false;
    }
  }

  private void builtinFailed(BuiltinException e, String name, Location location) {
    if (firstBuiltinError == null) {
      firstBuiltinError = new RegoError(e.code(), name + ": " + e.getMessage(), location);
    }
  }

  // ---- BuiltinContext -----------------------------------------------------------------------

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public Value memo(Object key, Function<Object, Value> compute) {
    return queryMemo.computeIfAbsent(key, compute);
  }

  @Override
  public boolean networkAllowed() {
    return options.networkAllowed();
  }

  @Override
  public Value runtime() {
    return options.runtime();
  }

  @Override
  public void checkCancelled() {
    if (options.deadlineNanos() != 0 && System.nanoTime() - options.deadlineNanos() > 0) {
      throw new RegoException(RegoError.EVAL_CANCEL, "caller cancelled query execution: deadline exceeded", null);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new RegoException(RegoError.EVAL_CANCEL, "caller cancelled query execution", null);
    }
  }
}
