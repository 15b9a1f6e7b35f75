package io.kubepolicies.signing.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.signing.BundleException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageDeclarationTest {
  @Test
  void readsDottedAndBracketedPaths() throws BundleException {
    assertEquals(List.of("a", "b_2", "c"), PackageDeclaration.of("package a.b_2.c\n"));
    assertEquals(List.of("a", "x/y", "z"), PackageDeclaration.of("package a[\"x/y\"].z"));
    assertEquals(List.of("a", "q\""), PackageDeclaration.of("package a[\"q\\\"\"]"));
    assertEquals(List.of("a", "raw"), PackageDeclaration.of("package a[`raw`]"));
  }

  @Test
  void skipsLeadingCommentsAndBlankLines() throws BundleException {
    assertEquals(List.of("k8s", "admission"),
        PackageDeclaration.of("# METADATA\n# title: x\n\n  \t# more\npackage k8s.admission # trailing\nimport rego.v1\n"));
  }

  @Test
  void rejectsModulesWithoutAPackageFirst() {
    assertEquals("the module does not start with a package declaration",
        assertThrows(BundleException.class, () -> PackageDeclaration.of("import rego.v1\npackage a")).getMessage());
    assertEquals("the module does not start with a package declaration",
        assertThrows(BundleException.class, () -> PackageDeclaration.of("packages.a")).getMessage());
    assertEquals("invalid package declaration",
        assertThrows(BundleException.class, () -> PackageDeclaration.of("package 9a")).getMessage());
    assertEquals("invalid package declaration: expected ']'",
        assertThrows(BundleException.class, () -> PackageDeclaration.of("package a[\"b\"")).getMessage());
  }
}
