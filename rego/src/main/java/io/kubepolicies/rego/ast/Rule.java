package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * A rule: head, body, an optional {@code else} rule (which shares the head's reference and kind),
 * and whether it is the {@code default}. Metadata are the rule's {@code # METADATA} annotations.
 */
public record Rule(RuleHead head, Body body, Rule elseRule, boolean isDefault, List<Annotations> annotations, Location location) {
  public Rule {
    annotations = List.copyOf(annotations);
  }
}
