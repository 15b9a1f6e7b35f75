package io.kubepolicies.rego.plan;

import io.kubepolicies.rego.ast.Location;

/** A compiled expression: a step, possibly negated, possibly under {@code with} modifiers. */
public record Expr(Step step, boolean negated, WithBinding[] with, Location location) {}
