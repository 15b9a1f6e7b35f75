package io.kubepolicies.rego.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NumberValueTest {
  @Test
  void equalNumbersHaveEqualHashesWhateverTheirText() {
    NumberValue a = NumberValue.parse("1");
    NumberValue b = NumberValue.parse("1.0");
    NumberValue c = NumberValue.parse("1e0");
    assertEquals(a, b);
    assertEquals(a, c);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.hashCode(), c.hashCode());
    assertEquals(NumberValue.parse("2.50"), NumberValue.parse("2.5"));
  }

  @Test
  void keepsSmallIntegersInALong() {
    assertTrue(NumberValue.parse("-42").isLong());
    assertEquals(-42, NumberValue.parse("-42").longValue());
    assertTrue(NumberValue.parse("1.0").isLong());
    assertFalse(NumberValue.parse("1.5").isLong());
  }

  @Test
  void keepsBigIntegersExact() {
    NumberValue big = NumberValue.parse("18446744073709551617");
    assertFalse(big.isLong());
    assertEquals(new BigInteger("18446744073709551617"), big.bigIntegerValue());
    assertEquals("18446744073709551617", big.toString());
  }

  @Test
  void decimalsStayExact() {
    assertEquals(new BigDecimal("0.1"), NumberValue.parse("0.1").bigDecimalValue());
    assertEquals("0.1", NumberValue.parse("0.10").toString());
    assertNull(NumberValue.parse("0.5").bigIntegerValue());
    assertNull(NumberValue.parse("0.5").intValueExact());
  }

  @Test
  void intValueOnlyWithinIntRange() {
    assertEquals(7, NumberValue.of(7).intValueExact());
    assertNull(NumberValue.of(1L << 40).intValueExact());
  }

  @Test
  void rejectsMalformedLiteralsAndNonFiniteDoubles() {
    assertThrows(NumberFormatException.class, () -> NumberValue.parse("1x"));
    assertThrows(NumberFormatException.class, () -> NumberValue.parse("-"));
    assertThrows(ArithmeticException.class, () -> NumberValue.of(Double.NaN));
  }

  @Test
  void doublesConvertByTheirShortestText() {
    assertEquals(NumberValue.parse("0.1"), NumberValue.of(0.1));
    assertEquals(NumberValue.of(3), NumberValue.of(3.0));
  }
}
