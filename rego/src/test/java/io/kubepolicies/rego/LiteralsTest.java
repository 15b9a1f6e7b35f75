package io.kubepolicies.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class LiteralsTest {
  @Test
  void parsesSetsAndNonStringKeys() {
    assertEquals(ObjectValue.builder().put(ArrayValue.of(NumberValue.of(1)), SetValue.of(StringValue.of("a"))).build(),
        Literals.parse("{[1]: {\"a\"}}"));
  }

  @Test
  void rejectsTermsThatAreNotConstant() {
    RegoException e = assertThrows(RegoException.class, () -> Literals.parse("[1, x]"));
    assertEquals(RegoError.PARSE, e.first().code());
    assertEquals("not a constant value", e.first().message());
  }

  @Test
  void hasNoValueForReferencesCallsOrComprehensions() {
    assertNull(Literals.valueOf(Parser.parseTerm("{\"a\": input.x}")));
    assertNull(Literals.valueOf(Parser.parseTerm("{count([1])}")));
    assertNull(Literals.valueOf(Parser.parseTerm("[[y | y := 1]]")));
  }
}
