package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.crypto.PemPublicKeys;
import io.kubepolicies.rego.builtins.gostd.GoPem;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a token may be verified with, read from what OPA accepts as "certificate": one PEM
 * certificate, one PEM public key, or a JWK or JWK set. Keys of a set carry their {@code alg} and
 * {@code kid}; keys whose {@code alg} OPA does not support are dropped.
 */
final class VerificationKeys {
  /**
   * One key. {@code key} is a JDK public key, the secret bytes of an "oct" JWK, or null when the
   * key cannot verify anything; {@code fromPrivateJwk} marks keys given as private JWKs.
   */
  record Key(String alg, String kid, Object key, boolean fromPrivateJwk) {}

  private VerificationKeys() {}

  /** OPA's getKeysFromCertOrJWK, with its messages. */
  static List<Key> parse(String certificate) {
    GoPem.Decoded pem = GoPem.decode(certificate);
    if (pem.block() != null) {
      if (pem.rest().length > 0) {
        throw BuiltinException.error("extra data after a PEM certificate block");
      }
      byte[] der = pem.block().bytes();
      switch (pem.block().type()) {
        case "CERTIFICATE" -> {
          try {
            return List.of(new Key("", "", PemPublicKeys.fromCertificate(der), false));
          } catch (IllegalArgumentException e) {
            throw BuiltinException.error("failed to parse a PEM certificate: " + e.getMessage());
          }
        }
        case "PUBLIC KEY" -> {
          try {
            return List.of(new Key("", "", PemPublicKeys.fromPkix(der), false));
          } catch (IllegalArgumentException e) {
            throw BuiltinException.error("failed to parse a PEM public key: " + e.getMessage());
          }
        }
        default -> throw BuiltinException.error("failed to extract a Key from the PEM certificate");
      }
    }
    List<Jwk.Key> jwks;
    try {
      jwks = Jwk.parseSet(certificate);
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error("failed to parse a JWK key (set): " + e.getMessage());
    }
    List<Key> keys = new ArrayList<>();
    for (Jwk.Key k : jwks) {
      if (!k.alg().isEmpty() && JwsAlgorithm.named(k.alg()) == null) {
        continue;
      }
      Object material = k.secret() != null ? k.secret() : k.publicKey();
      keys.add(new Key(k.alg(), k.kid(), material, k.isPrivate()));
    }
    return keys;
  }
}
