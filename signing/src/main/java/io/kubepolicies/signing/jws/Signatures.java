package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Mac;

/** Signs and verifies JWS signing input with the JDK's own providers. */
final class Signatures {
  private Signatures() {}

  static byte[] sign(JwsAlgorithm algorithm, Key key, byte[] input) throws BundleException {
    try {
      if (algorithm.family() == JwsAlgorithm.KeyFamily.HMAC) {
        return mac(algorithm, key, input);
      }
      Signature signature = engine(algorithm);
      signature.initSign((PrivateKey) key);
      signature.update(input);
      return signature.sign();
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new BundleException("cannot sign with " + algorithm.jwsName() + ": " + e.getMessage(), e);
    }
  }

  static boolean verify(JwsAlgorithm algorithm, Key key, byte[] input, byte[] signature) throws BundleException {
    try {
      if (algorithm.family() == JwsAlgorithm.KeyFamily.HMAC) {
        return MessageDigest.isEqual(mac(algorithm, key, input), signature);
      }
      if (algorithm.family() == JwsAlgorithm.KeyFamily.EC && signature.length != 2 * ((algorithm.bits() + 7) / 8)) {
        return false;
      }
      Signature engine = engine(algorithm);
      engine.initVerify((PublicKey) key);
      engine.update(input);
      return engine.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new BundleException("cannot verify with " + algorithm.jwsName() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] mac(JwsAlgorithm algorithm, Key key, byte[] input) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(algorithm.jcaName());
    mac.init(key);
    return mac.doFinal(input);
  }

  private static Signature engine(JwsAlgorithm algorithm) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(algorithm.jcaName());
    if (algorithm.family() == JwsAlgorithm.KeyFamily.RSA_PSS) {
      String hash = "SHA-" + algorithm.bits();
      // JOSE fixes PSS to MGF1 with the same hash and a salt as long as the hash.
      signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), algorithm.bits() / 8, 1));
    }
    return signature;
  }
}
