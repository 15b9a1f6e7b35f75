package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.Annotations;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Attaches {@code # METADATA} blocks the way OPA does. A block belongs to the first statement that
 * starts on a later line; without a {@code scope} it gets {@code rule} (or {@code document} for an
 * entrypoint) on a rule and {@code package} on the package. A rule's own annotations are then its
 * {@code rule}-scoped block and the {@code document}-scoped blocks of every rule of the module with
 * the same path.
 */
final class Annotator {
  private static final String RULE = "rule";
  private static final String DOCUMENT = "document";
  private static final String PACKAGE = "package";
  private static final String SUBPACKAGES = "subpackages";

  /** A statement of the module: its first line and, for a rule, its index ({@code -1} otherwise). */
  record Statement(int line, int ruleIndex, boolean isImport) {}

  /** An annotation and the index of the rule it was written above ({@code -1} if not a rule). */
  private record Attached(Annotations annotations, int ruleIndex) {}

  private final List<Attached> attached = new ArrayList<>();

  Annotator(String file, List<MetadataBlock> blocks, List<Statement> statements) {
    for (MetadataBlock block : blocks) {
      Statement target = null;
      for (Statement s : statements) {
        if (s.line() > block.location().line()) {
          target = s;
          break;
        }
      }
      String scope = block.scope() != null ? block.scope() : defaultScope(block, target);
      check(block, scope, target);
      ObjectValue data = ObjectValue.builder().put("scope", StringValue.of(scope)).build();
      for (var e : block.fields().entries()) {
        data = data.with(e.getKey(), e.getValue());
      }
      int ruleIndex = target == null ? -1 : target.ruleIndex();
      attached.add(new Attached(new Annotations(scope, data, block.location()), ruleIndex));
    }
  }

  List<Annotations> moduleAnnotations() {
    return attached.stream().map(Attached::annotations).toList();
  }

  /** The rules with their annotations, following OPA's attachRuleAnnotations. */
  List<Rule> annotate(List<Rule> rules) {
    List<Attached> pending = new ArrayList<>();
    for (Attached a : attached) {
      if (a.ruleIndex() >= 0) {
        pending.add(a);
      }
    }
    if (pending.isEmpty()) {
      return rules;
    }
    List<Rule> result = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      List<Term> path = groundPrefix(rule.head().ref());
      List<Annotations> own = new ArrayList<>();
      int consumed = -1;
      for (int i = 0; i < pending.size(); i++) {
        Attached a = pending.get(i);
        if (!samePath(path, groundPrefix(rules.get(a.ruleIndex()).head().ref()))) {
          continue;
        }
        String scope = a.annotations().scope();
        if (scope.equals(DOCUMENT)) {
          own.add(a.annotations());
        } else if (scope.equals(RULE) && rule.location().line() > a.annotations().location().line()) {
          consumed = i;
          own.add(a.annotations());
        }
      }
      if (consumed >= 0) {
        pending.remove(consumed);
      }
      result.add(own.isEmpty() ? rule
          : new Rule(rule.head(), rule.body(), rule.elseRule(), rule.isDefault(), own, rule.location()));
    }
    return result;
  }

  private static String defaultScope(MetadataBlock block, Statement target) {
    if (target == null) {
      return "";
    }
    if (target.isImport()) {
      return "import";
    }
    if (target.ruleIndex() < 0) {
      return PACKAGE;
    }
    return block.entrypoint() ? DOCUMENT : RULE;
  }

  private static void check(MetadataBlock block, String scope, Statement target) {
    String have = target == null ? "" : target.isImport() ? " (have import)" : target.ruleIndex() < 0 ? " (have package)" : " (have rule)";
    boolean onRule = target != null && target.ruleIndex() >= 0;
    boolean onPackage = target != null && !target.isImport() && target.ruleIndex() < 0;
    switch (scope) {
      case RULE:
      case DOCUMENT:
        if (!onRule) {
          throw error(block.location(), "annotation scope '" + scope + "' must be applied to rule" + have);
        }
        break;
      case PACKAGE:
      case SUBPACKAGES:
        if (!onPackage) {
          throw error(block.location(), "annotation scope '" + scope + "' must be applied to package" + have);
        }
        break;
      default:
        throw error(block.location(), "invalid annotation scope '" + scope
            + "'. Use one of 'rule', 'document', 'package', or 'subpackages'");
    }
    if (block.entrypoint() && !(scope.equals(DOCUMENT) || scope.equals(PACKAGE))) {
      throw error(block.location(), "annotation entrypoint applied to non-document or package scope '" + scope + "'");
    }
  }

  /** The reference up to its first part that holds a variable: the document the rule defines. */
  private static List<Term> groundPrefix(Ref ref) {
    List<Term> prefix = new ArrayList<>();
    prefix.add(ref.head());
    for (int i = 1; i < ref.size() && isConstant(ref.get(i)); i++) {
      prefix.add(ref.get(i));
    }
    return prefix;
  }

  private static boolean isConstant(Term t) {
    if (t instanceof Scalar) {
      return true;
    }
    if (t instanceof ArrayTerm a) {
      return a.items().stream().allMatch(Annotator::isConstant);
    }
    if (t instanceof SetTerm s) {
      return s.items().stream().allMatch(Annotator::isConstant);
    }
    if (t instanceof ObjectTerm o) {
      return o.entries().stream().allMatch(e -> isConstant(e.key()) && isConstant(e.value()));
    }
    return false;
  }

  private static boolean samePath(List<Term> a, List<Term> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameTerm(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Equality of constant terms and variables, locations aside. */
  private static boolean sameTerm(Term a, Term b) {
    if (a instanceof Var x && b instanceof Var y) {
      return x.name().equals(y.name());
    }
    if (a instanceof Scalar x && b instanceof Scalar y) {
      return x.value().equals(y.value());
    }
    if (a instanceof ArrayTerm x && b instanceof ArrayTerm y) {
      return samePath(x.items(), y.items());
    }
    if (a instanceof SetTerm x && b instanceof SetTerm y) {
      return samePath(x.items(), y.items());
    }
    if (a instanceof ObjectTerm x && b instanceof ObjectTerm y) {
      if (x.entries().size() != y.entries().size()) {
        return false;
      }
      for (int i = 0; i < x.entries().size(); i++) {
        if (!sameTerm(x.entries().get(i).key(), y.entries().get(i).key())
            || !sameTerm(x.entries().get(i).value(), y.entries().get(i).value())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static SyntaxError error(Location at, String message) {
    return new SyntaxError(message, at.line(), at.column(), 0);
  }
}
