package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Calls the built-ins of one family directly, each call in a fresh query context. */
public final class FamilyCalls {
  private final Builtins table;
  private final Supplier<TestContext> contexts;

  public FamilyCalls(BuiltinFamily family) {
    this(family, TestContext::new);
  }

  /** Calls in contexts from {@code contexts}, e.g. {@code () -> new TestContext(now)} for a fixed clock. */
  public FamilyCalls(BuiltinFamily family, Supplier<TestContext> contexts) {
    this.table = Builtins.of(List.of(family));
    this.contexts = contexts;
  }

  /** The family's built-ins, as registered. */
  public Builtins table() {
    return table;
  }

  public Value call(String name, Value... args) {
    return call(contexts.get(), name, args);
  }

  public Value call(BuiltinContext ctx, String name, Value... args) {
    Builtin b = table.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no built-in " + name);
    }
    return b.function().call(ctx, args);
  }

  /** The error the call fails with; the test fails if it does not. */
  public BuiltinException failure(String name, Value... args) {
    return assertThrows(BuiltinException.class, () -> call(name, args));
  }

  /** Asserts that the call fails with the given OPA error code and exact message. */
  public void assertFails(String code, String message, String name, Value... args) {
    BuiltinException e = failure(name, args);
    assertEquals(code, e.code(), "error code");
    assertEquals(message, e.getMessage(), "error message");
  }

  /**
   * Asserts that the family registers exactly these built-ins with these arities, and that the
   * standard table holds them too.
   */
  public void assertRegisters(Map<String, Integer> arities) {
    assertEquals(arities.keySet(), table.names());
    Builtins standard = Builtins.standard();
    arities.forEach((name, arity) -> {
      assertEquals(arity, table.get(name).arity(), name);
      assertEquals(arity, standard.get(name).arity(), name + " in the standard table");
    });
  }
}
