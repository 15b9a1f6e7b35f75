package io.kubepolicies.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.server.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens the API accepts, each with a holder's name and a role. Only SHA-256 hashes of
 * the tokens are configured, so the file reveals no token:
 * <pre>
 * tokens:
 *   - name: ci-pipeline
 *     role: release-engineer
 *     sha256: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
 * </pre>
 */
public final class Tokens {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final int MIN_TOKEN_CHARS = 16;

  private final Map<String, Principal> byHash;

  private Tokens(Map<String, Principal> byHash) {
    this.byHash = Map.copyOf(byHash);
  }

  /** One configured token. */
  public record Entry(String name, Role role, String sha256) {}

  public static Tokens of(List<Entry> entries) {
    Map<String, Principal> byHash = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (Entry entry : entries) {
      if (entry.name() == null || entry.name().isBlank()) {
        throw new IllegalArgumentException("a token needs a name");
      }
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("token name \"" + entry.name() + "\" is used twice");
      }
      if (entry.sha256() == null || !HEX64.matcher(entry.sha256()).matches()) {
        throw new IllegalArgumentException("token \"" + entry.name() + "\": sha256 must be 64 lowercase hex digits");
      }
      if (byHash.put(entry.sha256(), new Principal(entry.name(), entry.role())) != null) {
        throw new IllegalArgumentException("token \"" + entry.name() + "\": the same token is configured twice");
      }
    }
    return new Tokens(byHash);
  }

  public static Tokens load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException(file + ": not valid YAML: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("tokens");
    if (list == null || !list.isArray()) {
      throw new IOException(file + ": expected a list under \"tokens\"");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : list) {
      String role = node.path("role").asText("");
      entries.add(new Entry(node.path("name").asText(null), Role.of(role).orElseThrow(() -> new IOException(file
          + ": token \"" + node.path("name").asText("") + "\": role must be release-engineer or viewer, not \"" + role + "\"")),
          node.path("sha256").asText(null)));
    }
    try {
      return of(entries);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The holder of {@code token}, if it is configured. */
  public Optional<Principal> authenticate(String token) {
    return token == null || token.length() < MIN_TOKEN_CHARS ? Optional.empty() : Optional.ofNullable(byHash.get(hash(token)));
  }

  /** The hash to configure for {@code token}. */
  public static String hash(String token) {
    return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
  }


  /** The YAML for {@link #load}, for tools that create token files. */
  public static String toYaml(List<Entry> entries) {
    StringBuilder out = new StringBuilder("tokens:\n");
    for (Entry entry : entries) {
      out.append("  - name: ").append(entry.name()).append('\n')
          .append("    role: ").append(entry.role().id()).append('\n')
          .append("    sha256: ").append(entry.sha256()).append('\n');
    }
    return out.toString();
  }
}
