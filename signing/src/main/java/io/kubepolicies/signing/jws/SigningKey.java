package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** A private key (or HMAC secret) with the one algorithm it signs with. */
public final class SigningKey {
  private final JwsAlgorithm algorithm;
  private final Key key;

  private SigningKey(JwsAlgorithm algorithm, Key key) {
    this.algorithm = algorithm;
    this.key = key;
  }

  public static SigningKey of(JwsAlgorithm algorithm, PrivateKey key) throws BundleException {
    KeyChecks.check(algorithm, key);
    return new SigningKey(algorithm, key);
  }

  public static SigningKey of(PrivateKey key) throws BundleException {
    return of(JwsAlgorithm.defaultFor(key), key);
  }

  public static SigningKey hmac(JwsAlgorithm algorithm, byte[] secret) throws BundleException {
    SecretKey key = new SecretKeySpec(secret, "HMAC");
    KeyChecks.check(algorithm, key);
    return new SigningKey(algorithm, key);
  }

  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  byte[] sign(byte[] input) throws BundleException {
    return Signatures.sign(algorithm, key, input);
  }
}
