package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Statement;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.ast.With;
import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.plan.Body;
import io.kubepolicies.rego.plan.CompiledRule;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.plan.Expr;
import io.kubepolicies.rego.plan.Node;
import io.kubepolicies.rego.plan.Step;
import io.kubepolicies.rego.plan.WithBinding;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns checked rules and queries into the evaluator's plan: variables become frame slots,
 * constant composites are folded into values, references to rules and functions point at their
 * document node, built-in calls at their implementation.
 */
final class Planner {
  private final DocNode root;
  private final Builtins builtins;
  private final Errors errors;
  private Map<String, Integer> slots;
  private Metadata metadata; // of the rule being planned, null for queries

  Planner(DocNode root, Builtins builtins, Errors errors) {
    this.root = root;
    this.builtins = builtins;
    this.errors = errors;
  }

  /** Plans a rule and its else chain; {@code suffixStart} is where the reference leaves the node's path. */
  CompiledRule rule(Rule rule, int suffixStart, Metadata metadata) {
    this.metadata = metadata;
    slots = new LinkedHashMap<>();
    Node[] args = nodes(rule.head().args());
    return chain(rule, args, suffixStart);
  }

  private CompiledRule chain(Rule rule, Node[] args, int suffixStart) {
    Body body = body(rule.body());
    Ref ref = rule.head().ref();
    Node[] suffix = new Node[ref.size() - suffixStart];
    for (int i = suffixStart; i < ref.size(); i++) {
      suffix[i - suffixStart] = node(ref.get(i));
    }
    Node key = rule.head().key() == null ? null : node(rule.head().key());
    Node value = rule.head().value() == null ? null : node(rule.head().value());
    CompiledRule elseRule = rule.elseRule() == null ? null : chain(rule.elseRule(), args, suffixStart);
    return new CompiledRule(rule.head().kind(), suffix, key, value, args, body, elseRule, slots.size(),
        rule.isDefault(), rule.location(), rule.annotations());
  }

  /** A planned query with the names of its slots, for reporting bindings. */
  record Query(Body body, String[] slotNames) {}

  Query query(io.kubepolicies.rego.ast.Body query) {
    metadata = null;
    slots = new LinkedHashMap<>();
    Body body = body(query);
    return new Query(body, slots.keySet().toArray(new String[0]));
  }

  private Body body(io.kubepolicies.rego.ast.Body body) {
    List<Expr> exprs = new ArrayList<>();
    for (io.kubepolicies.rego.ast.Expr e : body.exprs()) {
      Step step = step(e.statement());
      if (step == null) {
        continue; // `some x` only declares
      }
      WithBinding[] with = new WithBinding[e.with().size()];
      for (int i = 0; i < with.length; i++) {
        with[i] = with(e.with().get(i));
      }
      exprs.add(new Expr(step, e.negated(), with, e.location()));
    }
    return new Body(exprs.toArray(new Expr[0]));
  }

  private Step step(Statement s) {
    if (s instanceof TermStatement ts) {
      if (ts.term() instanceof Call c) {
        String op = Terms.dottedName(c.operator());
        if ((Terms.EQ.equals(op) || Terms.ASSIGN.equals(op)) && c.args().size() == 2) {
          return new Step.Unify(node(c.args().get(0)), node(c.args().get(1)));
        }
        if (Terms.PRINT.equals(op)) {
          return new Step.Print(nodes(c.args()));
        }
        int arity = arity(c.operator());
        if (arity >= 0 && c.args().size() == arity + 1) {
          Call inputs = new Call(c.operator(), c.args().subList(0, arity), c.location());
          return new Step.Unify(node(c.args().get(arity)), node(inputs));
        }
      }
      return new Step.Truth(node(ts.term()));
    }
    if (s instanceof SomeDecl some) {
      for (Term symbol : some.symbols()) {
        if (symbol instanceof Call c) {
          List<Term> args = c.args();
          Node domain = node(args.get(args.size() - 1));
          return args.size() == 3
              ? new Step.Member(node(args.get(0)), node(args.get(1)), domain)
              : new Step.Member(null, node(args.get(0)), domain);
        }
        node(symbol); // reserve the slot
      }
      return null;
    }
    if (s instanceof Every every) {
      Node domain = node(every.domain());
      Node key = every.key() == null ? null : node(every.key());
      return new Step.Every(key, node(every.value()), domain, body(every.body()));
    }
    Or or = (Or) s;
    Body[] alternatives = new Body[or.alternatives().size()];
    for (int i = 0; i < alternatives.length; i++) {
      alternatives[i] = body(or.alternatives().get(i));
    }
    return new Step.Or(alternatives);
  }

