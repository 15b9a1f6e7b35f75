package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private final FamilyCalls calls = new FamilyCalls(new Comparison());

  private void assertHolds(boolean expected, String op, Value x, Value y) {
    assertEquals(BooleanValue.of(expected), calls.call(op, x, y), op + "(" + x + ", " + y + ")");
  }

  @Test
  void comparesNumbersByValue() {
    assertHolds(true, "equal", num(1), num("1.0"));
    assertHolds(true, "equal", json("[1]"), json("[1.0]"));
    assertHolds(true, "equal", ObjectValue.of(Map.of(num(1), num(1))), ObjectValue.of(Map.of(num(1), num("1.0"))));
    assertHolds(true, "equal", json("{\"x\": [1, 2, {\"b\": 3.0}]}"), json("{\"x\": [1, 2, {\"b\": 3}]}"));
    assertHolds(true, "neq", num("28857836529306024611913"), num("28857836529306024611912"));
    assertHolds(false, "neq", num(0), num(0));
    assertHolds(true, "lt", num(-1), num(0));
    assertHolds(true, "lt", num("0.1"), num("0.10000000000000000000001"));
    assertHolds(false, "lt", num(1), num(-1));
    assertHolds(true, "lte", num(1), num(1));
    assertHolds(false, "lte", num(1), num(-1));
    assertHolds(true, "gt", num(1), num(0));
    assertHolds(false, "gt", num(1), num(2));
    assertHolds(true, "gte", num(4), num(4));
    assertHolds(false, "gte", num(1), num(2));
  }

  @Test
  void ordersAcrossTypes() {
    List<Value> ascending = List.of(NullValue.NULL, BooleanValue.FALSE, BooleanValue.TRUE, num(-5), num(0),
        StringValue.EMPTY, StringValue.of("a"), json("[]"), json("[1]"), json("{}"), SetValue.EMPTY);
    for (int i = 0; i < ascending.size(); i++) {
      for (int j = 0; j < ascending.size(); j++) {
        Value x = ascending.get(i);
        Value y = ascending.get(j);
        assertHolds(i < j, "lt", x, y);
        assertHolds(i <= j, "lte", x, y);
        assertHolds(i > j, "gt", x, y);
        assertHolds(i >= j, "gte", x, y);
        assertHolds(i == j, "equal", x, y);
        assertHolds(i != j, "neq", x, y);
      }
    }
  }

  @Test
  void ordersCollectionsElementwise() {
    assertHolds(true, "lt", json("[1, 2]"), json("[1, 2, 3]"));
    assertHolds(false, "lt", json("[1, 3]"), json("[1, 2, 3]"));
    assertHolds(true, "lt", StringValue.of("ab"), StringValue.of("b"));
    assertHolds(true, "lt", SetValue.of(num(1), num(2)), SetValue.of(num(1), num(3)));
    assertHolds(true, "equal", SetValue.of(num(2), num(1)), SetValue.of(num(1), num(2)));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("equal", 2, "neq", 2, "lt", 2, "lte", 2, "gt", 2, "gte", 2));
  }
}
