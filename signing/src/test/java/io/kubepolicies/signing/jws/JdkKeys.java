package io.kubepolicies.signing.jws;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;

/** Key pairs made by the JDK for tests. */
public final class JdkKeys {
  private JdkKeys() {}

  public static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair ed25519() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key pair each algorithm is tested with. */
  public static KeyPair forAlgorithm(JwsAlgorithm algorithm, KeyPair rsa) {
    return switch (algorithm) {
      case RS256, RS384, RS512, PS256, PS384, PS512 -> rsa;
      case ES256 -> ec("secp256r1");
      case ES384 -> ec("secp384r1");
      case ES512 -> ec("secp521r1");
      case EDDSA -> ed25519();
      case HS256, HS384, HS512 -> throw new IllegalArgumentException("HMAC uses a secret");
    };
  }
}
