package io.kubepolicies.rego.builtins.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response object {@code http.send} returns (OPA's prepareASTResult): status text and code,
 * the body decoded as JSON or YAML when the content type (or a force option) says so and it parses,
 * the raw body, and headers by lower-case name.
 */
final class HttpResponseValue {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(102, "Processing"),
      Map.entry(103, "Early Hints"), Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(203, "Non-Authoritative Information"), Map.entry(204, "No Content"), Map.entry(205, "Reset Content"),
      Map.entry(206, "Partial Content"), Map.entry(207, "Multi-Status"), Map.entry(208, "Already Reported"),
      Map.entry(226, "IM Used"), Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"),
      Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(305, "Use Proxy"),
      Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
      Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
      Map.entry(410, "Gone"), Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
      Map.entry(413, "Request Entity Too Large"), Map.entry(414, "Request URI Too Long"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Requested Range Not Satisfiable"),
      Map.entry(417, "Expectation Failed"), Map.entry(418, "I'm a teapot"), Map.entry(421, "Misdirected Request"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(423, "Locked"), Map.entry(424, "Failed Dependency"),
      Map.entry(425, "Too Early"), Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
      Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
      Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
      Map.entry(506, "Variant Also Negotiates"), Map.entry(507, "Insufficient Storage"), Map.entry(508, "Loop Detected"),
      Map.entry(510, "Not Extended"), Map.entry(511, "Network Authentication Required"));

  private HttpResponseValue() {}

  static Value of(HttpResponse<byte[]> response, boolean forceJson, boolean forceYaml) {
    Map<String, List<Value>> headers = new TreeMap<>();
    response.headers().map().forEach((name, values) -> headers
        .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .addAll(values.stream().map(StringValue::of).toList()));
    ObjectValue.Builder headerObject = ObjectValue.builder();
    headers.forEach((name, values) -> headerObject.put(name, ArrayValue.of(values)));
    String contentType = response.headers().firstValue("content-type").orElse("");
    byte[] body = response.body();
    Value decoded = NullValue.NULL;
    if (forceJson || isJson(contentType)) {
      decoded = json(body);
    } else if (forceYaml || contentType.contains("application/yaml") || contentType.contains("application/x-yaml")) {
      decoded = yaml(body);
    }
    int code = response.statusCode();
    return ObjectValue.builder()
        .put("status", StringValue.of(code + " " + STATUS_TEXT.getOrDefault(code, "")))
        .put("status_code", NumberValue.of(code))
        .put("body", decoded)
        .put("raw_body", StringValue.of(new String(body, StandardCharsets.UTF_8)))
        .put("headers", headerObject.build())
        .build();
  }

  /** application/json or application/*+json, ignoring parameters (Go's mime.ParseMediaType). */
  static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    String[] parts = type.split("/", -1);
    return parts.length == 2 && parts[0].equals("application") && (parts[1].equals("json") || parts[1].endsWith("+json"));
  }

  private static Value json(byte[] body) {
    try {
      return Json.parse(body);
    } catch (Json.JsonException e) {
      return NullValue.NULL;
    }
  }

  private static Value yaml(byte[] body) {
    try {
      JsonNode node = YAML.readTree(body);
      return node == null ? NullValue.NULL : Json.fromNode(node);
    } catch (IOException | Json.JsonException e) {
      return NullValue.NULL;
    }
  }
}
