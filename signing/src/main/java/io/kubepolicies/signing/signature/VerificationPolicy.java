package io.kubepolicies.signing.signature;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a verifier expects beyond a valid signature.
 *
 * @param scope the {@code scope} claim must equal this ("" when the signature must carry no scope), as in OPA
 * @param environment when set, the {@code environment} claim must equal it: a bundle signed for
 *     staging is refused in production
 * @param minimumSequence when set, the {@code sequence} claim must be at least this. Pass the sequence
 *     of the bundle last activated: the same bundle fetched again passes, an older one (a replayed,
 *     possibly weaker policy) is refused
 */
public record VerificationPolicy(String scope, Optional<String> environment, OptionalLong minimumSequence) {
  public static final VerificationPolicy ANY = new VerificationPolicy("", Optional.empty(), OptionalLong.empty());

  public VerificationPolicy withScope(String value) {
    return new VerificationPolicy(value, environment, minimumSequence);
  }

  /** The environment this verifier serves and the sequence it last activated there. */
  public VerificationPolicy forEnvironment(String value, long lastActivatedSequence) {
    return new VerificationPolicy(scope, Optional.of(value), OptionalLong.of(lastActivatedSequence));
  }

  public VerificationPolicy withEnvironment(String value) {
    return new VerificationPolicy(scope, Optional.of(value), minimumSequence);
  }

  public VerificationPolicy withMinimumSequence(long value) {
    return new VerificationPolicy(scope, environment, OptionalLong.of(value));
  }
}
