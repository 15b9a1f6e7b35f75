package io.kubepolicies.server.gate;

import io.kubepolicies.server.source.SourceSnapshot;

/** A gate check over the source, beyond compiling and testing the Rego (e.g. the allowlist schema). */
@FunctionalInterface
public interface SourceCheck {
  GateCheck check(SourceSnapshot source);
}
