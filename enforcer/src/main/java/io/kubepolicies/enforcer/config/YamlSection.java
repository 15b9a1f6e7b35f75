package io.kubepolicies.enforcer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the config file, read key by key: every error names the full key
 * ({@code bundles.store.bucket}), and keys nobody asked for are reported as unknown (a typo must not
 * silently fall back to a default).
 */
final class YamlSection {
  private final String path;
  private final JsonNode node;
  private final Path baseDir;
  private final Set<String> read = new HashSet<>();
  private final List<YamlSection> children = new ArrayList<>();

  YamlSection(String path, JsonNode node, Path baseDir) throws ConfigException {
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ConfigException((path.isEmpty() ? "the config" : path) + " must be a mapping");
    }
    this.path = path;
    this.node = node;
    this.baseDir = baseDir;
  }

  YamlSection section(String key) throws ConfigException {
    YamlSection child = new YamlSection(name(key), value(key), baseDir);
    children.add(child);
    return child;
  }

  Optional<String> string(String key) throws ConfigException {
    JsonNode v = value(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw new ConfigException(name(key) + " must be a string");
    }
    return Optional.of(v.asText());
  }

  String string(String key, String fallback) throws ConfigException {
    return string(key).orElse(fallback);
  }

  String requiredString(String key) throws ConfigException {
    String s = string(key).orElseThrow(() -> new ConfigException(name(key) + " is required"));
    if (s.isBlank()) {
      throw new ConfigException(name(key) + " must not be empty");
    }
    return s;
  }

  /**
   * A keyword, lower-cased. YAML 1.1 reads an unquoted {@code off} (or {@code no}) as false, so false
   * counts as {@code off}.
   */
  String word(String key, String fallback) throws ConfigException {
    JsonNode v = value(key);
    if (v != null && v.isBoolean() && !v.booleanValue()) {
      return "off";
    }
    return string(key, fallback).toLowerCase(Locale.ROOT);
  }

  long number(String key, long fallback) throws ConfigException {
    JsonNode v = value(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new ConfigException(name(key) + " must be a non-negative integer, got " + v);
    }
    return v.longValue();
  }

  double fraction(String key, double fallback) throws ConfigException {
    JsonNode v = value(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new ConfigException(name(key) + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  boolean bool(String key, boolean fallback) throws ConfigException {
    JsonNode v = value(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new ConfigException(name(key) + " must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  Duration duration(String key, Duration fallback) throws ConfigException {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Durations.parse(text.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name(key) + ": " + e.getMessage());
    }
  }

  /** A file path; a relative one is taken from the config file's directory. */
  Optional<Path> path(String key) throws ConfigException {
    return string(key).map(baseDir::resolve);
  }

  Path requiredPath(String key) throws ConfigException {
    return baseDir.resolve(requiredString(key));
  }

  /** A mapping of names to file paths. */
  Map<String, Path> paths(String key) throws ConfigException {
    JsonNode v = value(key);
    Map<String, Path> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new ConfigException(name(key) + " must be a mapping of key id to PEM file");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new ConfigException(name(key) + "." + e.getKey() + " must be a file path");
      }
      out.put(e.getKey(), baseDir.resolve(e.getValue().asText()));
    }
    return out;
  }

  /** Fails on the first key of this mapping or its sections that was never read. */
  void rejectUnknownKeys() throws ConfigException {
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (!read.contains(entry.getKey())) {
          throw new ConfigException("unknown key " + name(entry.getKey()));
        }
      }
    }
    for (YamlSection child : children) {
      child.rejectUnknownKeys();
    }
  }

  String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonNode value(String key) {
    read.add(key);
    return node == null ? null : node.get(key);
  }
}
