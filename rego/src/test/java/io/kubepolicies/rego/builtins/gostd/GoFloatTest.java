package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {
  @ParameterizedTest
  @CsvSource({
      "0.1, 0.1",
      "1.0E21, 1E+21",
      "1.7976931348623157E308, 1.7976931348623157E+308",
      "4.9E-324, 5E-324",
      "-2.5, -2.5",
      "0.0, 0"
  })
  void shortestReadsBackAsTheSameDouble(double v, String expected) {
    assertEquals(new BigDecimal(expected), GoFloat.shortest(v));
  }

  @Test
  void shortestLooksBelowAPowerOfTwoWhereTheGapIsNarrower() {
    // 2^-1017: the nearest 16-digit decimal does not read back, the one on the other side does
    assertEquals(new BigDecimal("7.120236347223045E-307"), GoFloat.shortest(Math.scalb(1.0, -1017)));
    assertEquals("7.120236347223045e-307", GoFloat.format(Math.scalb(1.0, -1017), 'g', -1));
  }

  @Test
  void shortestGeneralFormatSwitchesToExponentsOutsideOneMillion() {
    assertEquals("100000", GoFloat.format(1e5, 'g', -1));
    assertEquals("1e+06", GoFloat.format(1e6, 'g', -1));
    assertEquals("0.0001", GoFloat.format(1e-4, 'g', -1));
    assertEquals("1e-05", GoFloat.format(1e-5, 'g', -1));
    assertEquals("-0", GoFloat.format(-0.0, 'g', -1));
  }

  @Test
  void float32UsesItsOwnShortestDigits() {
    assertEquals("0.1", GoFloat.formatShortest(0.1f, 'g'));
    assertEquals("3.4028235e+38", GoFloat.formatShortest(Float.MAX_VALUE, 'g'));
    assertEquals("-0", GoFloat.formatShortest(-0.0f, 'g'));
  }

  @ParameterizedTest
  @CsvSource({
      "1E+21, 1e+21",
      "12345678901, 1.23456789e+10",
      "1234567890, 1234567890",
      "0.5, 0.5",
      "-0.00001, -1e-05",
      "0.0001, 0.0001",
      "3.14159265358979, 3.141592654",
      "0, 0"
  })
  void formatsExactDecimalsWithAPrecision(String value, String expected) {
    assertEquals(expected, GoFloat.format(new BigDecimal(value), 'g', 10));
  }
}
