package io.kubepolicies.rego.ast;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A module as OPA's JSON AST ({@code rego.parse_module}): terms are {@code {"type", "value"}}
 * objects, expressions {@code {"index", "terms"}}, rules {@code {"head", "body"}}.
 */
public final class AstJson {
  private AstJson() {}

  public static Value module(Module m) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("package", ObjectValue.builder().put("path", terms(m.pkg().path().terms())).build());
    if (!m.imports().isEmpty()) {
      List<Value> imports = new ArrayList<>();
      for (Import i : m.imports()) {
        ObjectValue.Builder ib = ObjectValue.builder().put("path", term(i.path()));
        if (i.alias() != null) {
          ib.put("alias", StringValue.of(i.alias()));
        }
        imports.add(ib.build());
      }
      b.put("imports", ArrayValue.of(imports));
    }
    if (!m.rules().isEmpty()) {
      List<Value> rules = new ArrayList<>();
      m.rules().forEach(r -> rules.add(rule(r)));
      b.put("rules", ArrayValue.of(rules));
    }
    return b.build();
  }

  private static Value rule(Rule r) {
    RuleHead h = r.head();
    ObjectValue.Builder head = ObjectValue.builder()
        .put("name", StringValue.of(((Var) h.ref().head()).name()))
        .put("ref", terms(h.ref().terms()));
    if (!h.args().isEmpty()) {
      head.put("args", terms(h.args()));
    }
    if (h.key() != null) {
      head.put("key", term(h.key()));
    }
    if (h.value() != null) {
      head.put("value", term(h.value()));
    }
    if (h.assign()) {
      head.put("assign", BooleanValue.TRUE);
    }
    ObjectValue.Builder b = ObjectValue.builder().put("head", head.build()).put("body", body(r.body()));
    if (r.isDefault()) {
      b.put("default", BooleanValue.TRUE);
    }
    if (r.elseRule() != null) {
      b.put("else", rule(r.elseRule()));
    }
    return b.build();
  }

  private static Value body(Body body) {
    List<Value> exprs = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Expr e = body.get(i);
      ObjectValue.Builder b = ObjectValue.builder().put("index", NumberValue.of(i));
      Statement s = e.statement();
      if (s instanceof TermStatement ts && ts.term() instanceof Call c) {
        b.put("terms", termValue(c)); // a call expression lists its terms untyped, as OPA's does
      } else if (s instanceof TermStatement ts) {
        b.put("terms", term(ts.term()));
      } else if (s instanceof SomeDecl some) {
        b.put("terms", typed("somedecl", ObjectValue.builder().put("symbols", terms(some.symbols())).build()));
      } else if (s instanceof Every every) {
        ObjectValue.Builder eb = ObjectValue.builder();
        if (every.key() != null) {
          eb.put("key", term(every.key()));
        }
        eb.put("value", term(every.value())).put("domain", term(every.domain())).put("body", body(every.body()));
        b.put("terms", typed("every", eb.build()));
      }
      if (e.negated()) {
        b.put("negated", BooleanValue.TRUE);
      }
      if (!e.with().isEmpty()) {
        List<Value> with = new ArrayList<>();
        for (With w : e.with()) {
          with.add(ObjectValue.builder().put("target", term(w.target()))
              .put("value", w.value() == null ? term(w.function()) : term(w.value())).build());
        }
        b.put("with", ArrayValue.of(with));
      }
      exprs.add(b.build());
    }
    return ArrayValue.of(exprs);
  }

  private static Value terms(List<Term> terms) {
    List<Value> out = new ArrayList<>();
    terms.forEach(t -> out.add(term(t)));
    return ArrayValue.of(out);
  }

  private static Value typed(String type, Value value) {
    return ObjectValue.builder().put("type", StringValue.of(type)).put("value", value).build();
  }

  private static Value term(Term t) {
    return typed(t.typeName(), termValue(t));
  }

  private static Value termValue(Term t) {
    if (t instanceof Scalar s) {
      return s.value();
    }
    if (t instanceof Var v) {
      return StringValue.of(v.name());
    }
    if (t instanceof Ref r) {
      return terms(r.terms());
    }
    if (t instanceof ArrayTerm a) {
      return terms(a.items());
    }
    if (t instanceof SetTerm s) {
      return terms(s.items());
    }
    if (t instanceof ObjectTerm o) {
      List<Value> entries = new ArrayList<>();
      o.entries().forEach(e -> entries.add(ArrayValue.of(term(e.key()), term(e.value()))));
      return ArrayValue.of(entries);
    }
    if (t instanceof Call c) {
      List<Value> parts = new ArrayList<>();
      parts.add(term(c.operator()));
      c.args().forEach(a -> parts.add(term(a)));
      return ArrayValue.of(parts);
    }
    if (t instanceof ArrayComprehension c) {
      return ObjectValue.builder().put("term", term(c.head())).put("body", body(c.body())).build();
    }
    if (t instanceof SetComprehension c) {
      return ObjectValue.builder().put("term", term(c.head())).put("body", body(c.body())).build();
    }
    if (t instanceof ObjectComprehension c) {
      return ObjectValue.builder().put("key", term(c.key())).put("value", term(c.value()))
          .put("body", body(c.body())).build();
    }
    return terms(((TemplateString) t).parts());
  }
}
