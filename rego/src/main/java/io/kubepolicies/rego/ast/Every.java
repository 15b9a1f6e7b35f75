package io.kubepolicies.rego.ast;

/** {@code every k, v in domain { body }}; {@code key} is null in the one-variable form {@code every v in domain}. */
public record Every(Term key, Term value, Term domain, Body body, Location location) implements Statement {}
