package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.Annotations;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code rego.metadata.rule()} and {@code rego.metadata.chain()} return inside a rule. As in OPA
 * they are known at compile time: the rule's own annotations, then the {@code document}-scoped
 * annotations of its path, the {@code package} annotations of its package, and the
 * {@code subpackages} annotations of the packages above, each with the path it applies to.
 */
record Metadata(Value rule, Value chain) {
  private static final Pattern AUTHOR = Pattern.compile("^\\s*(.*?)\\s*<([^>]*)>\\s*$");

  /** The metadata of {@code rule}, found at {@code path} (below data) in {@code module}, given every module. */
  static Metadata of(Rule rule, List<Value> path, Module module, List<Module> modules, List<Rule> samePath) {
    List<Value> chain = new ArrayList<>();
    Annotations own = first(rule.annotations(), "rule");
    chain.add(entry(path, own));
    for (Rule other : samePath) {
      Annotations doc = first(other.annotations(), "document");
      if (doc != null && chain.stream().noneMatch(e -> e.equals(entry(path, doc)))) {
        chain.add(entry(path, doc));
      }
    }
    List<Value> pkg = packagePath(module);
    for (int depth = pkg.size(); depth >= 1; depth--) {
      List<Value> prefix = pkg.subList(0, depth);
      for (Module m : modules) {
        if (!packagePath(m).equals(prefix)) {
          continue;
        }
        for (Annotations a : m.annotations()) {
          boolean applies = a.scope().equals("subpackages") || (depth == pkg.size() && a.scope().equals("package"));
          if (applies) {
            chain.add(entry(prefix, a));
          }
        }
      }
    }
    return new Metadata(own == null ? ObjectValue.EMPTY : normalized(own), ArrayValue.of(chain));
  }

  private static Annotations first(List<Annotations> annotations, String scope) {
    for (Annotations a : annotations) {
      if (a.scope().equals(scope)) {
        return a;
      }
    }
    return null;
  }

  private static Value entry(List<Value> path, Annotations a) {
    ObjectValue.Builder b = ObjectValue.builder().put("path", ArrayValue.of(path));
    if (a != null) {
      b.put("annotations", normalized(a));
    }
    return b.build();
  }

  static List<Value> packagePath(Module m) {
    List<Value> path = new ArrayList<>();
    for (Term t : m.pkg().path().terms().subList(1, m.pkg().path().size())) {
      path.add(((Scalar) t).value());
    }
    return path;
  }

  /** OPA's normal form: authors as {@code {name, email}} objects. */
  private static Value normalized(Annotations a) {
    Value authors = a.data().get("authors");
    if (!(authors instanceof ArrayValue list)) {
      return a.data();
    }
    List<Value> out = new ArrayList<>();
    for (Value author : list.elements()) {
      if (author instanceof StringValue s) {
        Matcher m = AUTHOR.matcher(s.value());
        ObjectValue.Builder b = ObjectValue.builder();
        if (m.matches()) {
          if (!m.group(1).isEmpty()) {
            b.put("name", StringValue.of(m.group(1)));
          }
          b.put("email", StringValue.of(m.group(2)));
        } else {
          b.put("name", StringValue.of(s.value().trim()));
        }
        out.add(b.build());
      } else {
        out.add(author);
      }
    }
    return a.data().with(StringValue.of("authors"), ArrayValue.of(out));
  }
}
