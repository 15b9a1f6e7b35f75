package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/builtins.md} and the registry list the same built-ins. */
class BuiltinsDocTest {
  /** Maven runs the tests in the module directory; the docs are at the repository root. */
  private static final Path DOC = Path.of("..", "docs", "builtins.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([a-z ]+) \\|");
  private static final Set<String> STATUSES = Set.of("supported", "disabled by default", "not supported");
  private static final String LANGUAGE_SECTION = "## Operators and compiler-internal names";

  private final Builtins registry = Builtins.standard();

  /** Each table row's name and status, per section: the function table first, then the language one. */
  private static List<Map<String, String>> sections() throws IOException {
    Map<String, String> functions = new LinkedHashMap<>();
    Map<String, String> language = new LinkedHashMap<>();
    Map<String, String> current = functions;
    for (String line : Files.readAllLines(DOC)) {
      if (line.equals(LANGUAGE_SECTION)) {
        current = language;
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        assertTrue(STATUSES.contains(m.group(2)), "unknown status in: " + line);
        assertNull(current.put(m.group(1), m.group(2)), "listed twice: " + m.group(1));
      }
    }
    return List.of(functions, language);
  }

  private static Set<String> available(Map<String, String> rows) {
    Set<String> names = new TreeSet<>();
    rows.forEach((name, status) -> {
      if (!status.equals("not supported")) {
        names.add(name);
      }
    });
    return names;
  }

  @Test
  void documentsEveryRegisteredBuiltinAsAvailable() throws IOException {
    Set<String> documented = new TreeSet<>();
    sections().forEach(rows -> documented.addAll(available(rows)));
    Set<String> undocumented = new TreeSet<>(registry.names());
    undocumented.removeAll(documented);
    assertEquals(Set.of(), undocumented, "registered but not documented as supported or disabled by default");
  }

  @Test
  void registersEveryFunctionDocumentedAsAvailable() throws IOException {
    Set<String> missing = new TreeSet<>(available(sections().get(0)));
    missing.removeAll(registry.names());
    assertEquals(Set.of(), missing, "documented as supported or disabled by default but not registered");
  }

  @Test
  void registersNothingDocumentedAsNotSupported() throws IOException {
    Set<String> contradicted = new TreeSet<>();
    for (Map<String, String> rows : sections()) {
      rows.forEach((name, status) -> {
        if (status.equals("not supported") && registry.get(name) != null) {
          contradicted.add(name);
        }
      });
    }
    assertEquals(Set.of(), contradicted, "documented as not supported but registered");
  }

  @Test
  void marksExactlyTheNetworkBuiltinsDisabledByDefault() throws IOException {
    Map<String, String> functions = sections().get(0);
    Set<String> disabled = new TreeSet<>();
    functions.forEach((name, status) -> {
      if (status.equals("disabled by default")) {
        disabled.add(name);
      }
    });
    assertEquals(Set.of("http.send", "net.lookup_ip_addr"), disabled);
  }

  @Test
  void listsNoNameInBothSections() throws IOException {
    List<Map<String, String>> sections = sections();
    Set<String> both = new TreeSet<>(sections.get(0).keySet());
    both.retainAll(sections.get(1).keySet());
    assertEquals(Set.of(), both);
  }
}
