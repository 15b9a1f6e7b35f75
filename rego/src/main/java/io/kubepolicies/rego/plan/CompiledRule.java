package io.kubepolicies.rego.plan;

import io.kubepolicies.rego.ast.Annotations;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.RuleKind;
import java.util.List;

/**
 * A rule ready to evaluate. {@code suffix} holds the terms of the rule's reference below the
 * document node it is attached to (empty when the reference is fully known, as in {@code p := 1};
 * {@code [x]} for {@code p[x] := y}). {@code key} is the element of a multi-value rule,
 * {@code value} the value; {@code args} the parameters of a function. The rule's variables live in
 * a frame of {@code frameSize} slots, shared by its else chain.
 */
public record CompiledRule(RuleKind kind, Node[] suffix, Node key, Node value, Node[] args, Body body,
    CompiledRule elseRule, int frameSize, boolean isDefault, Location location, List<Annotations> annotations) {

  public boolean isFunction() {
    return kind == RuleKind.FUNCTION;
  }
}
