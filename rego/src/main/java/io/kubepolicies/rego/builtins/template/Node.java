package io.kubepolicies.rego.builtins.template;

import java.util.List;

/**
 * The parse tree of a Go text/template. Every node keeps its byte position and, where execution
 * errors can point at it, its source text, which they quote as Go does
 * ({@code template: template:1:2: executing "template" at <.x>: ...}).
 */
sealed interface Node {
  int pos();

  /** The source text an execution error quotes; empty for the block nodes errors never point at. */
  default String text() {
    return "";
  }

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    public ListNode {
      nodes = List.copyOf(nodes);
    }
  }

  /** Plain text, copied to the output. */
  record Text(int pos, String text) implements Node {}

  /** {@code {{pipeline}}}: prints the value unless the pipeline declares variables. */
  record Action(int pos, Pipe pipe) implements Node {}

  /** {@code if} or {@code with} (then {@code with} rebinds dot). */
  record Branch(int pos, boolean with, Pipe pipe, ListNode list, ListNode elseList) implements Node {}

  /** {@code range}. */
  record Range(int pos, Pipe pipe, ListNode list, ListNode elseList) implements Node {}

  /** {@code {{template "name" pipeline}}}. */
  record Call(int pos, String text, String name, Pipe pipe) implements Node {}

  /** {@code {{break}}} or {@code {{continue}}}. */
  record Jump(int pos, boolean isBreak) implements Node {}

  /** A pipeline: optional variable declarations or assignment, then commands joined by {@code |}. */
  record Pipe(int pos, String text, boolean assign, List<String> decls, List<Command> commands) implements Node {
    public Pipe {
      decls = List.copyOf(decls);
      commands = List.copyOf(commands);
    }
  }

  /** One command of a pipeline: a function with arguments, or a single operand. */
  record Command(int pos, String text, List<Node> args) implements Node {
    public Command {
      args = List.copyOf(args);
    }
  }

  /** {@code .a.b}: fields of dot. */
  record Field(int pos, String text, List<String> names) implements Node {}

  /** {@code $x.a.b}: a variable and fields of it. */
  record Variable(int pos, String text, String name, List<String> names) implements Node {}

  /** {@code (pipeline).a.b}. */
  record Chain(int pos, String text, Node node, List<String> names) implements Node {}

  /** {@code .} */
  record Dot(int pos) implements Node {
    @Override
    public String text() {
      return ".";
    }
  }

  /** {@code nil} */
  record Nil(int pos) implements Node {
    @Override
    public String text() {
      return "nil";
    }
  }

  /** A function name. */
  record Identifier(int pos, String name) implements Node {
    @Override
    public String text() {
      return name;
    }
  }

  /** A constant: string, boolean, int or float64 (as {@link io.kubepolicies.rego.builtins.format.GoValue}). */
  record Constant(int pos, String text, io.kubepolicies.rego.builtins.format.GoValue value) implements Node {}
}
