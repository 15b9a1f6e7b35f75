package io.kubepolicies.rego.testing;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which lines of the policies the tests exercised, like {@code opa test --coverage}: a line is
 * coverable when a rule head or an expression starts on it, and covered when the tests evaluated
 * that expression or the rule produced a value. Test files ({@code *_test.rego}) are not counted.
 * Rules that never produced a value are listed by name, so an untested rule stands out.
 */
public record Coverage(Map<String, FileCoverage> files, List<String> uncoveredRules) {

  /** One file's lines. */
  public record FileCoverage(Set<Integer> covered, Set<Integer> notCovered) {
    public double percent() {
      int all = covered.size() + notCovered.size();
      return all == 0 ? 100.0 : 100.0 * covered.size() / all;
    }
  }

  static Coverage of(List<Module> modules, Set<Location> hits) {
    Map<String, Set<Integer>> hitLines = new TreeMap<>();
    for (Location l : hits) {
      hitLines.computeIfAbsent(l.file(), k -> new TreeSet<>()).add(l.line());
    }
    Map<String, FileCoverage> files = new TreeMap<>();
    List<String> uncovered = new ArrayList<>();
    for (Module m : modules) {
      if (m.file().endsWith("_test.rego")) {
        continue;
      }
      Set<Integer> coverable = new TreeSet<>();
      for (Rule rule : m.rules()) {
        for (Rule r = rule; r != null; r = r.elseRule()) {
          coverable.add(r.location().line());
          lines(r.body(), coverable);
        }
        if (!hits.contains(rule.location())) {
          uncovered.add(((Var) rule.head().ref().head()).name() + " (" + rule.location() + ")");
        }
      }
      Set<Integer> hit = hitLines.getOrDefault(m.file(), Set.of());
      Set<Integer> covered = new TreeSet<>();
      Set<Integer> notCovered = new TreeSet<>();
      for (int line : coverable) {
        (hit.contains(line) ? covered : notCovered).add(line);
      }
      files.put(m.file(), new FileCoverage(covered, notCovered));
    }
    return new Coverage(files, uncovered);
  }

  private static void lines(Body body, Set<Integer> out) {
    for (Expr e : body.exprs()) {
      out.add(e.location().line());
      if (e.statement() instanceof TermStatement ts) {
        lines(ts.term(), out);
      } else if (e.statement() instanceof Every every) {
        lines(every.body(), out);
      } else if (e.statement() instanceof Or or) {
        or.alternatives().forEach(b -> lines(b, out));
      } else if (e.statement() instanceof SomeDecl some) {
        some.symbols().forEach(t -> lines(t, out));
      }
    }
  }

  private static void lines(Term t, Set<Integer> out) {
    if (t instanceof ArrayComprehension c) {
      lines(c.body(), out);
    } else if (t instanceof SetComprehension c) {
      lines(c.body(), out);
    } else if (t instanceof ObjectComprehension c) {
      lines(c.body(), out);
    } else if (t instanceof Call c) {
      c.args().forEach(a -> lines(a, out));
    } else if (t instanceof Ref r) {
      r.terms().forEach(a -> lines(a, out));
    } else if (t instanceof ArrayTerm a) {
      a.items().forEach(x -> lines(x, out));
    } else if (t instanceof SetTerm s) {
      s.items().forEach(x -> lines(x, out));
    } else if (t instanceof ObjectTerm o) {
      o.entries().forEach(e -> {
        lines(e.key(), out);
        lines(e.value(), out);
      });
    }
  }

  public double percent() {
    int covered = files.values().stream().mapToInt(f -> f.covered().size()).sum();
    int all = covered + files.values().stream().mapToInt(f -> f.notCovered().size()).sum();
    return all == 0 ? 100.0 : 100.0 * covered / all;
  }

  /** OPA's report shape: per file the covered and not covered line ranges, line counts and percentage. */
  public Value toValue() {
    ObjectValue.Builder filesOut = ObjectValue.builder();
    int covered = 0;
    int notCovered = 0;
    for (Map.Entry<String, FileCoverage> e : files.entrySet()) {
      FileCoverage f = e.getValue();
      covered += f.covered().size();
      notCovered += f.notCovered().size();
      filesOut.put(e.getKey(), ObjectValue.builder()
          .put("covered", ranges(f.covered()))
          .put("not_covered", ranges(f.notCovered()))
          .put("covered_lines", NumberValue.of(f.covered().size()))
          .put("not_covered_lines", NumberValue.of(f.notCovered().size()))
          .put("coverage", percentValue(f.percent()))
          .build());
    }
    List<Value> rules = uncoveredRules.stream().map(r -> (Value) StringValue.of(r)).toList();
    return ObjectValue.builder()
        .put("files", filesOut.build())
        .put("covered_lines", NumberValue.of(covered))
        .put("not_covered_lines", NumberValue.of(notCovered))
        .put("coverage", percentValue(percent()))
        .put("not_covered_rules", ArrayValue.of(rules))
        .build();
  }

  private static Value percentValue(double p) {
    return NumberValue.of(BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP));
  }

  private static Value ranges(Set<Integer> lines) {
    List<Value> out = new ArrayList<>();
    Integer start = null;
    Integer prev = null;
    for (int line : lines) {
      if (start != null && line == prev + 1) {
        prev = line;
        continue;
      }
      if (start != null) {
        out.add(range(start, prev));
      }
      start = line;
      prev = line;
    }
    if (start != null) {
      out.add(range(start, prev));
    }
    return ArrayValue.of(out);
  }

  private static Value range(int start, int end) {
    return ObjectValue.builder()
        .put("start", ObjectValue.builder().put("row", NumberValue.of(start)).build())
        .put("end", ObjectValue.builder().put("row", NumberValue.of(end)).build())
        .build();
  }
}
