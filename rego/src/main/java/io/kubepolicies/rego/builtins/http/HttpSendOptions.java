package io.kubepolicies.rego.builtins.http;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.gostd.GoJsonWriter;
import io.kubepolicies.rego.builtins.strings.GoText;
import io.kubepolicies.rego.builtins.time.GoDuration;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of one {@code http.send} request, read from the request object with OPA's rules and
 * messages (createHTTPRequest): string-valued keys must be strings, booleans are parsed from their
 * text, header names are canonicalised, {@code raw_body} wins over {@code body}.
 */
record HttpSendOptions(
    String method,
    String url,
    Map<String, String> headers,
    byte[] body,
    Duration timeout,
    boolean enableRedirect,
    boolean forceJsonDecode,
    boolean forceYamlDecode,
    int maxRetryAttempts,
    Tls tls) {

  /** Where trusted CAs and the client certificate come from; empty strings are unset. */
  record Tls(boolean insecureSkipVerify, Boolean useSystemCerts, String caCert, String caCertFile, String caCertEnv,
      String clientCert, String clientKey, String clientCertFile, String clientKeyFile, String clientCertEnv,
      String clientKeyEnv) {
    boolean customised() {
      return insecureSkipVerify || Boolean.TRUE.equals(useSystemCerts) || !caCert.isEmpty() || !caCertFile.isEmpty()
          || !caCertEnv.isEmpty() || !clientCert.isEmpty() || !clientCertFile.isEmpty() || !clientCertEnv.isEmpty();
    }
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Set<String> STRING_KEYS = Set.of("method", "url", "raw_body", "tls_ca_cert", "tls_ca_cert_file",
      "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file", "tls_client_cert_env_variable",
      "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable", "tls_server_name");

  static HttpSendOptions parse(ObjectValue request) {
    String method = "";
    String url = "";
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = null;
    byte[] rawBody = null;
    Duration timeout = DEFAULT_TIMEOUT;
    boolean redirect = false;
    boolean insecure = false;
    Boolean systemCerts = null;
    Map<String, String> tls = new LinkedHashMap<>();
    for (Value k : request.sortedKeys()) {
      String key = ((StringValue) k).value();
      Value v = request.get(k);
      // OPA trims surrounding double quotes from string options
      String text = v instanceof StringValue s ? GoText.trim(s.value(), "\"") : null;
      if (text == null && STRING_KEYS.contains(key)) {
        throw BuiltinException.error(GoQuote.quote(key) + " must be a string");
      }
      switch (key) {
        case "method" -> method = text.toUpperCase(Locale.ROOT);
        case "url" -> url = text;
        case "enable_redirect" -> redirect = parseBool(v);
        case "body" -> body = GoJsonWriter.compact(v).getBytes(StandardCharsets.UTF_8);
        case "raw_body" -> rawBody = text.getBytes(StandardCharsets.UTF_8);
        case "tls_use_system_certs" -> systemCerts = parseBool(v);
        case "tls_insecure_skip_verify" -> insecure = parseBool(v);
        case "tls_server_name" -> throw BuiltinException.error("\"tls_server_name\" is not supported");
        case "headers" -> headers = headers(v);
        case "timeout" -> timeout = timeout(v);
        case "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file",
            "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable" ->
            tls.put(key, text);
        case "cache", "caching_mode", "force_cache", "force_cache_duration_seconds", "force_json_decode",
            "force_yaml_decode", "raise_error", "max_retry_attempts", "cache_ignored_headers" -> {
          // read elsewhere
        }
        default -> throw BuiltinException.error("invalid parameter " + GoQuote.quote(key));
      }
    }
    if (headers.containsKey("Host")) {
      throw BuiltinException.error("the \"Host\" header cannot be set by this HTTP client");
    }
    return new HttpSendOptions(method, url, headers, rawBody != null ? rawBody : body != null ? body : new byte[0],
        timeout, redirect, bool(request, "force_json_decode"), bool(request, "force_yaml_decode"),
        retries(request), new Tls(insecure, systemCerts,
            tls.getOrDefault("tls_ca_cert", ""), tls.getOrDefault("tls_ca_cert_file", ""),
            tls.getOrDefault("tls_ca_cert_env_variable", ""), tls.getOrDefault("tls_client_cert", ""),
            tls.getOrDefault("tls_client_key", ""), tls.getOrDefault("tls_client_cert_file", ""),
            tls.getOrDefault("tls_client_key_file", ""), tls.getOrDefault("tls_client_cert_env_variable", ""),
            tls.getOrDefault("tls_client_key_env_variable", "")));
  }

  /** Go's strconv.ParseBool over the value's Rego text, as OPA does for boolean options. */
  private static boolean parseBool(Value v) {
    String text = RegoText.write(v);
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw BuiltinException.error("strconv.ParseBool: parsing " + GoQuote.quote(text) + ": invalid syntax");
    };
  }

  /** The boolean option {@code key} (OPA's getBoolValFromReqObj): absent is false, anything but a boolean fails. */
  static boolean bool(ObjectValue request, String key) {
    Value v = request.get(key);
    if (v == null) {
      return false;
    }
    if (!(v instanceof BooleanValue b)) {
      throw BuiltinException.error("invalid value for " + GoQuote.quote(key) + " field");
    }
    return b.value();
  }

  private static int retries(ObjectValue request) {
    Value v = request.get("max_retry_attempts");
    if (v == null) {
      return 0;
    }
    if (v instanceof NumberValue n && n.intValueExact() != null && n.intValueExact() >= 0) {
      return n.intValueExact();
    }
    throw BuiltinException.error("invalid value " + RegoText.write(v) + " for field \"max_retry_attempts\"");
  }

  private static Map<String, String> headers(Value v) {
    if (!(v instanceof ObjectValue o)) {
      throw BuiltinException.error("invalid type for headers key");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Value k : o.sortedKeys()) {
      Value value = o.get(k);
      if (!(value instanceof StringValue s)) {
        throw BuiltinException.error("invalid type for headers value " + RegoText.write(value));
      }
      out.put(canonicalHeaderKey(k instanceof StringValue ks ? ks.value() : Json.keyText(k)), s.value());
    }
    return out;
  }

  /** Go's http.CanonicalHeaderKey: "content-type" becomes "Content-Type"; invalid names stay as they are. */
  static String canonicalHeaderKey(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean token = c < 0x7f && c > 0x20 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      if (!token) {
        return key;
      }
    }
    StringBuilder out = new StringBuilder(key.length());
    boolean upper = true;
    for (char c : key.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  private static Duration timeout(Value v) {
    if (v instanceof NumberValue n) {
      if (!n.isLong()) {
        throw BuiltinException.error("invalid timeout number value " + n + ", must be int64");
      }
      return Duration.ofNanos(n.longValue());
    }
    if (v instanceof StringValue s) {
      try {
        return Duration.ofNanos(Long.parseLong(s.value()));
      } catch (NumberFormatException notAnInteger) {
        try {
          return Duration.ofNanos(GoDuration.parse(s.value()));
        } catch (BuiltinException e) {
          throw BuiltinException.error("invalid timeout value " + RegoText.write(v) + ": " + e.getMessage());
        }
      }
    }
    throw BuiltinException.type("operand 1 'timeout' must be one of {string, number} but got " + v.typeName());
  }
}
