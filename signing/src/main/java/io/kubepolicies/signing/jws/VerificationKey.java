package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.security.Key;
import java.security.PublicKey;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A public key (or HMAC secret) pinned to one algorithm: a token is checked with that algorithm
 * only, whatever its header claims.
 */
public final class VerificationKey {
  private final JwsAlgorithm algorithm;
  private final Key key;

  private VerificationKey(JwsAlgorithm algorithm, Key key) {
    this.algorithm = algorithm;
    this.key = key;
  }

  public static VerificationKey of(JwsAlgorithm algorithm, PublicKey key) throws BundleException {
    KeyChecks.check(algorithm, key);
    return new VerificationKey(algorithm, key);
  }

  public static VerificationKey of(PublicKey key) throws BundleException {
    return of(JwsAlgorithm.defaultFor(key), key);
  }

  public static VerificationKey hmac(JwsAlgorithm algorithm, byte[] secret) throws BundleException {
    SecretKey key = new SecretKeySpec(secret, "HMAC");
    KeyChecks.check(algorithm, key);
    return new VerificationKey(algorithm, key);
  }

  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  boolean verify(byte[] input, byte[] signature) throws BundleException {
    return Signatures.verify(algorithm, key, input, signature);
  }
}
