package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The JOSE header parameters OPA interprets ({@code alg}, {@code kid}, {@code typ}, {@code cty}, {@code crit}). */
record TokenHeader(String alg, String kid, String typ, String cty, Set<String> crit, List<String> unknown) {
  static TokenHeader parse(ObjectValue header) {
    String alg = "";
    String kid = "";
    String typ = "";
    String cty = "";
    Set<String> crit = Set.of();
    List<String> unknown = new ArrayList<>();
    for (Value k : header.sortedKeys()) {
      String key = ((StringValue) k).value();
      Value v = header.get(k);
      switch (key) {
        case "alg" -> alg = string(key, v);
        case "kid" -> kid = string(key, v);
        case "typ" -> typ = string(key, v);
        case "cty" -> cty = string(key, v);
        case "crit" -> crit = crit(v);
        default -> unknown.add(key);
      }
    }
    return new TokenHeader(alg, kid, typ, cty, crit, unknown);
  }

  private static String string(String name, Value v) {
    if (!(v instanceof StringValue s)) {
      throw BuiltinException.error(name + ": must be a string");
    }
    return s.value();
  }

  /** The names in crit; like OPA, reading stops at the first element that is not a string. */
  private static Set<String> crit(Value v) {
    if (!(v instanceof ArrayValue a)) {
      throw BuiltinException.error("crit: must be a list");
    }
    Set<String> names = new HashSet<>();
    for (Value e : a.elements()) {
      if (!(e instanceof StringValue s)) {
        break;
      }
      names.add(s.value());
    }
    if (names.isEmpty()) {
      throw BuiltinException.error("crit: must be a nonempty list");
    }
    return names;
  }

  /** RFC 7515: alg is required, and every critical parameter must be one OPA understands. */
  boolean valid() {
    return !alg.isEmpty() && unknown.stream().noneMatch(crit::contains);
  }
}
