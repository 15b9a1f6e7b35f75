package io.kubepolicies.rego.compile;

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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Terms written back as Rego the way OPA's {@code String()} methods write them in error messages:
 * {@code data.test.p}, {@code x[0]}, {@code input["a b"]}, {@code count(x)}. Local variables get
 * back the names they were written with.
 */
final class TermText {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("not", "package", "import", "as", "default", "else", "with",
      "null", "true", "false", "some", "in", "if", "contains", "every");

  private TermText() {}

  static String of(Term t) {
    StringBuilder sb = new StringBuilder();
    term(t, sb);
    return sb.toString();
  }

  /** The first {@code size} terms of a reference. */
  static String prefix(Ref ref, int size) {
    StringBuilder sb = new StringBuilder();
    ref(ref.terms().subList(0, size), sb);
    return sb.toString();
  }

  private static void term(Term t, StringBuilder sb) {
    if (t instanceof Scalar s) {
      RegoText.write(s.value(), sb);
    } else if (t instanceof Var v) {
      sb.append(SafetyCheck.displayName(v.name()));
    } else if (t instanceof Ref r) {
      ref(r.terms(), sb);
    } else if (t instanceof Call c) {
      call(c.operator(), c.args(), sb);
    } else if (t instanceof ArrayTerm a) {
      sb.append('[');
      list(a.items(), sb);
      sb.append(']');
    } else if (t instanceof SetTerm s) {
      if (s.items().isEmpty()) {
        sb.append("set()");
      } else {
        sb.append('{');
        list(s.items(), sb);
        sb.append('}');
      }
    } else if (t instanceof ObjectTerm o) {
      sb.append('{');
      String sep = "";
      for (ObjectTerm.Entry e : o.entries()) {
        sb.append(sep);
        term(e.key(), sb);
        sb.append(": ");
        term(e.value(), sb);
        sep = ", ";
      }
      sb.append('}');
    } else if (t instanceof ArrayComprehension c) {
      sb.append('[');
      term(c.head(), sb);
      body(c.body(), sb.append(" | "));
      sb.append(']');
    } else if (t instanceof SetComprehension c) {
      sb.append('{');
      term(c.head(), sb);
      body(c.body(), sb.append(" | "));
      sb.append('}');
    } else if (t instanceof ObjectComprehension c) {
      sb.append('{');
      term(c.key(), sb);
      term(c.value(), sb.append(": "));
      body(c.body(), sb.append(" | "));
      sb.append('}');
    } else {
      template((TemplateString) t, sb);
    }
  }

  private static void ref(List<Term> terms, StringBuilder sb) {
    term(terms.get(0), sb);
    for (Term p : terms.subList(1, terms.size())) {
      if (p instanceof Scalar s && s.value() instanceof StringValue str && IDENTIFIER.matcher(str.value()).matches()
          && !KEYWORDS.contains(str.value())) {
        sb.append('.').append(str.value());
      } else {
        sb.append('[');
        term(p, sb);
        sb.append(']');
      }
    }
  }

  private static void call(Ref operator, List<Term> args, StringBuilder sb) {
    ref(operator.terms(), sb);
    sb.append('(');
    list(args, sb);
    sb.append(')');
  }

  private static void list(List<Term> terms, StringBuilder sb) {
    String sep = "";
    for (Term t : terms) {
      sb.append(sep);
      term(t, sb);
      sep = ", ";
    }
  }

  private static void template(TemplateString t, StringBuilder sb) {
    sb.append("$\"");
    for (Term p : t.parts()) {
      if (p instanceof Scalar s && s.value() instanceof StringValue str) {
        sb.append(str.value());
      } else {
        term(p, sb.append('{'));
        sb.append('}');
      }
    }
    sb.append('"');
  }

  private static void body(Body body, StringBuilder sb) {
    String sep = "";
    for (Expr e : body.exprs()) {
      sb.append(sep);
      expr(e, sb);
      sep = "; ";
    }
  }

  private static void expr(Expr e, StringBuilder sb) {
    if (e.negated()) {
      sb.append("not ");
    }
    statement(e.statement(), sb);
    for (With w : e.with()) {
      term(w.target(), sb.append(" with "));
      term(w.value() != null ? w.value() : w.function(), sb.append(" as "));
    }
  }

  private static void statement(Statement s, StringBuilder sb) {
    if (s instanceof TermStatement ts) {
      String op = ts.term() instanceof Call c ? Terms.dottedName(c.operator()) : null;
      if ((Terms.EQ.equals(op) || Terms.ASSIGN.equals(op)) && ((Call) ts.term()).args().size() == 2) {
        List<Term> sides = ((Call) ts.term()).args();
        term(sides.get(0), sb);
        term(sides.get(1), sb.append(Terms.EQ.equals(op) ? " = " : " := "));
      } else {
        term(ts.term(), sb);
      }
    } else if (s instanceof SomeDecl some) {
      sb.append("some ");
      list(some.symbols(), sb);
    } else if (s instanceof Every every) {
      sb.append("every ");
      if (every.key() != null) {
        term(every.key(), sb);
        sb.append(", ");
      }
      term(every.value(), sb);
      term(every.domain(), sb.append(" in "));
      body(every.body(), sb.append(" { "));
      sb.append(" }");
    } else {
      String sep = "";
      for (Body alternative : ((Or) s).alternatives()) {
        body(alternative, sb.append(sep));
        sep = " or ";
      }
    }
  }
}
