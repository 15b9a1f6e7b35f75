package io.kubepolicies.signing.jws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.StrictJson;
import java.io.IOException;
import java.util.Optional;

/**
 * The protected header of a JWS: {@code alg} (required) and {@code kid} (optional). Headers that
 * would change how the token is processed are refused: any {@code crit} (this verifier implements no
 * extension) and {@code b64} (unencoded payloads).
 */
public record JwsHeader(String algorithm, Optional<String> keyId) {
  static JwsHeader parse(byte[] json) throws BundleException {
    JsonNode header;
    try {
      header = StrictJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new BundleException("JWS header is not valid JSON");
    }
    if (header == null || !header.isObject()) {
      throw new BundleException("JWS header is not a JSON object");
    }
    if (header.has("crit")) {
      throw new BundleException("JWS header lists critical extensions " + header.get("crit") + ", which are not supported");
    }
    if (header.has("b64")) {
      throw new BundleException("JWS header parameter b64 is not supported");
    }
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual()) {
      throw new BundleException("JWS header has no alg");
    }
    JsonNode kid = header.get("kid");
    if (kid != null && !kid.isTextual()) {
      throw new BundleException("JWS header kid is not a string");
    }
    return new JwsHeader(alg.textValue(), Optional.ofNullable(kid).map(JsonNode::textValue));
  }
}
