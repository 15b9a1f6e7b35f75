package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;

/** Calls the built-ins of one family directly, each call in a fresh query context. */
final class FamilyCalls {
  private final Builtins table;

  FamilyCalls(BuiltinFamily family) {
    this.table = Builtins.of(List.of(family));
  }

  Value call(String name, Value... args) {
    return new TestContext().call(table, name, args);
  }

  Value call(BuiltinContext ctx, String name, Value... args) {
    return table.get(name).function().call(ctx, args);
  }

  /** Asserts that the call fails with the given OPA error code and exact message. */
  void assertFails(String code, String message, String name, Value... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(code, e.code(), "error code");
    assertEquals(message, e.getMessage(), "error message");
  }

  /**
   * Asserts that the family registers exactly these built-ins with these arities, and that the
   * standard table holds them too.
   */
  void assertRegisters(Map<String, Integer> arities) {
    assertEquals(arities.keySet(), table.names());
    Builtins standard = Builtins.standard();
    arities.forEach((name, arity) -> {
      assertEquals(arity, table.get(name).arity(), name);
      assertEquals(arity, standard.get(name).arity(), name + " in the standard table");
    });
  }

  /** A number from its literal text. */
  static NumberValue num(String text) {
    return NumberValue.parse(text);
  }

  static NumberValue num(long value) {
    return NumberValue.of(value);
  }

  /** A value from JSON text. */
  static Value json(String text) {
    return Json.parse(text);
  }
}
