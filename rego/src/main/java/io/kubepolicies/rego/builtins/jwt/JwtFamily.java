package io.kubepolicies.rego.builtins.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoJsonWriter;
import io.kubepolicies.rego.builtins.strings.GoText;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@code io.jwt.*} built-ins: decoding, signature verification with PEM certificates, PEM public
 * keys, JWKs or secrets, full verification with claim constraints, and signing from a JWK. Semantics
 * and messages follow OPA's tokens.go; parsed keys are cached per key text.
 */
public final class JwtFamily implements BuiltinFamily {
  private static final Type STRING_OBJECT = Type.objectOf(Type.STRING, Type.ANY);
  private static final Type ANY_OBJECT = Type.objectOf(Type.ANY, Type.ANY);
  private static final Type VERIFIED = Type.named("result", Type.BOOLEAN);
  private static final Value UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  private final Cache<String, List<VerificationKeys.Key>> verificationKeys = Caffeine.newBuilder().maximumSize(256).build();
  private final Cache<String, List<Jwk.Key>> signingKeys = Caffeine.newBuilder().maximumSize(256).build();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("io.jwt.decode", List.of(Type.named("jwt", Type.STRING)),
        Type.named("output", Type.tuple(ANY_OBJECT, ANY_OBJECT, Type.STRING)), (ctx, args) -> decode(args[0]));
    for (JwsAlgorithm alg : JwsAlgorithm.values()) {
      String name = "io.jwt.verify_" + alg.name().toLowerCase(Locale.ROOT);
      if (alg.family() == JwsAlgorithm.Family.HMAC) {
        r.function(name, verifyArgs("secret"), VERIFIED, (ctx, args) -> verifyHmac(alg, args));
      } else {
        r.function(name, verifyArgs("certificate"), VERIFIED, (ctx, args) -> verifyWithKeys(alg, args));
      }
    }
    r.function("io.jwt.decode_verify",
        List.of(Type.named("jwt", Type.STRING), Type.named("constraints", STRING_OBJECT)),
        Type.named("output", Type.tuple(Type.BOOLEAN, ANY_OBJECT, ANY_OBJECT)), this::decodeVerify);
    r.function("io.jwt.encode_sign_raw",
        List.of(Type.named("headers", Type.STRING), Type.named("payload", Type.STRING), Type.named("key", Type.STRING)),
        Type.named("output", Type.STRING), (ctx, args) -> {
      String key = Operands.string(args, 3);
      String headers = Operands.string(args, 1);
      String payload = Operands.string(args, 2);
      return sign(headers, payload, key);
    });
    r.function("io.jwt.encode_sign",
        List.of(Type.named("headers", STRING_OBJECT), Type.named("payload", STRING_OBJECT), Type.named("key",
            STRING_OBJECT)),
        Type.named("output", Type.STRING),
        (ctx, args) -> sign(GoJsonWriter.compact(args[0]), GoJsonWriter.compact(args[1]), GoJsonWriter.compact(args[2])));
  }

  /** The token and the key material a signature is verified with. */
  private static List<Type> verifyArgs(String key) {
    return List.of(Type.named("jwt", Type.STRING), Type.named(key, Type.STRING));
  }

  private static Value decode(Value jwt) {
    Token token = Token.split(jwt);
    ObjectValue header = token.decodedHeader();
    byte[] payload = token.decodedPayload();
    if (header.get("cty") instanceof StringValue cty && cty.value().equals("JWT")) {
      // a nested token's payload is the inner token, possibly quoted
      return decode(StringValue.of(GoText.trim(new String(payload, StandardCharsets.UTF_8), "\"'")));
    }
    ObjectValue claims = Token.jsonObject(payload);
    byte[] signature;
    try {
      signature = GoBase64.decodeUrlPaddingOptional(token.signature());
    } catch (GoBase64.CorruptInputException e) {
      throw BuiltinException.error("JWT signature had invalid encoding: " + e.getMessage());
    }
    return ArrayValue.of(header, claims, StringValue.of(HexFormat.of().formatHex(signature)));
  }

  private static Value verifyHmac(JwsAlgorithm alg, Value[] args) {
    Operands.string(args, 1);
    String secret = Operands.string(args, 2);
    Token token = Token.split(args[0]);
    byte[] expected = alg.hmac(secret.getBytes(StandardCharsets.UTF_8), token.signingInput());
    return BooleanValue.of(MessageDigest.isEqual(token.decodedSignature(), expected));
  }

  private List<VerificationKeys.Key> keys(String certificate) {
    return verificationKeys.get(certificate, VerificationKeys::parse);
  }

  /**
   * OPA's builtinJWTVerify: the algorithm is the built-in's, whatever the header says; a key whose
   * kid matches the header's is the only one tried, otherwise keys without alg, or with the header's.
   */
  private Value verifyWithKeys(JwsAlgorithm alg, Value[] args) {
    Token token = Token.split(args[0]);
    List<VerificationKeys.Key> keys = keys(Operands.string(args, 2));
    byte[] signature = token.decodedSignature();
    TokenHeader header = TokenHeader.parse(token.decodedHeader());
    byte[] input = token.signingInput();
    if (!header.kid().isEmpty()) {
      for (VerificationKeys.Key key : keys) {
        if (key.kid().equals(header.kid())) {
          return BooleanValue.of(verifyWith(alg, key, input, signature));
        }
      }
    }
    for (VerificationKeys.Key key : keys) {
      if ((key.alg().isEmpty() || key.alg().equals(header.alg())) && verifyWith(alg, key, input, signature)) {
        return BooleanValue.TRUE;
      }
    }
    return BooleanValue.FALSE;
  }

  /** Private JWKs are not public keys to these built-ins, so they verify nothing. */
  private static boolean verifyWith(JwsAlgorithm alg, VerificationKeys.Key key, byte[] input, byte[] signature) {
    return !key.fromPrivateJwk() && alg.verifyAnyLength(key.key(), input, signature);
  }

  private Value decodeVerify(BuiltinContext ctx, Value[] args) {
    ObjectValue constraintsObject = Operands.object(args, 2);
    TokenConstraints constraints = TokenConstraints.parse(constraintsObject, ctx.nowNanos(), this::keys);
    Value jwt = args[0];
    Token token;
    byte[] payload;
    while (true) {
      token = Token.split(jwt);
      TokenHeader header = TokenHeader.parse(token.decodedHeader());
      if (!header.valid() || (!constraints.alg().isEmpty() && !constraints.alg().equals(header.alg()))) {
        return UNVERIFIED;
      }
      if (!constraints.verifies(header.kid(), header.alg(), token.signingInput(), token.decodedSignature())) {
        return UNVERIFIED;
      }
      payload = token.decodedPayload();
      if (!header.cty().equalsIgnoreCase("JWT")) {
        break;
      }
      jwt = StringValue.of(new String(payload, StandardCharsets.UTF_8));
    }
    ObjectValue claims = Token.jsonObject(payload);
    if (!constraints.acceptsClaims(claims)) {
      return UNVERIFIED;
    }
    return ArrayValue.of(BooleanValue.TRUE, token.decodedHeader(), claims);
  }

  /** OPA's commonBuiltinJWTEncodeSign over the exact header and payload text. */
  private Value sign(String headers, String payload, String jwk) {
    List<Jwk.Key> keys = signingKeys.get(jwk, text -> {
      try {
        return Jwk.parseSet(text);
      } catch (IllegalArgumentException e) {
        throw BuiltinException.error(e.getMessage());
      }
    });
    if (keys.isEmpty()) {
      throw BuiltinException.error("no keys found in JWK set");
    }
    HeaderProbe probe = HeaderProbe.parse(headers);
    String algName;
    try {
      algName = probe.string("alg");
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error("missing or invalid 'alg' header: " + e.getMessage());
    }
    JwsAlgorithm alg = JwsAlgorithm.named(algName);
    if (alg == null) {
      throw BuiltinException.error("unknown JWS algorithm: " + algName);
    }
    boolean jwtType;
    try {
      jwtType = probe.string("typ").equals("JWT");
    } catch (IllegalArgumentException noType) {
      jwtType = true;
    }
    if (jwtType && !isJson(payload)) {
      throw BuiltinException.error("type is JWT but payload is not JSON");
    }
    String signingInput = GoBase64.encodeRawUrl(headers.getBytes(StandardCharsets.UTF_8)) + "."
        + GoBase64.encodeRawUrl(payload.getBytes(StandardCharsets.UTF_8));
    Jwk.Key key = keys.get(0);
    Object material = key.secret() != null ? key.secret() : key.privateKey();
    byte[] signature;
    try {
      signature = alg.sign(material, signingInput.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw BuiltinException.error(e.getMessage());
    }
    return StringValue.of(signingInput + "." + GoBase64.encodeRawUrl(signature));
  }

  private static boolean isJson(String text) {
    try {
      Json.parse(text);
      return true;
    } catch (Json.JsonException e) {
      return false;
    }
  }
}
