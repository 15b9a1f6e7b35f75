package io.kubepolicies.enforcer.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code bundles/<env>/current.json}: which bundle an environment should run. Only a hint: what the
 * enforcer trusts is the signature of the bundle it names.
 */
public record BundlePointer(String environment, long sequence, String revision, String key, String sha256) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses a pointer and checks it belongs to {@code expectedEnvironment}. */
  public static BundlePointer parse(byte[] json, String expectedEnvironment) throws BundleRejectedException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw invalid("not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid("not a JSON object");
    }
    String environment = text(root, "environment");
    if (!environment.equals(expectedEnvironment)) {
      throw invalid("environment is \"" + environment + "\", expected \"" + expectedEnvironment + "\"");
    }
    JsonNode sequence = root.get("sequence");
    if (sequence == null || !sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.longValue() < 0) {
      throw invalid("\"sequence\" must be a non-negative integer");
    }
    String key = text(root, "key");
    if (!key.startsWith("bundles/" + expectedEnvironment + "/")) {
      throw invalid("key \"" + key + "\" is not under bundles/" + expectedEnvironment + "/");
    }
    String sha256 = text(root, "sha256");
    if (!HEX_SHA256.matcher(sha256).matches()) {
      throw invalid("\"sha256\" must be 64 lower-case hex digits");
    }
    JsonNode revision = root.get("revision");
    return new BundlePointer(environment, sequence.longValue(), revision != null && revision.isTextual()
        ? revision.textValue() : "", key, sha256);
  }

  private static String text(JsonNode root, String field) throws BundleRejectedException {
    JsonNode v = root.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw invalid("\"" + field + "\" must be a non-empty string");
    }
    return v.textValue();
  }

  private static BundleRejectedException invalid(String why) {
    return new BundleRejectedException(BundleFailure.POINTER_INVALID, "invalid bundle pointer: " + why);
  }
}
