package io.kubepolicies.signing.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The bundle's {@code .manifest}: revision, roots, Rego version (bundle-wide and per file pattern)
 * and free-form metadata. A bundle without a manifest has the default one: no revision, root
 * {@code ""} (everything).
 *
 * @param metadataJson the {@code metadata} object as compact JSON, if present
 */
public record Manifest(String revision, Roots roots, OptionalInt regoVersion,
    Map<String, Integer> fileRegoVersions, Optional<String> metadataJson) {

  public static final Manifest DEFAULT =
      new Manifest("", Roots.EVERYTHING, OptionalInt.empty(), Map.of(), Optional.empty());

  public Manifest {
    fileRegoVersions = Collections.unmodifiableMap(new TreeMap<>(fileRegoVersions));
    metadataJson.ifPresent(json -> {
      if (!readTrusted(json).isObject()) {
        throw new IllegalArgumentException("manifest metadata must be a JSON object");
      }
    });
  }

  public Manifest withRevision(String newRevision) {
    return new Manifest(newRevision, roots, regoVersion, fileRegoVersions, metadataJson);
  }

  public Manifest withRegoVersion(int version) {
    return new Manifest(revision, roots, OptionalInt.of(version), fileRegoVersions, metadataJson);
  }

  /** The Rego version for a module at {@code path}: its file pattern's, else the bundle's, if any. */
  public OptionalInt regoVersionFor(String path) throws BundleException {
    for (Map.Entry<String, Integer> entry : fileRegoVersions.entrySet()) {
      GlobPattern pattern = GlobPattern.compile(entry.getKey());
      // OPA writes these patterns with the leading "/" its own entry names carry.
      if (pattern.matches(path) || pattern.matches("/" + path)) {
        return OptionalInt.of(entry.getValue());
      }
    }
    return regoVersion;
  }

  /** Reads a manifest with the field types OPA's decoder enforces; unknown fields are ignored, as OPA does. */
  public static Manifest parse(byte[] json) throws BundleException {
    JsonNode root;
    try {
      root = StrictJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BundleException("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BundleException("invalid JSON: " + e.getMessage());
    }
    if (!(root instanceof ObjectNode object)) {
      throw new BundleException("must be a JSON object");
    }
    if (hasValue(object, "wasm") && !(object.get("wasm").isArray() && object.get("wasm").isEmpty())) {
      throw new BundleException("wasm modules are not supported");
    }
    return new Manifest(
        hasValue(object, "revision") ? string(object.get("revision"), "revision") : "",
        hasValue(object, "roots") ? Roots.of(strings(object.get("roots"), "roots")) : Roots.EVERYTHING,
        hasValue(object, "rego_version") ? OptionalInt.of(version(object.get("rego_version"), "rego_version")) : OptionalInt.empty(),
        hasValue(object, "file_rego_versions") ? fileVersions(object.get("file_rego_versions")) : Map.of(),
        metadata(object));
  }

  /** The manifest as the compact JSON this project writes into bundles. */
  public byte[] toJson() {
    ObjectNode out = StrictJson.MAPPER.createObjectNode();
    out.put("revision", revision);
    roots.paths().forEach(out.putArray("roots")::add);
    regoVersion.ifPresent(v -> out.put("rego_version", v));
    if (!fileRegoVersions.isEmpty()) {
      ObjectNode files = out.putObject("file_rego_versions");
      fileRegoVersions.forEach(files::put);
    }
    metadataJson.ifPresent(m -> out.set("metadata", readTrusted(m)));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hasValue(ObjectNode object, String field) {
    return object.hasNonNull(field);
  }

  private static String string(JsonNode node, String field) throws BundleException {
    if (!node.isTextual()) {
      throw new BundleException("\"" + field + "\" must be a string");
    }
    return node.textValue();
  }

  private static List<String> strings(JsonNode node, String field) throws BundleException {
    if (!node.isArray()) {
      throw new BundleException("\"" + field + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : node) {
      out.add(string(element, field + "[" + out.size() + "]"));
    }
    return out;
  }

  private static int version(JsonNode node, String field) throws BundleException {
    if (!node.isIntegralNumber() || !(node.asLong() == 0 || node.asLong() == 1)) {
      throw new BundleException("\"" + field + "\" must be 0 or 1, not " + node);
    }
    return node.intValue();
  }

  private static Map<String, Integer> fileVersions(JsonNode node) throws BundleException {
    if (!node.isObject()) {
      throw new BundleException("\"file_rego_versions\" must be an object");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (var field : node.properties()) {
      GlobPattern.compile(field.getKey());
      out.put(field.getKey(), version(field.getValue(), "file_rego_versions[" + field.getKey() + "]"));
    }
    return out;
  }

  private static Optional<String> metadata(ObjectNode object) throws BundleException {
    if (!hasValue(object, "metadata")) {
      return Optional.empty();
    }
    if (!object.get("metadata").isObject()) {
      throw new BundleException("\"metadata\" must be an object");
    }
    return Optional.of(object.get("metadata").toString());
  }

  private static JsonNode readTrusted(String json) {
    try {
      return StrictJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("manifest metadata is not valid JSON", e);
    }
  }
}
