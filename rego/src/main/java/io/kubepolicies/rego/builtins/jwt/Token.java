package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;

/**
 * A JWS in compact serialisation split into its three base64url parts, with OPA's checks and
 * messages for each decoding step.
 */
record Token(String header, String payload, String signature) {
  /** OPA's decodeJWT: the token must be a string with exactly two periods. */
  static Token split(Value v) {
    if (!(v instanceof StringValue s)) {
      throw BuiltinException.operand(1, v, "string");
    }
    String text = s.value();
    if (text.indexOf('.') < 0) {
      throw BuiltinException.error("encoded JWT had no period separators");
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      throw BuiltinException.error("encoded JWT must have 3 sections, found " + parts.length);
    }
    return new Token(parts[0], parts[1], parts[2]);
  }

  /** The bytes the signature covers. */
  byte[] signingInput() {
    return (header + "." + payload).getBytes(StandardCharsets.UTF_8);
  }

  /** The JOSE header as an object; JWE tokens are rejected. */
  ObjectValue decodedHeader() {
    byte[] raw;
    try {
      raw = GoBase64.decodeUrlPaddingOptional(header);
    } catch (GoBase64.CorruptInputException e) {
      throw BuiltinException.error("JWT header had invalid encoding: " + e.getMessage());
    }
    ObjectValue h;
    try {
      h = jsonObject(raw);
    } catch (BuiltinException e) {
      throw BuiltinException.error("bad JWT header: " + e.getMessage());
    }
    if (h.get("enc") != null) {
      throw BuiltinException.error("JWT is a JWE object, which is not supported");
    }
    return h;
  }

  byte[] decodedPayload() {
    try {
      return GoBase64.decodeUrlPaddingOptional(payload);
    } catch (GoBase64.CorruptInputException e) {
      throw BuiltinException.error("JWT payload had invalid encoding: " + e.getMessage());
    }
  }

  /** The signature bytes; a decoding failure carries the bare base64url message, as in OPA. */
  byte[] decodedSignature() {
    try {
      return GoBase64.decodeUrlPaddingOptional(signature);
    } catch (GoBase64.CorruptInputException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  /** OPA's extractJSONObject. */
  static ObjectValue jsonObject(byte[] json) {
    Value v;
    try {
      v = Json.parse(json);
    } catch (Json.JsonException e) {
      throw BuiltinException.error("invalid JSON: " + e.getMessage());
    }
    if (!(v instanceof ObjectValue o)) {
      throw BuiltinException.error("decoded JSON type was not an Object");
    }
    return o;
  }
}
