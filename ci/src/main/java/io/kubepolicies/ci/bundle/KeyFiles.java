package io.kubepolicies.ci.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.JwsAlgorithm;
import io.kubepolicies.signing.jws.PemKeys;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import io.kubepolicies.signing.signature.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads keys named on the command line. A PEM file holds a private key (signing) or a public key or
 * certificate (verifying); any other file is an HMAC secret, used as is but for one trailing newline,
 * and needs {@code --alg HS256|HS384|HS512}.
 */
final class KeyFiles {
  /** The key id of a verification key given without one; it also checks signatures that name no key. */
  static final String DEFAULT_KEY_ID = "default";

  private KeyFiles() {}

  static Optional<JwsAlgorithm> algorithm(String name) throws BundleException {
    return name == null ? Optional.empty() : Optional.of(JwsAlgorithm.fromJwsName(name));
  }

  static SigningKey signingKey(Path file, Optional<JwsAlgorithm> algorithm) throws BundleException {
    try {
      byte[] content = read(file);
      String text = new String(content, StandardCharsets.ISO_8859_1);
      if (!PemKeys.looksLikePem(text)) {
        return SigningKey.hmac(hmacAlgorithm(algorithm), secret(content));
      }
      var key = PemKeys.privateKey(text);
      return algorithm.isPresent() ? SigningKey.of(algorithm.get(), key) : SigningKey.of(key);
    } catch (BundleException e) {
      throw e.in(file.toString());
    }
  }

  static VerificationKey verificationKey(Path file, Optional<JwsAlgorithm> algorithm) throws BundleException {
    try {
      byte[] content = read(file);
      String text = new String(content, StandardCharsets.ISO_8859_1);
      if (!PemKeys.looksLikePem(text)) {
        return VerificationKey.hmac(hmacAlgorithm(algorithm), secret(content));
      }
      var key = PemKeys.publicKey(text);
      return algorithm.isPresent() ? VerificationKey.of(algorithm.get(), key) : VerificationKey.of(key);
    } catch (BundleException e) {
      throw e.in(file.toString());
    }
  }

  /** Keys given as {@code FILE} (key id {@value #DEFAULT_KEY_ID}) or {@code ID=FILE}. */
  static TrustedKeys trustedKeys(List<String> specs, Optional<JwsAlgorithm> algorithm) throws BundleException {
    Map<String, VerificationKey> keys = new LinkedHashMap<>();
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      String id = equals < 0 ? DEFAULT_KEY_ID : spec.substring(0, equals);
      Path file = Path.of(equals < 0 ? spec : spec.substring(equals + 1));
      if (id.isEmpty()) {
        throw new BundleException(spec + ": empty key id");
      }
      if (keys.put(id, verificationKey(file, algorithm)) != null) {
        throw new BundleException("key id \"" + id + "\" is given twice");
      }
    }
    return keys.containsKey(DEFAULT_KEY_ID) ? TrustedKeys.of(keys, DEFAULT_KEY_ID) : TrustedKeys.of(keys);
  }

  private static JwsAlgorithm hmacAlgorithm(Optional<JwsAlgorithm> algorithm) throws BundleException {
    List<JwsAlgorithm> hmac = List.of(JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);
    if (algorithm.isEmpty() || !hmac.contains(algorithm.get())) {
      throw new BundleException("not a PEM key, so taken as an HMAC secret, which needs --alg HS256, HS384 or HS512");
    }
    return algorithm.get();
  }

  private static byte[] secret(byte[] content) {
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end -= end > 1 && content[end - 2] == '\r' ? 2 : 1;
    }
    return Arrays.copyOf(content, end);
  }

  private static byte[] read(Path file) throws BundleException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BundleException("cannot read the key: " + e.getMessage(), e);
    }
  }
}
