package io.kubepolicies.rego.builtins.http;

import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.builtins.net.NetworkAccess;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code http.send}. The request object is checked first, exactly as OPA does (unknown keys,
 * missing {@code method}/{@code url}, option types), so those errors appear even when the network
 * is off; only then is network access required. Within a query, the same request is sent once.
 * With {@code raise_error: false}, failures become a response with {@code status_code} 0 and an
 * {@code error} object instead of an error.
 */
public final class HttpFamily implements BuiltinFamily {
  static final String NETWORK_ERROR = "eval_http_send_network_error";
  static final String INTERNAL_ERROR = "eval_http_send_internal_error";

  /** Memo key: one response per distinct request (minus ignored headers) within a query. */
  private record SendKey(Value request) {}

  @Override
  public void register(Builtins.Registrar r) {
    r.function("http.send", List.of(Type.named("request", Type.objectOf(Type.STRING, Type.ANY))),
        Type.named("response", Type.objectOf(Type.ANY, Type.ANY)),
        HttpFamily::send);
  }

  private static Value send(BuiltinContext ctx, Value[] args) {
    ObjectValue request = Operands.object(args, 1);
    boolean raiseError = raiseError(request);
    try {
      HttpRequestOperand.validate(request, 1);
    } catch (BuiltinException e) {
      if (raiseError) {
        throw e;
      }
      return errorResult(INTERNAL_ERROR, "http.send: " + e.getMessage());
    }
    NetworkAccess.require(ctx);
    return ctx.memo(new SendKey(cacheKey(request)), k -> execute(ctx, request, raiseError));
  }

  private static boolean raiseError(ObjectValue request) {
    Value v = request.get("raise_error");
    if (v == null) {
      return true;
    }
    if (!(v instanceof BooleanValue b)) {
      throw BuiltinException.error("invalid value for raise_error field");
    }
    return b.value();
  }

  private static Value execute(BuiltinContext ctx, ObjectValue request, boolean raiseError) {
    HttpSendOptions options;
    try {
      checkCachingOptions(request);
      options = HttpSendOptions.parse(request);
    } catch (BuiltinException e) {
      if (raiseError) {
        throw e;
      }
      return errorResult(INTERNAL_ERROR, "http.send: " + e.getMessage());
    }
    HttpResponse<byte[]> response;
    try {
      response = HttpSendExecutor.send(options, ctx);
    } catch (HttpSendExecutor.SendException e) {
      if (raiseError) {
        throw BuiltinException.error(e.timeout()
            ? HttpSendExecutor.op(options) + " " + options.url() + ": request timed out" : e.getMessage());
      }
      return errorResult(e.network() ? NETWORK_ERROR : INTERNAL_ERROR, e.getMessage());
    }
    return HttpResponseValue.of(response, options.forceJsonDecode(), options.forceYamlDecode());
  }

  /**
   * The inter-query cache options are checked as OPA checks them; responses are not kept across
   * queries, which only means a fresher answer.
   */
  private static void checkCachingOptions(ObjectValue request) {
    HttpSendOptions.bool(request, "cache");
    if (HttpSendOptions.bool(request, "force_cache")) {
      Value duration = request.get("force_cache_duration_seconds");
      if (duration == null) {
        throw BuiltinException.error("'force_cache' set but 'force_cache_duration_seconds' parameter is missing");
      }
      String text = RegoText.write(duration);
      if (!(duration instanceof NumberValue n) || n.intValueExact() == null) {
        throw BuiltinException.error("strconv.ParseInt: parsing " + GoQuote.quote(text) + ": invalid syntax");
      }
    }
    Value mode = request.get("caching_mode");
    if (mode != null) {
      if (!(mode instanceof StringValue s)) {
        throw BuiltinException.error("invalid value for \"caching_mode\" field");
      }
      if (!s.value().equals("serialized") && !s.value().equals("deserialized")) {
        throw BuiltinException.error("invalid value specified for \"caching_mode\" field: " + s.value());
      }
    }
  }

  /** OPA's getKeyFromRequest: the request without the headers listed in cache_ignored_headers. */
  private static Value cacheKey(ObjectValue request) {
    Value ignored = request.get("cache_ignored_headers");
    Value headers = request.get("headers");
    ObjectValue key = request.with(StringValue.of("cache_ignored_headers"), NullValue.NULL);
    if (ignored instanceof ArrayValue names && headers instanceof ObjectValue h) {
      Set<Value> drop = new HashSet<>(names.elements());
      ObjectValue kept = h;
      for (Value name : drop) {
        kept = kept.without(name);
      }
      key = key.with(StringValue.of("headers"), kept);
    }
    return key;
  }

  private static Value errorResult(String code, String message) {
    return ObjectValue.builder()
        .put("status_code", NumberValue.of(0))
        .put("error", ObjectValue.builder()
            .put("code", StringValue.of(code))
            .put("message", StringValue.of(message))
            .build())
        .build();
  }
}
