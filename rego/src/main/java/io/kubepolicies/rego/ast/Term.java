package io.kubepolicies.rego.ast;

/**
 * A Rego term: a scalar, a variable, a reference, a composite literal, a call or a comprehension.
 * Every term knows where it starts in the source.
 */
public sealed interface Term
    permits Scalar, Var, Ref, ArrayTerm, ObjectTerm, SetTerm, Call,
        ArrayComprehension, SetComprehension, ObjectComprehension, TemplateString {
  Location location();

  /** OPA's name for this kind of term in its JSON AST and parse errors: {@code ref}, {@code setcomprehension}. */
  String typeName();
}
