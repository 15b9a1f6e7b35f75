package io.kubepolicies.rego.builtins.template;

import io.kubepolicies.rego.builtins.format.GoPrinter;
import io.kubepolicies.rego.builtins.format.GoValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template over Go data, as {@code text/template} does with the default
 * {@code missingkey} option: a missing map key is "no value" ({@code null} here), printed as
 * {@code <no value>}; a JSON null is a nil interface, which a pipeline also turns into no value.
 */
final class Executor {
  // Go allows 100,000 nested template calls; each costs several JVM frames, so a lower cap keeps a
  // self-calling template an error instead of a StackOverflowError on a default 1 MB thread stack.
  private static final int MAX_DEPTH = 100;

  private final String source;
  private final String name;
  private final Map<String, Node.ListNode> defines;
  private final StringBuilder out = new StringBuilder();
  private final List<Var> vars = new ArrayList<>();
  private Node current;
  private int depth;
  /** Whether dot came out of a collection, so Go sees it through an {@code interface {}}. */
  private boolean dotBoxed;

  /** A variable; {@code boxed} as for {@link #dotBoxed}. */
  private record Var(String name, GoValue value, boolean boxed) {}

  /** Unwinds to the enclosing range. */
  private static final class Jump extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;

    Jump(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private Executor(String source, String name, Map<String, Node.ListNode> defines) {
    this.source = source;
    this.name = name;
    this.defines = defines;
  }

  static String execute(String source, String name, Parser.Parsed parsed, GoValue data) {
    Executor e = new Executor(source, name, parsed.defines());
    e.vars.add(new Var("$", data, false));
    e.walk(data, parsed.root());
    return e.out.toString();
  }

  void at(Node n) {
    current = n;
  }

  TemplateException error(String message) {
    if (current == null) {
      return new TemplateException("template: " + name + ": " + message);
    }
    int pos = current.pos();
    int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    String context = current.text();
    if (context.length() > 20) {
      context = context.substring(0, 20) + "...";
    }
    return new TemplateException("template: " + name + ":" + line + ":" + (pos - lineStart) + ": executing \""
        + name + "\" at <" + context + ">: " + message);
  }

  // ---- statements ----

  private void walk(GoValue dot, Node node) {
    current = node;
    if (node instanceof Node.ListNode list) {
      for (Node n : list.nodes()) {
        walk(dot, n);
      }
    } else if (node instanceof Node.Text t) {
      out.append(t.text());
    } else if (node instanceof Node.Action a) {
      GoValue value = pipeline(dot, a.pipe());
      if (a.pipe().decls().isEmpty()) {
        out.append(value == null ? "<no value>" : GoPrinter.sprint(List.of(value)));
      }
    } else if (node instanceof Node.Branch b) {
      int mark = vars.size();
      GoValue value = pipeline(dot, b.pipe());
      if (Funcs.truth(value) && b.with()) {
        boolean saved = dotBoxed;
        dotBoxed = false;
        walk(value, b.list());
        dotBoxed = saved;
      } else if (Funcs.truth(value)) {
        walk(dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
      pop(mark);
    } else if (node instanceof Node.Range r) {
      range(dot, r);
    } else if (node instanceof Node.Jump j) {
      throw new Jump(j.isBreak());
    } else if (node instanceof Node.Call c) {
      call(dot, c);
    }
  }

  private void range(GoValue dot, Node.Range r) {
    int outer = vars.size();
    GoValue value = pipeline(dot, r.pipe());
    int mark = vars.size();
    boolean any = false;
    try {
      if (value instanceof GoValue.Slice slice) {
        for (int i = 0; i < slice.elements().size(); i++) {
          any = true;
          iteration(r, new GoValue.Int(i), slice.elements().get(i), mark);
        }
      } else if (value instanceof GoValue.Map map) {
        for (Map.Entry<String, GoValue> e : map.entries().entrySet()) {
          any = true;
          iteration(r, GoValue.Str.of(e.getKey()), e.getValue(), mark);
        }
      } else if (value instanceof GoValue.Int count) {
        if (r.pipe().decls().size() > 1) {
          throw error("can't use " + count.value() + " to iterate over more than one variable");
        }
        for (long i = 0; i < count.value(); i++) {
          any = true;
          iteration(r, new GoValue.Int(i), new GoValue.Int(i), mark);
        }
      } else if (value != null) {
        throw error("range can't iterate over " + GoPrinter.sprint(List.of(value)));
      }
    } catch (Jump j) {
      // {{break}}: the loop is over.
    }
    if (!any && r.elseList() != null) {
      walk(dot, r.elseList());
    }
    pop(outer);
  }

  private void iteration(Node.Range r, GoValue index, GoValue element, int mark) {
    List<String> decls = r.pipe().decls();
    if (decls.size() == 1) {
      setVar(decls.get(0), element, true);
    } else if (decls.size() == 2) {
      setVar(decls.get(0), index, false);
      setVar(decls.get(1), element, true);
    }
    boolean saved = dotBoxed;
    dotBoxed = true;
    try {
      walk(element, r.list());
    } catch (Jump j) {
      if (j.isBreak) {
        throw j;
      }
    } finally {
      dotBoxed = saved;
      pop(mark);
    }
  }

  private void call(GoValue dot, Node.Call c) {
    Node.ListNode body = defines.get(c.name());
    if (body == null) {
      current = c;
      throw error("template \"" + c.name() + "\" not defined");
    }
    if (++depth > MAX_DEPTH) {
      current = c;
      throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    GoValue newDot = c.pipe() == null ? null : pipeline(dot, c.pipe());
    List<Var> saved = new ArrayList<>(vars);
    boolean savedBoxed = dotBoxed;
    vars.clear();
    vars.add(new Var("$", newDot, false));
    dotBoxed = false;
    try {
      walk(newDot, body);
    } finally {
      vars.clear();
      vars.addAll(saved);
      dotBoxed = savedBoxed;
      depth--;
    }
  }

  // ---- variables ----

  private void pop(int mark) {
    vars.subList(mark, vars.size()).clear();
  }

  private void setVar(String variable, GoValue value, boolean boxed) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(variable)) {
        vars.set(i, new Var(variable, value, boxed));
        return;
      }
    }
    vars.add(new Var(variable, value, boxed));
  }

  private Var variable(String variable) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(variable)) {
        return vars.get(i);
      }
    }
    throw error("undefined variable: " + variable);
  }

  // ---- pipelines ----

  GoValue pipeline(GoValue dot, Node.Pipe pipe) {
    GoValue value = null;
    boolean hasFinal = false;
    for (Node.Command cmd : pipe.commands()) {
      value = command(dot, cmd, value, hasFinal);
      if (value instanceof GoValue.Nil) {
        value = null;
      }
      hasFinal = true;
    }
    for (String d : pipe.decls()) {
      if (pipe.assign()) {
        setVar(d, value, false);
      } else {
        vars.add(new Var(d, value, false));
      }
    }
    return value;
  }

  private GoValue command(GoValue dot, Node.Command cmd, GoValue finalValue, boolean hasFinal) {
    Node first = cmd.args().get(0);
    current = first;
    if (first instanceof Node.Identifier id) {
      return Funcs.call(this, dot, id, cmd, finalValue, hasFinal);
    }
    boolean extraArgs = cmd.args().size() > 1 || hasFinal;
    if (first instanceof Node.Field f) {
      return fields(dot, dotBoxed, f.names(), extraArgs);
    }
    if (first instanceof Node.Variable v) {
      Var var = variable(v.name());
      return fields(var.value(), var.boxed(), v.names(), extraArgs);
    }
    if (first instanceof Node.Chain c) {
      GoValue receiver = operand(dot, c.node());
      return fields(receiver, false, c.names(), extraArgs);
    }
    if (extraArgs) {
      throw error("can't give argument to non-function " + first.text());
    }
    if (first instanceof Node.Nil) {
      throw error("nil is not a command");
    }
    return operand(dot, first);
  }

  /** The value of an argument or a single-operand command. */
  GoValue operand(GoValue dot, Node n) {
    current = n;
    if (n instanceof Node.Dot) {
      return dot;
    }
    if (n instanceof Node.Nil) {
      return GoValue.Nil.NIL;
    }
    if (n instanceof Node.Constant c) {
      return c.value();
    }
    if (n instanceof Node.Field f) {
      return fields(dot, dotBoxed, f.names(), false);
    }
    if (n instanceof Node.Variable v) {
      Var var = variable(v.name());
      return fields(var.value(), var.boxed(), v.names(), false);
    }
    if (n instanceof Node.Chain c) {
      GoValue receiver = operand(dot, c.node());
      return fields(receiver, false, c.names(), false);
    }
    if (n instanceof Node.Pipe p) {
      return pipeline(dot, p);
    }
    throw error("can't handle " + n.text());
  }

  /** Follows {@code names} from {@code receiver}; every value after the first comes out of a map, so is boxed. */
  private GoValue fields(GoValue receiver, boolean boxed, List<String> names, boolean extraArgs) {
    GoValue value = receiver;
    for (int i = 0; i < names.size(); i++) {
      value = field(value, boxed || i > 0, names.get(i), extraArgs && i == names.size() - 1);
    }
    return value;
  }

  private GoValue field(GoValue receiver, boolean boxed, String fieldName, boolean hasArgs) {
    if (receiver == null) {
      return null;
    }
    if (receiver instanceof GoValue.Map map) {
      if (hasArgs) {
        throw error(fieldName + " is not a method but has arguments");
      }
      return map.entries().get(fieldName);
    }
    String type = boxed ? "interface {}" : receiver.typeName();
    if (receiver instanceof GoValue.Nil) {
      throw error("nil pointer evaluating " + type + "." + fieldName);
    }
    throw error("can't evaluate field " + fieldName + " in type " + type);
  }
}