  private WithBinding with(With w) {
    Ref target = w.target();
    if (w.function() != null) {
      WithBinding.Replacement builtin = new WithBinding.Replacement(null, builtins.get(Terms.dottedName(w.function())));
      return withFunction(target, null, builtin);
    }
    Node value = node(w.value());
    String head = target.head() instanceof Var v ? v.name() : "";
    if (head.equals("input")) {
      return new WithBinding(WithBinding.Target.INPUT, constantPath(target), null, null, value, null);
    }
    if (head.equals("data")) {
      Value[] path = constantPath(target);
      DocNode node = nodeAt(path);
      if (node == null || !node.isFunction()) {
        return new WithBinding(WithBinding.Target.DATA, path, null, null, value, null);
      }
    }
    return withFunction(target, value, replacement(w.value()));
  }

  /** A {@code with} that replaces a Rego function or a built-in, by a value or by another function. */
  private WithBinding withFunction(Ref target, Node value, WithBinding.Replacement replacement) {
    if (target.head() instanceof Var v && v.name().equals("data")) {
      Value[] path = constantPath(target);
      return new WithBinding(WithBinding.Target.FUNCTION, path, nodeAt(path), null, value, replacement);
    }
    Builtin builtin = builtins.get(Terms.dottedName(target));
    return new WithBinding(WithBinding.Target.BUILTIN, new Value[0], null, builtin, value, replacement);
  }

  /** A function or built-in named as the value of a {@code with}, or null for a plain value. */
  private WithBinding.Replacement replacement(Term value) {
    if (!(value instanceof Ref ref)) {
      return null;
    }
    if (ref.head() instanceof Var v && v.name().equals("data")) {
      DocNode node = nodeAt(constantPath(ref));
      return node != null && node.isFunction() ? new WithBinding.Replacement(node, null) : null;
    }
    return null;
  }

  private Value[] constantPath(Ref ref) {
    Value[] path = new Value[ref.size() - 1];
    for (int i = 1; i < ref.size(); i++) {
      if (!(ref.get(i) instanceof Scalar s)) {
        errors.add(RegoError.TYPE, "with target must be a constant reference", ref.location());
        return new Value[0];
      }
      path[i - 1] = s.value();
    }
    return path;
  }

