package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.jws.VerificationKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a verifier trusts, by key id. Holding the old and the new key at once lets a fleet
 * rotate keys without a flag day. A signature names its key with the JWS {@code kid}; one that
 * names none is checked with the default key, if one is set.
 */
public final class TrustedKeys {
  private final Map<String, VerificationKey> keys;
  private final Optional<String> defaultKeyId;

  private TrustedKeys(Map<String, VerificationKey> keys, Optional<String> defaultKeyId) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.defaultKeyId = defaultKeyId;
  }

  public static TrustedKeys of(Map<String, VerificationKey> keys) {
    return new TrustedKeys(keys, Optional.empty());
  }

  /** The keys, where {@code defaultKeyId} (one of them) checks signatures that name no key. */
  public static TrustedKeys of(Map<String, VerificationKey> keys, String defaultKeyId) {
    if (!keys.containsKey(defaultKeyId)) {
      throw new IllegalArgumentException("the default key " + defaultKeyId + " is not among the keys");
    }
    return new TrustedKeys(keys, Optional.of(defaultKeyId));
  }

  public Optional<VerificationKey> get(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  public Set<String> ids() {
    return keys.keySet();
  }

  public Optional<String> defaultKeyId() {
    return defaultKeyId;
  }
}
