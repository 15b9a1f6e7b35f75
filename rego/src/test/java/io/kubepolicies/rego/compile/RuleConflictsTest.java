package io.kubepolicies.rego.compile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.value.ObjectValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule conflicts OPA's compiler rejects, with the messages and places it reports them at. */
class RuleConflictsTest {
  private static Policy compile(String... modules) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < modules.length; i++) {
      sources.put("test-" + i + ".rego", modules[i]);
    }
    return Policy.compile(sources, RegoVersion.V1, ObjectValue.EMPTY);
  }

  private static List<String> errors(String... modules) {
    List<RegoError> errors = assertThrows(RegoException.class, () -> compile(modules)).errors();
    errors.forEach(e -> assertEquals(RegoError.TYPE, e.code()));
    return errors.stream().map(RegoError::describe).toList();
  }

  @Test
  void rejectsARuleInsideACompleteDocument() {
    assertEquals(List.of("test-0.rego:2:1: rego_type_error: rule data.test.p.q.r conflicts with [data.test.p.q.r.s]"),
        errors("package test\np.q.r := 1\np.q.r.s := 2\n"));
  }

  @Test
  void acceptsRulesInsideADocumentWithVariableKeys() {
    assertDoesNotThrow(() -> compile("package test\np.q[k] := 1 if k := input.k\np.q.r.s := 2\n"));
  }

  @Test
  void rejectsAPackageWhereARuleIs() {
    assertEquals(List.of("test-0.rego:2:1: rego_type_error: rule data.test.p conflicts with [data.test.p.q]",
        "test-0.rego:1:1: rego_type_error: package test.p conflicts with rule p defined at test-0.rego:2"),
        errors("package test\np := 1\n", "package test.p\nq := 2\n"));
    assertDoesNotThrow(() -> compile("package test\np := 1\n", "package test.q\nq := 2\n"));
  }

  @Test
  void rejectsRulesOfDifferentKindsOrAritiesAtOnePlace() {
    assertEquals(List.of("test-0.rego:2:1: rego_type_error: conflicting rules data.test.p found"),
        errors("package test\np := 1\np contains 2\n"));
    assertEquals(List.of("test-0.rego:2:1: rego_type_error: conflicting rules data.test.f found"),
        errors("package test\nf(x) := 1\nf(x, y) := 2\n"));
    assertDoesNotThrow(() -> compile("package test\nf(1) := 1\nf(x) := 2 if x != 1\n"));
  }

  @Test
  void rejectsACompleteAndAPartialDefinitionOfOneDocument() {
    assertEquals(List.of("test-0.rego:2:1: rego_type_error: conflicting rules data.test.p[x] found"),
        errors("package test\np := {}\np[x] := 1 if x := input.x\n"));
  }

  @Test
  void rejectsTwoDefaultsNamingWhereEachIs() {
    assertEquals(List.of("test-0.rego:1:1: rego_type_error: multiple default rules data.test.d found at test-0.rego:2, test-0.rego:3"),
        errors("package test\ndefault d := 1\ndefault d := 2\n"));
    assertDoesNotThrow(() -> compile("package test\ndefault d := 1\nd := 2 if input.x\n"));
  }
}
