package io.kubepolicies.rego.plan;

import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.value.Value;

/**
 * A compiled term, ready to evaluate: variables are frame slots, references to rules point at their
 * node in the document tree, calls point at their built-in or function. Produced by the compiler's
 * planner; read by the evaluator.
 */
public sealed interface Node
    permits Node.Const, Node.Local, Node.Ref, Node.Array, Node.Object, Node.Set,
        Node.BuiltinCall, Node.FunctionCall, Node.Comprehension, Node.Template {

  /** A constant value. */
  record Const(Value value) implements Node {}

  /** A variable: slot {@code slot} of the current frame. */
  record Local(int slot, String name) implements Node {}

  /**
   * A reference: a head then a path. The head is the data document's root, the input document, or
   * a term (a local, a composite, a call). Path elements are nodes; an unbound local in a path
   * iterates. For data references the compiler resolves the constant start of the path once:
   * evaluation starts at {@code anchor}, {@code anchorDepth} elements down.
   */
  record Ref(RefHead head, Node term, Node[] path, DocNode anchor, int anchorDepth, Location location)
      implements Node {}

  /** Where a reference starts. */
  enum RefHead { DATA, INPUT, TERM }

  /** An array literal; {@code items} may hold variables to unify with. */
  record Array(Node[] items) implements Node {}

  /** An object literal. */
  record Object(Node[] keys, Node[] values) implements Node {}

  /** A set literal. */
  record Set(Node[] items) implements Node {}

  /** A call of a built-in: {@code name} is how it was written (for messages). */
  record BuiltinCall(Builtin builtin, String name, Node[] args, Location location) implements Node {}

  /** A call of a function defined in Rego, found at {@code function} in the document tree. */
  record FunctionCall(DocNode function, String name, Node[] args, Location location)
      implements Node {}

  /** {@code [head | body]}, {@code {head | body}} or {@code {key: head | body}} ({@code key} null unless object). */
  record Comprehension(Kind kind, Node key, Node head, Body body, Location location)
      implements Node {
    /** Which collection a comprehension builds. */
    public enum Kind { ARRAY, SET, OBJECT }
  }

  /**
   * A string template: parts are evaluated and concatenated. A {@code literal} part is text; a
   * {@code collected} part is an array comprehension gathering the values of an expression that
   * carries its own {@code with} modifiers.
   */
  record Template(Node[] parts, boolean[] literal, boolean[] collected) implements Node {}
}
