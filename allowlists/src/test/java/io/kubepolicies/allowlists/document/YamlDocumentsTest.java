package io.kubepolicies.allowlists.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentsTest {

  @Test
  void recordsTheLineOfEveryValue() throws ConfigException {
    SourceDocument doc = YamlDocuments.parseOne("f.yaml", "a: 1\nb:\n  - x\n  - c: d\n");
    assertEquals(1, doc.line(TreePath.of("a")));
    assertEquals(3, doc.line(TreePath.of("b", 0)));
    assertEquals(4, doc.line(TreePath.of("b", 1, "c")));
    assertEquals(4, doc.line(TreePath.of("b", 1, "c", "missing")), "an unknown path takes its nearest ancestor's line");
  }

  @Test
  void readsScalarsTheYaml11Way() throws ConfigException {
    SourceDocument doc = YamlDocuments.parseOne("f.yaml",
        "a: yes\nb: off\nc: 012\nd: 0x1F\ne: 1.10\nf: 2027-01-31\ng: \"yes\"\nh: ~\ni: 1_000\n");
    assertEquals("{\"a\":true,\"b\":false,\"c\":10,\"d\":31,\"e\":1.10,\"f\":\"2027-01-31\",\"g\":\"yes\",\"h\":null,\"i\":1000}",
        doc.root().toString());
    assertEquals(Optional.of("yes"), doc.plainScalar(TreePath.of("a")));
    assertEquals(Optional.of("012"), doc.plainScalar(TreePath.of("c")));
    assertEquals(Optional.empty(), doc.plainScalar(TreePath.of("g")), "a quoted string is no pitfall");
    assertEquals(Optional.empty(), doc.plainScalar(TreePath.of("f")), "dates stay strings");
  }

  @Test
  void resolvesAnchorsAliasesAndMergeKeys() throws ConfigException {
    SourceDocument doc = YamlDocuments.parseOne("f.yaml",
        "base: &b {x: 1, y: 2}\nsame: *b\nmerged:\n  <<: *b\n  y: 3\n");
    assertEquals("{\"base\":{\"x\":1,\"y\":2},\"same\":{\"x\":1,\"y\":2},\"merged\":{\"x\":1,\"y\":3}}",
        doc.root().toString());
  }

  @Test
  void rejectsDuplicateKeysWithTheirLine() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a: 1\nb: 2\na: 3\n"));
    assertEquals("f.yaml:3: invalid YAML: while constructing a mapping: found duplicate key a (column 1)", e.getMessage());
  }

  @Test
  void rejectsTabIndentation() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a:\n\tb: 1\n"));
    assertTrue(e.getMessage().startsWith("f.yaml:2: invalid YAML: while scanning for the next token: found character '\\t(TAB)'"),
        e.getMessage());
  }

  @Test
  void rejectsAnUnclosedFlowSequence() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a: [1, 2\nb: 3\n"));
    assertEquals("f.yaml:2: invalid YAML: while parsing a flow sequence: expected ',' or ']', but got : (column 2)",
        e.getMessage());
  }

  @Test
  void rejectsUnsupportedTags() {
    ConfigException custom = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a: !custom x\n"));
    assertEquals("f.yaml:1: $.a: unsupported YAML tag !custom (JSON has no such value)", custom.getMessage());
    ConfigException binary = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a:\n  b: !!binary aGk=\n"));
    assertEquals("f.yaml:2: $.a.b: unsupported YAML tag tag:yaml.org,2002:binary (JSON has no such value)", binary.getMessage());
  }

  @Test
  void rejectsInfinity() {
    ConfigException e = assertThrows(ConfigException.class, () -> YamlDocuments.parseOne("f.yaml", "a: .inf\n"));
    assertEquals("f.yaml:1: $.a: .inf is not a number JSON can hold", e.getMessage());
  }

  @Test
  void rejectsAnAliasThatContainsItself() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a: &x\n  - 1\n  - *x\n"));
    // The alias is the anchored node itself, so the line is the anchor's; the path says where the alias is.
    assertEquals("f.yaml:1: $.a[1]: an alias refers to a value that contains it", e.getMessage());
  }

  @Test
  void rejectsNonScalarKeys() {
    ConfigException e = assertThrows(ConfigException.class, () -> YamlDocuments.parseOne("f.yaml", "? [a, b]\n: 1\n"));
    assertEquals("f.yaml:1: $: a mapping key must be a plain value, not a sequence", e.getMessage());
  }

  @Test
  void readOneWantsExactlyOneDocument() {
    ConfigException two = assertThrows(ConfigException.class,
        () -> YamlDocuments.parseOne("f.yaml", "a: 1\n---\nb: 2\n"));
    assertEquals("f.yaml:3: holds more than one YAML document; expected exactly one", two.getMessage());
    ConfigException none = assertThrows(ConfigException.class, () -> YamlDocuments.parseOne("f.yaml", "# nothing\n"));
    assertEquals("f.yaml: holds no YAML document", none.getMessage());
  }

  @Test
  void parseAllSkipsEmptyDocuments() throws ConfigException {
    List<SourceDocument> docs = YamlDocuments.parseAll("m.yaml", "---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n");
    assertEquals(2, docs.size());
    assertEquals("{\"a\":1}", docs.get(0).root().toString());
    assertEquals("{\"b\":2}", docs.get(1).root().toString());
    assertEquals(7, docs.get(1).line(TreePath.of("b")));
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> YamlDocuments.readOne(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void rejectsAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    ConfigException e = assertThrows(ConfigException.class, () -> YamlDocuments.readOne(latin1));
    assertEquals(latin1 + ": not valid UTF-8", e.getMessage());
  }

  @Test
  void writesPathsAsJsonPaths() {
    assertEquals("$", TreePath.ROOT.toString());
    assertEquals("$.exceptions[2].expires", TreePath.of("exceptions", 2, "expires").toString());
    assertEquals("$['kube-policies:breakglass']['it\\'s']",
        TreePath.of("kube-policies:breakglass", "it's").toString());
  }
}
