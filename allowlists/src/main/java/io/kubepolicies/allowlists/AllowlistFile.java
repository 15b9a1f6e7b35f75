package io.kubepolicies.allowlists;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubepolicies.allowlists.document.ConfigException;
import io.kubepolicies.allowlists.document.ConfigProblem;
import io.kubepolicies.allowlists.document.JsonSchemaCheck;
import io.kubepolicies.allowlists.document.SourceDocument;
import io.kubepolicies.allowlists.document.TreePath;
import io.kubepolicies.allowlists.document.YamlDocuments;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an allowlist file ({@code allowlists/<env>.yaml}): checks it against {@code schema.json},
 * then against the rules a schema cannot express, and reports every problem with file, line,
 * path and reason.
 */
public final class AllowlistFile {
  private static final JsonSchemaCheck SCHEMA = JsonSchemaCheck.fromResource(AllowlistFile.class, "schema.json");

  private final SourceDocument document;
  private final Optional<Set<String>> knownPolicies;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private AllowlistFile(SourceDocument document, Optional<Set<String>> knownPolicies) {
    this.document = document;
    this.knownPolicies = knownPolicies;
  }

  /** Loads a file without checking policy ids. */
  public static Allowlist load(Path file) throws ConfigException {
    return check(YamlDocuments.readOne(file), Optional.empty());
  }

  /** Loads a file whose exceptions may name only {@code knownPolicies}. */
  public static Allowlist load(Path file, Set<String> knownPolicies) throws ConfigException {
    return check(YamlDocuments.readOne(file), Optional.of(Set.copyOf(knownPolicies)));
  }

  /** Checks {@code text} as if read from {@code file}. */
  public static Allowlist parse(String file, String text, Set<String> knownPolicies) throws ConfigException {
    return check(YamlDocuments.parseOne(file, text), Optional.of(Set.copyOf(knownPolicies)));
  }

  private static Allowlist check(SourceDocument document, Optional<Set<String>> knownPolicies) throws ConfigException {
    List<ConfigProblem> schemaProblems = SCHEMA.check(document);
    if (!schemaProblems.isEmpty()) {
      throw new ConfigException(schemaProblems);
    }
    return new AllowlistFile(document, knownPolicies).read();
  }

  private Allowlist read() throws ConfigException {
    JsonNode root = document.root();
    String environment = root.get("environment").textValue();
    checkFileName(environment);
    List<AllowlistEntry> entries = entries(root.path("exceptions"));
    JsonNode breakglass = root.path("breakglass");
    JsonNode critical = root.path("critical");
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(ConfigProblem::line));
      throw new ConfigException(problems);
    }
    return new Allowlist(document.file(), environment, entries,
        new Breakglass(strings(breakglass.path("groups")), strings(breakglass.path("usernames")),
            strings(breakglass.path("username_prefixes"))),
        new Critical(strings(critical.path("namespaces")), strings(critical.path("service_accounts")),
            strings(critical.path("workloads"))));
  }

  /** {@code prod.yaml} must say {@code environment: prod}: a copied file still naming its source is a classic slip. */
  private void checkFileName(String environment) {
    String name = Path.of(document.file()).getFileName().toString();
    String stem = name.replaceFirst("\\.ya?ml$", "");
    if (!stem.equals(environment)) {
      problems.add(document.problem(TreePath.of("environment"),
          "says \"" + environment + "\" but the file is " + name + " (expected " + environment + ".yaml)"));
    }
  }

  private List<AllowlistEntry> entries(JsonNode exceptions) {
    List<AllowlistEntry> entries = new ArrayList<>();
    Map<String, TreePath> seen = new HashMap<>();
    for (int i = 0; i < exceptions.size(); i++) {
      TreePath at = TreePath.of("exceptions", i);
      JsonNode node = exceptions.get(i);
      String policy = node.get("policy").textValue();
      String namespace = node.get("namespace").textValue();
      List<String> containers = strings(node.get("containers"));
      knownPolicies.filter(known -> !known.contains(policy)).ifPresent(known ->
          problems.add(document.problem(at.member("policy"), "unknown policy \"" + policy + "\"")));
      if (containers.contains(AllowlistEntry.ANY_CONTAINER) && containers.size() > 1) {
        problems.add(document.problem(at.member("containers"),
            "\"*\" already covers every container; list it alone"));
      }
      for (String container : containers) {
        TreePath first = seen.putIfAbsent(policy + "/" + namespace + "/" + container, at);
        if (first != null) {
          problems.add(document.problem(at, "duplicate exception: policy " + policy + ", namespace " + namespace
              + ", container " + container + " is already excepted at " + first
              + " (line " + document.line(first) + ")"));
        }
      }
      String expiresText = node.get("expires").textValue();
      Instant expires = expiry(expiresText, at.member("expires"));
      entries.add(new AllowlistEntry(policy, namespace, containers, node.get("owner").textValue(),
          node.get("reason").textValue(), expires, expiresText, document.line(at)));
    }
    return entries;
  }

  private Instant expiry(String text, TreePath at) {
    try {
      Instant instant = Expiry.parse(text);
      Expiry.nanos(instant);
      return instant;
    } catch (DateTimeException e) {
      problems.add(document.problem(at, "\"" + text + "\" is not a valid date or time"));
    } catch (ArithmeticException e) {
      problems.add(document.problem(at, "\"" + text + "\" is too far ahead: Rego's time.now_ns() ends in 2262"));
    }
    return Instant.EPOCH;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.textValue()));
    return out;
  }
}
