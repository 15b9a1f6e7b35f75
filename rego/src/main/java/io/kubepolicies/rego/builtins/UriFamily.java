package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.types.Type.BOOLEAN;
import static io.kubepolicies.rego.types.Type.STRING;
import static io.kubepolicies.rego.types.Type.objectOf;

import io.kubepolicies.rego.builtins.gostd.GoUrl;
import io.kubepolicies.rego.builtins.gostd.UrlError;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/** {@code uri.parse} and {@code uri.is_valid}: URLs as Go's {@code net/url.Parse} reads and validates them. */
public final class UriFamily implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("uri.parse", List.of(STRING), objectOf(STRING, STRING), this::parse);
    r.function("uri.is_valid", List.of(STRING), BOOLEAN, this::isValid);
  }

  /** The non-empty components; {@code raw_path} is present whenever {@code path} is. */
  private Value parse(BuiltinContext ctx, Value[] args) {
    GoUrl url;
    try {
      url = GoUrl.parse(Operands.string(args, 1));
    } catch (UrlError e) {
      throw BuiltinException.error(e.getMessage());
    }
    ObjectValue.Builder b = ObjectValue.builder();
    putIfPresent(b, "scheme", url.scheme());
    putIfPresent(b, "hostname", url.hostname());
    putIfPresent(b, "port", url.port());
    if (!url.path().isEmpty()) {
      b.put("path", StringValue.of(url.path()));
      b.put("raw_path", StringValue.of(url.rawPath().isEmpty() ? url.path() : url.rawPath()));
    }
    putIfPresent(b, "raw_query", url.rawQuery());
    putIfPresent(b, "fragment", url.fragment());
    return b.build();
  }

  /** False for anything that is not a string, for the empty string (deliberately, as in OPA) and for what Go rejects. */
  private Value isValid(BuiltinContext ctx, Value[] args) {
    if (!(args[0] instanceof StringValue s) || s.value().isEmpty()) {
      return BooleanValue.FALSE;
    }
    try {
      GoUrl.parse(s.value());
      return BooleanValue.TRUE;
    } catch (UrlError e) {
      return BooleanValue.FALSE;
    }
  }

  private static void putIfPresent(ObjectValue.Builder b, String key, String value) {
    if (!value.isEmpty()) {
      b.put(key, StringValue.of(value));
    }
  }
}