  private DocNode nodeAt(Value[] path) {
    DocNode node = root;
    for (Value key : path) {
      node = node.child(key);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  int arity(Ref operator) {
    if (operator.head() instanceof Var v && v.name().equals("data")) {
      DocNode fn = nodeAt(constantPath(operator));
      return fn != null && fn.isFunction() ? fn.functionArity() : -1;
    }
    String name = Terms.dottedName(operator);
    Builtin b = name == null ? null : builtins.get(name);
    return b == null ? -1 : b.arity();
  }

  private Node[] nodes(List<Term> terms) {
    Node[] out = new Node[terms.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node(terms.get(i));
    }
    return out;
  }

  private Node node(Term t) {
    if (t instanceof Scalar s) {
      return new Node.Const(s.value());
    }
    if (t instanceof Var v) {
      return new Node.Local(slots.computeIfAbsent(v.name(), k -> slots.size()), v.name());
    }
    if (t instanceof Ref r) {
      return ref(r);
    }
    if (t instanceof ArrayTerm a) {
      Node[] items = nodes(a.items());
      Value[] constant = constants(items);
      return constant != null ? new Node.Const(ArrayValue.of(constant)) : new Node.Array(items);
    }
    if (t instanceof SetTerm s) {
      Node[] items = nodes(s.items());
      Value[] constant = constants(items);
      return constant != null ? new Node.Const(SetValue.of(constant)) : new Node.Set(items);
    }
    if (t instanceof ObjectTerm o) {
      Node[] keys = new Node[o.entries().size()];
      Node[] values = new Node[keys.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = node(o.entries().get(i).key());
        values[i] = node(o.entries().get(i).value());
      }
      Value[] ks = constants(keys);
      Value[] vs = constants(values);
      if (ks != null && vs != null && distinct(ks)) {
        ObjectValue.Builder b = ObjectValue.builder();
        for (int i = 0; i < ks.length; i++) {
          b.put(ks[i], vs[i]);
        }
        return new Node.Const(b.build());
      }
      return new Node.Object(keys, values);
    }
    if (t instanceof Call c) {
      return call(c);
    }
    if (t instanceof ArrayComprehension c) {
      Body body = body(c.body());
      return new Node.Comprehension(Node.Comprehension.Kind.ARRAY, null, node(c.head()), body, c.location());
    }
    if (t instanceof SetComprehension c) {
      Body body = body(c.body());
      return new Node.Comprehension(Node.Comprehension.Kind.SET, null, node(c.head()), body, c.location());
    }
    if (t instanceof ObjectComprehension c) {
      Body body = body(c.body());
      return new Node.Comprehension(Node.Comprehension.Kind.OBJECT, node(c.key()), node(c.value()), body, c.location());
    }
    TemplateString ts = (TemplateString) t;
    Node[] parts = new Node[ts.parts().size()];
    boolean[] literal = new boolean[parts.length];
    boolean[] collected = new boolean[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Term p = ts.parts().get(i);
      List<With> mods = ts.modifiers().get(i);
      literal[i] = p instanceof Scalar && mods.isEmpty();
      collected[i] = !mods.isEmpty();
      parts[i] = collected[i] ? modified(p, mods) : node(p);
    }
    return new Node.Template(parts, literal, collected);
  }

  /** {@code [v | v = term with ...]}: the values of a term under its own {@code with} modifiers. */
  private Node modified(Term term, List<With> mods) {
    Node.Local v = new Node.Local(slots.computeIfAbsent("$t" + slots.size(), k -> slots.size()), "$t");
    WithBinding[] with = new WithBinding[mods.size()];
    for (int i = 0; i < with.length; i++) {
      with[i] = with(mods.get(i));
    }
    Expr expr = new Expr(new Step.Unify(v, node(term)), false, with, term.location());
    return new Node.Comprehension(Node.Comprehension.Kind.ARRAY, null, v, new Body(new Expr[] {expr}), term.location());
  }

  /** Duplicate constant keys with different values must fail at evaluation time, as in OPA, so they are not folded. */
  private static boolean distinct(Value[] keys) {
    return new HashSet<>(Arrays.asList(keys)).size() == keys.length;
  }

  private static Value[] constants(Node[] nodes) {
    Value[] values = new Value[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      if (!(nodes[i] instanceof Node.Const c)) {
        return null;
      }
      values[i] = c.value();
    }
    return values;
  }

  private Node ref(Ref r) {
    Node[] path = new Node[r.size() - 1];
    for (int i = 1; i < r.size(); i++) {
      path[i - 1] = node(r.get(i));
    }
    Term head = r.head();
    if (head instanceof Var v && v.name().equals("data")) {
      DocNode anchor = root;
      int depth = 0;
      while (depth < path.length && !anchor.hasRules() && !anchor.hasDynamicRules()
          && path[depth] instanceof Node.Const c && anchor.child(c.value()) != null) {
        anchor = anchor.child(c.value());
        depth++;
      }
      return new Node.Ref(Node.RefHead.DATA, null, path, anchor, depth, r.location());
    }
    if (head instanceof Var v && v.name().equals("input")) {
      return new Node.Ref(Node.RefHead.INPUT, null, path, null, 0, r.location());
    }
    Node term = node(head);
    return path.length == 0 ? term : new Node.Ref(Node.RefHead.TERM, term, path, null, 0, r.location());
  }

  /** Calls are checked before planning: a data reference names a function, anything else a built-in. */
  private Node call(Call c) {
    Ref op = c.operator();
    String name = Terms.dottedName(op);
    Node[] args = nodes(c.args());
    if (op.head() instanceof Var v && v.name().equals("data")) {
      return new Node.FunctionCall(nodeAt(constantPath(op)), dataName(op), args, c.location());
    }
    if (metadata != null && args.length == 0 && "rego.metadata.rule".equals(name)) {
      return new Node.Const(metadata.rule());
    }
    if (metadata != null && args.length == 0 && "rego.metadata.chain".equals(name)) {
      return new Node.Const(metadata.chain());
    }
    return new Node.BuiltinCall(builtins.get(name), name, args, c.location());
  }

  private static String dataName(Ref ref) {
    StringBuilder sb = new StringBuilder("data");
    for (int i = 1; i < ref.size(); i++) {
      sb.append('.').append(ref.get(i) instanceof Scalar s && s.value() instanceof StringValue str
          ? str.value() : "?");
    }
    return sb.toString();
  }
}
