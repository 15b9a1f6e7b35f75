package io.kubepolicies.rego.plan;

/** A compiled body: expressions in evaluation order (the compiler reorders them for safety). */
public record Body(Expr[] exprs) {}
