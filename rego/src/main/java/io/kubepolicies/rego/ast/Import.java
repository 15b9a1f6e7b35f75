package io.kubepolicies.rego.ast;

/**
 * {@code import data.x.y [as z]}, {@code import input.a}, {@code import future.keywords.in},
 * {@code import rego.v1}. {@code alias} is null when none is given.
 */
public record Import(Ref path, String alias, Location location) {}
