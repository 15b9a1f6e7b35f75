package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleHead;
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
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact, unambiguous rendering of parsed ASTs for assertions: infix operators show as the
 * calls they become ({@code plus(x, 1)}), bodies as <code>{a; b}</code>, {@code or} as
 * <code>or({a}, {b})</code>, template strings with every part in braces, text parts quoted, and
 * rules as {@code kind ref(args) key=k := v :- body}.
 */
final class AstText {
  private AstText() {}

  static String of(Term t) {
    if (t instanceof Scalar s) {
      return RegoText.write(s.value());
    }
    if (t instanceof Var v) {
      return v.name();
    }
    if (t instanceof Ref r) {
      StringBuilder sb = new StringBuilder(of(r.head()));
      for (Term part : r.terms().subList(1, r.size())) {
        if (part instanceof Scalar s && s.value() instanceof StringValue str && isIdentifier(str.value())) {
          sb.append('.').append(str.value());
        } else {
          sb.append('[').append(of(part)).append(']');
        }
      }
      return sb.toString();
    }
    if (t instanceof Call c) {
      return of(c.operator()) + "(" + list(c.args()) + ")";
    }
    if (t instanceof ArrayTerm a) {
      return "[" + list(a.items()) + "]";
    }
    if (t instanceof SetTerm s) {
      return s.items().isEmpty() ? "set()" : "{" + list(s.items()) + "}";
    }
    if (t instanceof ObjectTerm o) {
      return "{" + o.entries().stream().map(e -> of(e.key()) + ": " + of(e.value())).collect(Collectors.joining(", ")) + "}";
    }
    if (t instanceof ArrayComprehension a) {
      return "[" + of(a.head()) + " | " + exprs(a.body()) + "]";
    }
    if (t instanceof SetComprehension s) {
      return "{" + of(s.head()) + " | " + exprs(s.body()) + "}";
    }
    if (t instanceof ObjectComprehension o) {
      return "{" + of(o.key()) + ": " + of(o.value()) + " | " + exprs(o.body()) + "}";
    }
    TemplateString ts = (TemplateString) t;
    StringBuilder sb = new StringBuilder("$\"");
    for (int i = 0; i < ts.parts().size(); i++) {
      sb.append('{').append(of(ts.parts().get(i))).append(withs(ts.modifiers().get(i))).append('}');
    }
    return sb.append('"').toString();
  }

  static String of(Body body) {
    return "{" + exprs(body) + "}";
  }

  static String exprs(Body body) {
    return body.exprs().stream().map(AstText::of).collect(Collectors.joining("; "));
  }

  static String of(Expr e) {
    return (e.negated() ? "not " : "") + of(e.statement()) + withs(e.with());
  }

  static String of(Statement s) {
    if (s instanceof TermStatement ts) {
      return of(ts.term());
    }
    if (s instanceof SomeDecl some) {
      return "some " + list(some.symbols());
    }
    if (s instanceof Every ev) {
      return "every " + (ev.key() == null ? "" : of(ev.key()) + ", ") + of(ev.value()) + " in " + of(ev.domain())
          + " " + of(ev.body());
    }
    Or or = (Or) s;
    return "or(" + or.alternatives().stream().map(AstText::of).collect(Collectors.joining(", ")) + ")";
  }

  static String of(Rule rule) {
    StringBuilder sb = new StringBuilder(rule.isDefault() ? "default " : "");
    sb.append(of(rule.head())).append(" :- ").append(of(rule.body()));
    for (Rule e = rule.elseRule(); e != null; e = e.elseRule()) {
      sb.append(" else ").append(e.head().assign() ? ":= " : "= ").append(of(e.head().value()))
          .append(" :- ").append(of(e.body()));
    }
    return sb.toString();
  }

  static String of(RuleHead h) {
    StringBuilder sb = new StringBuilder(h.kind().name().toLowerCase()).append(' ').append(of(h.ref()));
    if (!h.args().isEmpty()) {
      sb.append('(').append(list(h.args())).append(')');
    }
    if (h.key() != null) {
      sb.append(" key=").append(of(h.key()));
    }
    if (h.value() != null) {
      sb.append(h.assign() ? " := " : " = ").append(of(h.value()));
    }
    return sb.toString();
  }

  private static String withs(List<With> with) {
    return with.stream().map(w -> " with " + of(w.target()) + " as " + of(w.value())).collect(Collectors.joining());
  }

  private static String list(List<Term> terms) {
    return terms.stream().map(AstText::of).collect(Collectors.joining(", "));
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
  }
}
