package io.kubepolicies.rego.ast;

/** {@code with target as value}: target is a reference to {@code input}, into {@code data}, or to a function. */
public record With(Ref target, Term value, Location location) {}
