package io.kubepolicies.server.build;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.Optional;

/** One policy's modes in one environment; a mode is absent when the table does not set it (= off). */
public record Stage(Optional<ValidatingMode> validating, Optional<MutatingMode> mutating) {

  public static Stage validating(ValidatingMode mode) {
    return new Stage(Optional.of(mode), Optional.empty());
  }

  public static Stage mutating(MutatingMode mode) {
    return new Stage(Optional.empty(), Optional.of(mode));
  }

  /** {@code {"validating": "deny", "mutating": "patch"}} with the modes that are set. */
  public ObjectValue toValue() {
    ObjectValue.Builder out = ObjectValue.builder();
    validating.ifPresent(mode -> out.put(ControlKind.VALIDATING.modeKey(), StringValue.of(mode.id())));
    mutating.ifPresent(mode -> out.put(ControlKind.MUTATING.modeKey(), StringValue.of(mode.id())));
    return out.build();
  }
}
