package io.kubepolicies.server.testing;

import io.kubepolicies.server.release.EnvironmentKey;
import io.kubepolicies.server.release.SigningKeys;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import io.kubepolicies.signing.signature.TrustedKeys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fresh EC P-256 key pair per environment, with key ids {@code <env>-test}. */
public final class TestKeys {
  private final Map<String, KeyPair> pairs = new LinkedHashMap<>();

  public TestKeys(List<String> environments) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    for (String environment : environments) {
      pairs.put(environment, generator.generateKeyPair());
    }
  }

  public SigningKeys signing() throws Exception {
    Map<String, EnvironmentKey> keys = new LinkedHashMap<>();
    for (Map.Entry<String, KeyPair> pair : pairs.entrySet()) {
      keys.put(pair.getKey(), new EnvironmentKey(pair.getKey() + "-test", SigningKey.of(pair.getValue().getPrivate())));
    }
    return new SigningKeys(keys);
  }

  /** What an enforcer of {@code environment} trusts: that environment's public key only. */
  public TrustedKeys trusted(String environment) throws Exception {
    return TrustedKeys.of(Map.of(environment + "-test", VerificationKey.of(pairs.get(environment).getPublic())));
  }
}
