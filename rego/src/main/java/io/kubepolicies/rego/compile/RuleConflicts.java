package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * OPA's rule conflict check ({@code checkRuleConflicts}): the rules at one place must be all
 * functions of one arity or all rules of one kind, at most one of them a default; a rule defining a
 * whole document must have no rules inside it; and no package may sit where a rule is.
 */
final class RuleConflicts {
  private RuleConflicts() {}

  static void check(List<PlacedRule> placed, List<Module> modules, Errors errors) {
    Map<DocNode, List<PlacedRule>> atNode = new LinkedHashMap<>();
    placed.forEach(p -> atNode.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p));
    Map<DocNode, List<PlacedRule>> lookup = new IdentityHashMap<>(atNode);
    atNode.forEach((node, rules) -> checkNode(node, rules, lookup, errors));
    packages(placed, modules, errors);
  }

  private static void checkNode(DocNode node, List<PlacedRule> rules, Map<DocNode, List<PlacedRule>> atNode,
      Errors errors) {
    Set<RuleKind> kinds = new HashSet<>();
    Set<Integer> arities = new HashSet<>();
    List<PlacedRule> defaults = new ArrayList<>();
    int complete = 0;
    boolean ground = false;
    for (PlacedRule p : rules) {
      kinds.add(p.rule().head().kind());
      arities.add(p.rule().head().args().size());
      if (p.rule().isDefault()) {
        defaults.add(p);
      }
      if (p.rule().head().kind() == RuleKind.SINGLE_VALUE && p.isGround()) {
        complete++;
      }
      ground |= p.isGround();
    }
    String name = ref(rules.get(rules.size() - 1));
    Location location = rules.get(0).rule().location();
    Set<String> inside = new TreeSet<>();
    if (ground) {
      node.children().values().forEach(child -> collect(child, atNode, inside));
    }
    if (!inside.isEmpty()) {
      errors.add(RegoError.TYPE, "rule " + name + " conflicts with [" + String.join(" ", inside) + "]", location);
    } else if (kinds.size() > 1 || arities.size() > 1 || (complete > 0 && complete < rules.size())) {
      errors.add(RegoError.TYPE, "conflicting rules " + name + " found", location);
    } else if (defaults.size() > 1) {
      String at = defaults.stream().map(d -> where(d.rule().location())).collect(Collectors.joining(", "));
      errors.add(RegoError.TYPE, "multiple default rules " + name + " found at " + at,
          defaults.get(0).module().pkg().location());
    }
  }

  /** The references of the rules at or below a node. */
  private static void collect(DocNode node, Map<DocNode, List<PlacedRule>> atNode, Set<String> out) {
    atNode.getOrDefault(node, List.of()).forEach(p -> out.add(ref(p)));
    node.children().values().forEach(child -> collect(child, atNode, out));
  }

  /** A package declared where a rule defines a document. */
  private static void packages(List<PlacedRule> placed, List<Module> modules, Errors errors) {
    Map<List<Value>, List<Module>> byPath = new LinkedHashMap<>();
    modules.forEach(m -> byPath.computeIfAbsent(packagePath(m), k -> new ArrayList<>()).add(m));
    for (PlacedRule p : placed) {
      if (!p.isGround()) {
        continue;
      }
      List<Value> path = List.of(p.node().path());
      for (Module other : byPath.getOrDefault(path, List.of())) {
        if (other != p.module()) {
          String message = "package " + dotted(packagePath(other)) + " conflicts with rule "
              + TermText.of(p.rule().head().ref()) + " defined at " + where(p.rule().location());
          errors.add(RegoError.TYPE, message, p.module().pkg().location());
        }
      }
    }
  }

  private static List<Value> packagePath(Module m) {
    List<Value> path = new ArrayList<>();
    for (Term t : m.pkg().path().terms().subList(1, m.pkg().path().size())) {
      path.add(((Scalar) t).value());
    }
    return path;
  }

  /** A rule's full reference: the data path of its node, then the rest of its own reference. */
  private static String ref(PlacedRule p) {
    StringBuilder sb = new StringBuilder("data");
    for (Value v : p.node().path()) {
      sb.append(v instanceof StringValue s ? "." + s.value() : "[" + v + "]");
    }
    Ref ref = p.rule().head().ref();
    for (Term t : ref.terms().subList(p.suffixStart(), ref.size())) {
      sb.append('[').append(TermText.of(t)).append(']');
    }
    return sb.toString();
  }

  private static String dotted(List<Value> path) {
    return path.stream().map(v -> v instanceof StringValue s ? s.value() : v.toString())
        .collect(Collectors.joining("."));
  }

  /** A location as OPA prints it in messages: {@code file:line}. */
  private static String where(Location location) {
    return location.file() + ":" + location.line();
  }
}
