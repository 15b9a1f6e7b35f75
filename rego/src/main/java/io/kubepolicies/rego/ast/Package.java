package io.kubepolicies.rego.ast;

/** {@code package a.b}: the path is a reference headed by {@code data}. */
public record Package(Ref path, Location location) {}
