package io.kubepolicies.signing.jws;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.signing.BundleException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JWS in compact serialization ({@code header.payload.signature}), as OPA puts in
 * {@code .signatures.json}. Parsing checks the form only; {@link #verify} checks the signature.
 */
public final class Jws {
  private final JwsHeader header;
  private final byte[] payload;
  private final byte[] signingInput;
  private final byte[] signature;

  private Jws(JwsHeader header, byte[] payload, byte[] signingInput, byte[] signature) {
    this.header = header;
    this.payload = payload;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Signs {@code payload}; the header carries {@code alg} and, when given, {@code kid}. */
  public static String sign(SigningKey key, Optional<String> keyId, byte[] payload) throws BundleException {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    header.put("alg", key.algorithm().jwsName());
    keyId.ifPresent(kid -> header.put("kid", kid));
    String input = Base64Url.encode(header.toString().getBytes(StandardCharsets.UTF_8)) + "." + Base64Url.encode(payload);
    return input + "." + Base64Url.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  public static Jws parse(String compact) throws BundleException {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new BundleException("a JWS has three dot-separated parts, this one has " + parts.length);
    }
    JwsHeader header = JwsHeader.parse(Base64Url.decode(parts[0], "JWS header"));
    byte[] payload = Base64Url.decode(parts[1], "JWS payload");
    byte[] signature = Base64Url.decode(parts[2], "JWS signature");
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    return new Jws(header, payload, signingInput, signature);
  }

  public JwsHeader header() {
    return header;
  }

  /** The payload bytes; not to be trusted before {@link #verify} succeeds. */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Checks the signature with {@code key}, using the key's pinned algorithm, which the header's
   * {@code alg} must name.
   */
  public void verify(VerificationKey key) throws BundleException {
    JwsAlgorithm claimed = JwsAlgorithm.fromJwsName(header.algorithm());
    if (claimed != key.algorithm()) {
      throw new BundleException("the signature uses " + claimed.jwsName() + " but the key is pinned to "
          + key.algorithm().jwsName());
    }
    if (!key.verify(signingInput, signature)) {
      throw new BundleException("invalid signature");
    }
  }
}
