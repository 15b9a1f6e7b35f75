package io.kubepolicies.signing.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The {@code .signatures.json} file: {@code {"signatures": ["<JWS>"]}}. */
public record SignaturesFile(List<String> signatures) {
  public SignaturesFile {
    signatures = List.copyOf(signatures);
  }

  public static SignaturesFile parse(byte[] json) throws BundleException {
    JsonNode root;
    try {
      root = StrictJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new BundleException("not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BundleException("not a JSON object");
    }
    JsonNode plugin = root.get("plugin");
    if (plugin != null && !(plugin.isTextual() && plugin.textValue().isEmpty())) {
      throw new BundleException("signature plugins are not supported (plugin " + plugin + ")");
    }
    JsonNode list = root.get("signatures");
    List<String> tokens = new ArrayList<>();
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new BundleException("\"signatures\" is not an array");
      }
      for (JsonNode token : list) {
        if (!token.isTextual()) {
          throw new BundleException("\"signatures\" holds a non-string");
        }
        tokens.add(token.textValue());
      }
    }
    return new SignaturesFile(tokens);
  }

  public byte[] toJson() {
    ObjectNode out = StrictJson.MAPPER.createObjectNode();
    signatures.forEach(out.putArray("signatures")::add);
    return (out.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
