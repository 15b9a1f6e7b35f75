package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.plan.DocNode;

/**
 * The compiled {@code data} tree: base documents and rules, read-only and shareable across threads,
 * with the rules' types for checking queries against them.
 */
public record CompiledTree(DocNode root, int nodeCount, Builtins builtins, DataTypes types) {}
