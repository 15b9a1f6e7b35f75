package io.kubepolicies.signing.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The payload of a bundle signature. OPA's claims: {@code files}, {@code keyid} (deprecated),
 * {@code scope}, {@code iat}, {@code iss}. Ours on top, against rollback and cross-environment
 * replay: {@code environment} and {@code sequence} (per environment, only ever increasing).
 */
public record SignatureClaims(List<FileHash> files, Optional<String> keyId, Optional<String> scope,
    OptionalLong issuedAt, Optional<String> issuer, Optional<String> environment, OptionalLong sequence) {

  public SignatureClaims {
    files = List.copyOf(files);
  }

  public static SignatureClaims parse(byte[] payload) throws BundleException {
    JsonNode root;
    try {
      root = StrictJson.MAPPER.readTree(payload);
    } catch (IOException e) {
      throw new BundleException("signature payload is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BundleException("signature payload is not a JSON object");
    }
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw new BundleException("claim \"files\" is missing or not an array");
    }
    List<FileHash> hashes = new ArrayList<>();
    for (JsonNode file : files) {
      if (!file.isObject()) {
        throw new BundleException("claim \"files\" holds a non-object");
      }
      String name = requiredString(file, "name", "files[].name");
      hashes.add(new FileHash(name, requiredString(file, "hash", "files[" + name + "].hash"),
          requiredString(file, "algorithm", "files[" + name + "].algorithm")));
    }
    return new SignatureClaims(hashes, optionalString(root, "keyid"), optionalString(root, "scope"),
        optionalInteger(root, "iat", Long.MIN_VALUE), optionalString(root, "iss"),
        optionalString(root, "environment"), optionalInteger(root, "sequence", 0));
  }

  public byte[] toJson() {
    ObjectNode out = StrictJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("files");
    for (FileHash file : files) {
      list.addObject().put("name", file.name()).put("hash", file.hash()).put("algorithm", file.algorithm());
    }
    keyId.ifPresent(v -> out.put("keyid", v));
    scope.ifPresent(v -> out.put("scope", v));
    issuedAt.ifPresent(v -> out.put("iat", v));
    issuer.ifPresent(v -> out.put("iss", v));
    environment.ifPresent(v -> out.put("environment", v));
    sequence.ifPresent(v -> out.put("sequence", v));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String requiredString(JsonNode object, String field, String claim) throws BundleException {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new BundleException("claim \"" + claim + "\" is missing or not a non-empty string");
    }
    return value.textValue();
  }

  private static Optional<String> optionalString(JsonNode object, String claim) throws BundleException {
    JsonNode value = object.get(claim);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new BundleException("claim \"" + claim + "\" is not a string");
    }
    return Optional.of(value.textValue());
  }

  private static OptionalLong optionalInteger(JsonNode object, String claim, long minimum) throws BundleException {
    JsonNode value = object.get(claim);
    if (value == null || value.isNull()) {
      return OptionalLong.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < minimum) {
      throw new BundleException("claim \"" + claim + "\" is not " + (minimum == 0 ? "a non-negative" : "an") + " integer");
    }
    return OptionalLong.of(value.longValue());
  }
}
