package io.kubepolicies.rego.builtins.http;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * The shape check OPA applies to an HTTP request object (in {@code http.send} and
 * {@code providers.aws.sign_req}) before anything else happens: only known keys, and both
 * {@code method} and {@code url} present.
 */
public final class HttpRequestOperand {
  static final List<String> ALLOWED_KEYS = List.of(
      "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers",
      "raw_body", "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable",
      "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key",
      "tls_client_key_file", "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name",
      "timeout", "cache", "force_cache", "force_cache_duration_seconds", "raise_error", "caching_mode",
      "max_retry_attempts", "cache_ignored_headers");
  private static final List<String> REQUIRED_KEYS = List.of("method", "url");
  private static final SetValue ALLOWED = strings(ALLOWED_KEYS);

  private HttpRequestOperand() {}

  private static SetValue strings(List<String> values) {
    return SetValue.of(values.stream().map(StringValue::of).toList());
  }

  /** The request object, or OPA's type error for operand {@code position}. */
  public static ObjectValue validate(Value operand, int position) {
    if (!(operand instanceof ObjectValue request)) {
      throw BuiltinException.operand(position, operand, "object");
    }
    SetValue.Builder invalid = SetValue.builder();
    for (Value key : request.keys()) {
      if (!ALLOWED.contains(key)) {
        invalid.add(key);
      }
    }
    if (invalid.size() > 0) {
      throw BuiltinException.type("operand " + position + " invalid request parameters(s): " + RegoText.write(invalid.build()));
    }
    SetValue.Builder missing = SetValue.builder();
    for (String key : REQUIRED_KEYS) {
      if (request.get(key) == null) {
        missing.add(StringValue.of(key));
      }
    }
    if (missing.size() > 0) {
      throw BuiltinException.type("operand " + position + " missing required request parameters(s): "
          + RegoText.write(missing.build()));
    }
    return request;
  }
}
