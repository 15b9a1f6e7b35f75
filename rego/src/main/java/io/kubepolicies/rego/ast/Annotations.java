package io.kubepolicies.rego.ast;

import io.kubepolicies.rego.value.ObjectValue;

/**
 * One {@code # METADATA} block: its YAML parsed into an object ({@code title}, {@code description},
 * {@code custom}, ...), its {@code scope} (rule, document, package, subpackages) and where it was written.
 */
public record Annotations(String scope, ObjectValue data, Location location) {}
