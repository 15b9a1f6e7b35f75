package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.gostd.GoFloat;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The constraints object of {@code io.jwt.decode_verify}: exactly one of {@code cert} and
 * {@code secret}, and optionally {@code alg}, {@code iss}, {@code aud} and {@code time} (nanoseconds,
 * defaulting to the query's time). Times are float64 as in OPA, which decides when a token exactly
 * at its {@code exp} or {@code nbf} is valid.
 */
record TokenConstraints(String secret, String alg, String iss, String aud, List<VerificationKeys.Key> keys, double time) {

  static TokenConstraints parse(ObjectValue o, long nowNanos, Function<String, List<VerificationKeys.Key>> keyParser) {
    String secret = "";
    String alg = "";
    String iss = "";
    String aud = "";
    List<VerificationKeys.Key> keys = null;
    Double time = null;
    for (Value k : o.sortedKeys()) {
      String name = k instanceof StringValue s ? s.value() : k.toString();
      Value v = o.get(k);
      switch (name) {
        case "cert" -> {
          if (!(v instanceof StringValue s)) {
            throw BuiltinException.error("cert constraint: must be a string");
          }
          keys = keyParser.apply(s.value());
        }
        case "secret" -> secret = string(name, v);
        case "alg" -> alg = string(name, v);
        case "iss" -> iss = string(name, v);
        case "aud" -> aud = string(name, v);
        case "time" -> time = time(v);
        default -> throw BuiltinException.error("unknown token validation constraint: " + name);
      }
    }
    if (time == null) {
      time = time(NumberValue.of(nowNanos));
    }
    int keySources = (keys != null ? 1 : 0) + (secret.isEmpty() ? 0 : 1);
    if (keySources > 1) {
      throw BuiltinException.error("duplicate key constraints");
    }
    if (keySources < 1) {
      throw BuiltinException.error("no key constraint");
    }
    return new TokenConstraints(secret, alg, iss, aud, keys, time);
  }

  private static String string(String name, Value v) {
    if (!(v instanceof StringValue s)) {
      throw BuiltinException.error(name + " constraint: must be a string");
    }
    return s.value();
  }

  private static double time(Value v) {
    if (!(v instanceof NumberValue n)) {
      throw BuiltinException.error("token time constraint: must be a number");
    }
    double t = n.doubleValue();
    if (Double.isInfinite(t)) {
      throw BuiltinException.error("token time constraint: unvalid float64");
    }
    if (t < 0) {
      throw BuiltinException.error("token time constraint: must not be negative");
    }
    return t;
  }

  /** Whether the signature verifies with the trusted key(s) or secret, for the header's algorithm. */
  boolean verifies(String kid, String headerAlg, byte[] input, byte[] signature) {
    JwsAlgorithm algorithm = JwsAlgorithm.named(headerAlg);
    if (algorithm == null) {
      return false;
    }
    if (keys == null) {
      return algorithm.verify(secret.getBytes(StandardCharsets.UTF_8), input, signature);
    }
    if (!kid.isEmpty()) {
      for (VerificationKeys.Key key : keys) {
        if (key.kid().equals(kid)) {
          return algorithm.verify(key.key(), input, signature);
        }
      }
    }
    for (VerificationKeys.Key key : keys) {
      if ((key.alg().isEmpty() || key.alg().equals(headerAlg)) && algorithm.verify(key.key(), input, signature)) {
        return true;
      }
    }
    return false;
  }

  /** The registered claims checks of RFC 7519 4.1 against these constraints. */
  boolean acceptsClaims(ObjectValue payload) {
    if (!iss.isEmpty()) {
      if (!(payload.get("iss") instanceof StringValue s) || !s.value().equals(iss)) {
        return false;
      }
    }
    Value tokenAud = payload.get("aud");
    if (tokenAud != null) {
      if (!validAudience(tokenAud)) {
        return false;
      }
    } else if (!aud.isEmpty()) {
      return false;
    }
    NumberValue now = NumberValue.of(GoFloat.shortest(time / 1_000_000_000d));
    Value exp = payload.get("exp");
    if (exp != null) {
      if (!(exp instanceof NumberValue e)) {
        throw BuiltinException.error("exp value must be a number");
      }
      if (now.compareNumber(e) >= 0) {
        return false;
      }
    }
    Value nbf = payload.get("nbf");
    if (nbf != null) {
      if (!(nbf instanceof NumberValue n)) {
        throw BuiltinException.error("nbf value must be a number");
      }
      if (now.compareNumber(n) < 0) {
        return false;
      }
    }
    return true;
  }

  private boolean validAudience(Value tokenAud) {
    if (tokenAud instanceof StringValue s) {
      return s.value().equals(aud);
    }
    if (tokenAud instanceof ArrayValue a) {
      return a.elements().stream().anyMatch(e -> e instanceof StringValue s && s.value().equals(aud));
    }
    return false;
  }
}
