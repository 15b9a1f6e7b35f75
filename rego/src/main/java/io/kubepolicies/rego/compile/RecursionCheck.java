package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.plan.Body;
import io.kubepolicies.rego.plan.CompiledRule;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.plan.Expr;
import io.kubepolicies.rego.plan.Node;
import io.kubepolicies.rego.plan.Step;
import io.kubepolicies.rego.plan.WithBinding;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rego forbids recursion: a rule may not depend on itself, directly or through other rules. */
final class RecursionCheck {
  private final Errors errors;
  private final Map<DocNode, Set<DocNode>> edges = new HashMap<>();

  RecursionCheck(Errors errors) {
    this.errors = errors;
  }

  void check(DocNode root, Map<CompiledRule, DocNode> owners) {
    owners.forEach((rule, node) -> {
      Set<DocNode> deps = edges.computeIfAbsent(node, k -> new LinkedHashSet<>());
      for (CompiledRule r = rule; r != null; r = r.elseRule()) {
        collect(r, deps, root);
      }
    });
    Map<DocNode, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
    for (DocNode start : edges.keySet()) {
      visit(start, state, new ArrayList<>());
    }
  }

  private boolean visit(DocNode node, Map<DocNode, Integer> state, List<DocNode> stack) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return false;
    }
    if (s != null) {
      List<DocNode> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
      cycle.add(node);
      StringBuilder path = new StringBuilder();
      for (DocNode n : cycle) {
        path.append(path.length() == 0 ? "" : " -> ").append(name(n));
      }
      CompiledRule first = node.rules().isEmpty() ? (node.dynamicRules().isEmpty() ? node.defaultRule()
          : node.dynamicRules().get(0)) : node.rules().get(0);
      errors.add(RegoError.RECURSION, "rule " + name(node) + " is recursive: " + path,
          first == null ? null : first.location());
      return true;
    }
    state.put(node, 1);
    stack.add(node);
    for (DocNode next : edges.getOrDefault(node, Set.of())) {
      if (visit(next, state, stack)) {
        break;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(node, 2);
    return false;
  }

  private static String name(DocNode node) {
    StringBuilder sb = new StringBuilder("data");
    for (Value v : node.path()) {
      sb.append('.').append(v instanceof StringValue s ? s.value() : v.toString());
    }
    return sb.toString();
  }

  private void collect(CompiledRule rule, Set<DocNode> deps, DocNode root) {
    nodes(rule.suffix(), deps, root);
    node(rule.key(), deps, root);
    node(rule.value(), deps, root);
    body(rule.body(), deps, root);
  }

  private void body(Body body, Set<DocNode> deps, DocNode root) {
    for (Expr e : body.exprs()) {
      step(e.step(), deps, root);
      for (WithBinding w : e.with()) {
        node(w.value(), deps, root);
      }
    }
  }

  private void step(Step s, Set<DocNode> deps, DocNode root) {
    if (s instanceof Step.Truth t) {
      node(t.term(), deps, root);
    } else if (s instanceof Step.Unify u) {
      node(u.left(), deps, root);
      node(u.right(), deps, root);
    } else if (s instanceof Step.Member m) {
      node(m.key(), deps, root);
      node(m.value(), deps, root);
      node(m.domain(), deps, root);
    } else if (s instanceof Step.Every e) {
      node(e.key(), deps, root);
      node(e.value(), deps, root);
      node(e.domain(), deps, root);
      body(e.body(), deps, root);
    } else if (s instanceof Step.Or o) {
      for (Body b : o.alternatives()) {
        body(b, deps, root);
      }
    } else if (s instanceof Step.Print p) {
      nodes(p.args(), deps, root);
    }
  }

  private void nodes(Node[] nodes, Set<DocNode> deps, DocNode root) {
    for (Node n : nodes) {
      node(n, deps, root);
    }
  }

  private void node(Node n, Set<DocNode> deps, DocNode root) {
    if (n == null) {
      return;
    }
    if (n instanceof Node.Ref r) {
      if (r.head() == Node.RefHead.DATA) {
        boolean leavesTree = r.anchorDepth() < r.path().length && r.path()[r.anchorDepth()] instanceof Node.Const;
        dataDependencies(r.anchor(), leavesTree, root, deps);
      } else if (r.term() != null) {
        node(r.term(), deps, root);
      }
      nodes(r.path(), deps, root);
    } else if (n instanceof Node.Array a) {
      nodes(a.items(), deps, root);
    } else if (n instanceof Node.Set s) {
      nodes(s.items(), deps, root);
    } else if (n instanceof Node.Object o) {
      nodes(o.keys(), deps, root);
      nodes(o.values(), deps, root);
    } else if (n instanceof Node.BuiltinCall c) {
      nodes(c.args(), deps, root);
    } else if (n instanceof Node.FunctionCall c) {
      deps.add(c.function());
      nodes(c.args(), deps, root);
    } else if (n instanceof Node.Comprehension c) {
      node(c.key(), deps, root);
      node(c.head(), deps, root);
      body(c.body(), deps, root);
    } else if (n instanceof Node.Template t) {
      nodes(t.parts(), deps, root);
    }
  }

  /**
   * A reference reaching {@code anchor} may read any rule above it on the path, the rules at the
   * anchor, and, unless its next key leaves the tree for base data, any rule below it.
   */
  private static void dataDependencies(DocNode anchor, boolean leavesTree, DocNode root, Set<DocNode> deps) {
    DocNode node = root;
    for (Value key : anchor.path()) {
      if (node.hasRules() || !node.dynamicRules().isEmpty()) {
        deps.add(node);
      }
      node = node.child(key);
    }
    if (leavesTree) {
      if (anchor.hasRules() || !anchor.dynamicRules().isEmpty()) {
        deps.add(anchor);
      }
    } else {
      below(anchor, deps);
    }
  }

  private static void below(DocNode node, Set<DocNode> deps) {
    if (node.hasRules() || !node.dynamicRules().isEmpty()) {
      deps.add(node);
    }
    for (DocNode child : node.children().values()) {
      below(child, deps);
    }
  }
}
