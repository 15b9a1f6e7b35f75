package io.kubepolicies.rego.builtins.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryFloatTest {
  private static final int P = BinaryFloat.NUMBER_PRECISION;

  private static BinaryFloat f(String text) {
    return BinaryFloat.of(NumberValue.parse(text));
  }

  @Test
  void holdsTheCorrectlyRoundedSixtyFourBitValue() {
    // 1/3 with a 64-bit mantissa is 0xAAAAAAAAAAAAAAAB * 2^-65, as an x87 long double holds it.
    BigDecimal third = f("1").divide(f("3"), P).toBigDecimal();
    assertEquals(new BigDecimal(new BigInteger("AAAAAAAAAAAAAAAB", 16)).divide(new BigDecimal(BigInteger.TWO.pow(65))),
        third);
    assertTrue(third.toPlainString().startsWith("0.333333333333333333342368"));
  }

  @Test
  void readsADecimalOfAnyMagnitude() {
    BigDecimal huge = new BigDecimal("1e20000");
    assertThrows(BuiltinException.class, () -> BinaryFloat.of(NumberValue.of(huge)));
    BigDecimal relativeError = BinaryFloat.of(huge).toBigDecimal().subtract(huge).abs().divide(huge);
    assertTrue(relativeError.compareTo(BigDecimal.ONE.movePointLeft(19)) < 0);
    assertEquals(f("1e100"), BinaryFloat.of(new BigDecimal("1e100")));
    assertEquals(BigInteger.TWO, BinaryFloat.of(new BigDecimal("2.5")).truncate());
    assertEquals(BigInteger.ZERO, BinaryFloat.of(new BigDecimal("0.0")).truncate());
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource({
      // 2^64 + 1 needs 65 bits; the tie goes to the even 2^64.
      "18446744073709551617, 18446744073709551616",
      // 2^64 + 3 ties between 2^64 + 2 and 2^64 + 4; 2^64 + 4 has the even mantissa.
      "18446744073709551619, 18446744073709551620",
      "18446744073709551615, 18446744073709551615",
      "0.1, 0.1",
      "-2.5, -2.5",
      "123456789.123456789, 123456789.123456789",
  })
  void roundsToNearestEvenAndPrintsTheShortestDecimal(String text, String expected) {
    assertEquals(NumberValue.parse(expected), f(text).toNumber());
  }

  @Test
  void printsTheShortestDecimalThatIdentifiesTheValue() {
    assertEquals(NumberValue.parse("0.33333333333333333334"), f("1").divide(f("3"), P).toNumber());
    assertEquals(NumberValue.parse("0.6666666666666666667"), f("2").divide(f("3"), P).toNumber());
    assertEquals(NumberValue.parse("3.3000000000000000002"), f("1.1").multiply(f("3"), P).toNumber());
    assertEquals(NumberValue.parse("1e30"), f("1e30").toNumber());
  }

  @Test
  void roundsToTheRequestedPrecision() {
    BinaryFloat one = BinaryFloat.ofDouble(1.0);
    BinaryFloat product = one.multiply(f("1.1"), one.precision()).multiply(f("3"), one.precision());
    assertEquals(BinaryFloat.DOUBLE_PRECISION, product.precision());
    assertEquals(NumberValue.parse("3.3000000000000003"), product.toNumber());
  }

  @Test
  void addsAcrossDistantExponents() {
    assertEquals(NumberValue.parse("1e20"), f("1e20").add(f("1e-20"), P).toNumber());
    assertEquals(NumberValue.parse("0.3"), f("0.1").add(f("0.2"), P).toNumber());
    assertEquals(NumberValue.ZERO, f("0.1").subtract(f("0.1"), P).toNumber());
  }

  @Test
  void truncatesTowardZero() {
    assertEquals(BigInteger.valueOf(2), f("2.9").truncate());
    assertEquals(BigInteger.valueOf(-2), f("-2.9").truncate());
    assertEquals(BigInteger.ZERO, f("-0.5").truncate());
    assertEquals(new BigInteger("18446744073709551616"), f("18446744073709551617").truncate());
  }

  @Test
  void knowsWholeNumbers() {
    assertTrue(f("4").isInteger());
    assertTrue(f("1e30").isInteger());
    assertTrue(BinaryFloat.zero(P).isInteger());
    assertTrue(!f("4.5").isInteger());
  }

  @Test
  void refusesDivisionByZero() {
    assertThrows(ArithmeticException.class, () -> f("1").divide(BinaryFloat.zero(P), P));
  }

  @Test
  void refusesNumbersBeyondTheSupportedMagnitude() {
    assertThrows(BuiltinException.class, () -> f("1e10001"));
    assertThrows(BuiltinException.class, () -> f("1e-10001"));
    assertEquals(NumberValue.parse("1e10000"), f("1e10000").toNumber());
    assertEquals(NumberValue.parse("1e-10000"), f("1e-10000").toNumber());
  }

  @Test
  void readsBackEveryDecimalOfNineteenDigits() {
    // 64 bits hold more than 19 decimal digits, so the shortest decimal of a parsed 19-digit
    // number is that number. A fixed seed keeps the sample the same on every run.
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      long digits = Math.floorMod(random.nextLong(), 10_000_000_000_000_000L) * (random.nextBoolean() ? 1 : -1);
      BigDecimal x = BigDecimal.valueOf(digits, random.nextInt(80) - 40);
      assertEquals(NumberValue.of(x), BinaryFloat.of(NumberValue.of(x)).toNumber(), x.toString());
    }
  }
}
