package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.plan.DocNode;

/** A rule with where it goes: its module, its node in the tree, and where its reference leaves the node's path. */
record PlacedRule(Module module, Rule rule, DocNode node, int suffixStart) {
  /** Whether the rule's reference is all constants, so that it defines exactly its node. */
  boolean isGround() {
    return suffixStart == rule.head().ref().size();
  }
}
