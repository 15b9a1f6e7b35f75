package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.crypto.SecretKey;

/** Refuses a key that does not fit its pinned algorithm (wrong type, curve or size). */
final class KeyChecks {
  private static final int MIN_RSA_BITS = 2048;

  private KeyChecks() {}

  static void check(JwsAlgorithm algorithm, Key key) throws BundleException {
    switch (algorithm.family()) {
      case RSA, RSA_PSS -> {
        if (!(key instanceof RSAKey rsa) || !key.getAlgorithm().equals("RSA")) {
          throw mismatch(algorithm, key);
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
          throw new BundleException(algorithm.jwsName() + " needs an RSA key of at least " + MIN_RSA_BITS + " bits");
        }
      }
      case EC -> {
        if (!(key instanceof ECKey ec) || !sameCurve(ec.getParams(), curveOf(algorithm))) {
          throw new BundleException(algorithm.jwsName() + " needs an EC key on curve " + curveName(algorithm) + ", not " + describe(key));
        }
      }
      case ED25519 -> {
        if (!(key instanceof EdECKey ed) || !ed.getParams().getName().equals(NamedParameterSpec.ED25519.getName())) {
          throw new BundleException("EdDSA needs an Ed25519 key, not " + describe(key));
        }
      }
      case HMAC -> {
        if (!(key instanceof SecretKey)) {
          throw mismatch(algorithm, key);
        }
        byte[] secret = key.getEncoded();
        if (secret == null || secret.length * 8 < algorithm.bits()) {
          throw new BundleException(algorithm.jwsName() + " needs a secret of at least " + algorithm.bits() / 8 + " bytes");
        }
      }
    }
  }

  private static BundleException mismatch(JwsAlgorithm algorithm, Key key) {
    return new BundleException("algorithm " + algorithm.jwsName() + " does not fit " + describe(key));
  }

  private static String describe(Key key) {
    return key instanceof SecretKey ? "a secret key" : "a " + key.getAlgorithm() + " key";
  }

  private static String curveName(JwsAlgorithm algorithm) {
    return "P-" + algorithm.bits();
  }

  private static ECParameterSpec curveOf(JwsAlgorithm algorithm) throws BundleException {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp" + algorithm.bits() + "r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new BundleException("curve " + curveName(algorithm) + " is not available", e);
    }
  }

  private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
        && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
  }
}
