package io.kubepolicies.rego.syntax;

import static io.kubepolicies.rego.syntax.ParserTest.moduleError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.ast.Annotations;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.value.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataParseTest {

  private static Module parse(String src) {
    return Parser.parseModule("m.rego", src, RegoVersion.V1);
  }

  private static String json(Annotations a) {
    return Json.write(a.data());
  }

  @Test
  void attachesBlocksToThePackageAndTheNextRule() {
    Module m = parse("# METADATA\n# description: The Rego test suite\npackage testing\n\n"
        + "# METADATA\n# title: Testing annotations\n# authors:\n# - The OPA contributors\np := x if {\n\tx := 1\n}\n");
    assertEquals(2, m.annotations().size());
    Annotations pkg = m.annotations().get(0);
    assertEquals("package", pkg.scope());
    assertEquals("{\"description\":\"The Rego test suite\",\"scope\":\"package\"}", json(pkg));
    assertEquals(new Location("m.rego", 1, 1), pkg.location());
    Annotations rule = m.annotations().get(1);
    assertEquals("{\"authors\":[{\"name\":\"The OPA contributors\"}],\"scope\":\"rule\",\"title\":\"Testing annotations\"}",
        json(rule));
    assertEquals(List.of(rule), m.rules().get(0).annotations());
  }

  @Test
  void givesDocumentScopedBlocksToEveryRuleOfThatPath() {
    Module m = parse("package testing\n# METADATA\n# scope: document\n# title: doc\np := 1 if false\n\n"
        + "# METADATA\n# title: second\np := 2 if true\nq := 3\n");
    Annotations doc = m.annotations().get(0);
    Annotations second = m.annotations().get(1);
    assertEquals("document", doc.scope());
    assertEquals(List.of(doc), m.rules().get(0).annotations());
    assertEquals(List.of(doc, second), m.rules().get(1).annotations());
    assertEquals(List.of(), m.rules().get(2).annotations());
  }

  @Test
  void makesEntrypointsDocumentScoped() {
    Module m = parse("package p\n# METADATA\n# entrypoint: true\nallow := true\n");
    assertEquals("{\"entrypoint\":true,\"scope\":\"document\"}", json(m.annotations().get(0)));
  }

  @Test
  void normalisesAuthorsRelatedResourcesSchemasAndCustom() {
    Module m = parse("package p\n# METADATA\n# authors:\n# - Jane Doe <jane@example.com>\n# - name: Bob\n"
        + "#   email: bob@example.com\n# related_resources:\n# - https://example.com\n# - ref: https://x.org\n"
        + "#   description: X\n# organizations: [acme]\n# schemas:\n# - input: schema.input\n# - data.x: {type: string}\n"
        + "# custom:\n#   severity: high\n#   tags: [a, 1]\np := 1\n");
    assertEquals("{\"authors\":[{\"email\":\"jane@example.com\",\"name\":\"Jane Doe\"},{\"email\":\"bob@example.com\",\"name\":\"Bob\"}],"
        + "\"custom\":{\"severity\":\"high\",\"tags\":[\"a\",1]},\"organizations\":[\"acme\"],"
        + "\"related_resources\":[{\"ref\":\"https://example.com\"},{\"description\":\"X\",\"ref\":\"https://x.org\"}],"
        + "\"schemas\":[{\"path\":[\"input\"],\"schema\":[\"schema\",\"input\"]},{\"definition\":{\"type\":\"string\"},\"path\":[\"data\",\"x\"]}],"
        + "\"scope\":\"rule\"}", json(m.annotations().get(0)));
  }

  @Test
  void endsABlockAtTheFirstLineThatIsNotAColumnOneComment() {
    Module m = parse("package p\n# METADATA\n# title: t\n\n# description: not part of it\np := 1\n");
    assertEquals("{\"scope\":\"rule\",\"title\":\"t\"}", json(m.annotations().get(0)));
    Module indented = parse("package p\n# METADATA\n# title: t\n  # description: not part of it\np := 1\n");
    assertEquals("{\"scope\":\"rule\",\"title\":\"t\"}", json(indented.annotations().get(0)));
  }

  @Test
  void ignoresOrdinaryComments() {
    assertEquals(List.of(), parse("package p\n# just a note: metadata\np := 1\n").annotations());
  }

  @Test
  void rejectsScopesThatDoNotFitTheirStatement() {
    assertEquals("m.rego:2:1 annotation scope 'rule' must be applied to rule (have import)",
        moduleError("package p\n# METADATA\n# scope: rule\nimport data.x\n"));
    assertEquals("m.rego:1:1 annotation scope 'rule' must be applied to rule (have package)",
        moduleError("# METADATA\n# scope: rule\npackage p\n"));
    assertEquals("m.rego:2:1 annotation scope 'package' must be applied to package (have rule)",
        moduleError("package p\n# METADATA\n# scope: package\np := 1\n"));
    assertEquals("m.rego:2:1 invalid annotation scope 'bogus'. Use one of 'rule', 'document', 'package', or 'subpackages'",
        moduleError("package p\n# METADATA\n# scope: bogus\np := 1\n"));
    assertEquals("m.rego:2:1 invalid annotation scope 'import'. Use one of 'rule', 'document', 'package', or 'subpackages'",
        moduleError("package p\n# METADATA\n# title: t\nimport data.x\n"));
    assertEquals("m.rego:3:1 invalid annotation scope ''. Use one of 'rule', 'document', 'package', or 'subpackages'",
        moduleError("package p\np := 1\n# METADATA\n# title: dangling\n"));
    assertEquals("m.rego:2:1 annotation entrypoint applied to non-document or package scope 'rule'",
        moduleError("package p\n# METADATA\n# scope: rule\n# entrypoint: true\np := 1\n"));
  }

  @Test
  void rejectsMalformedBlocks() {
    assertEquals("m.rego:2:1 expected METADATA block, found whitespace", moduleError("package p\n# METADATA\n#\np := 1\n"));
    assertEquals("m.rego:3:1 invalid METADATA block: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
        moduleError("package p\n# METADATA\n# title: [broken\np := 1\n"));
    assertEquals("m.rego:2:1 invalid METADATA block: expected a YAML mapping", moduleError("package p\n# METADATA\n# just text\np := 1\n"));
    assertEquals("m.rego:2:1 invalid METADATA block: title must be a string", moduleError("package p\n# METADATA\n# title: [a]\np := 1\n"));
    assertEquals("m.rego:2:1 invalid author definition: 'name' and/or 'email' values required in object",
        moduleError("package p\n# METADATA\n# authors:\n# - {}\np := 1\n"));
    assertEquals("m.rego:2:1 invalid schema reference", moduleError("package p\n# METADATA\n# schemas:\n# - input: other.x\np := 1\n"));
  }
}
