package io.kubepolicies.rego.ast;

/** What an expression does: evaluate a term, declare locals, test every element, or try alternatives. */
public sealed interface Statement permits TermStatement, SomeDecl, Every, Or {
  Location location();
}
