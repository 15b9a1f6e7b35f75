package io.kubepolicies.rego.builtins.jsonschema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written the way Go prints a {@code *big.Float} with {@code %v}, i.e. {@code Text('g', 10)}:
 * ten significant digits, plain notation unless the exponent is below -4 or reaches the precision.
 * OPA's schema errors print their bounds this way ({@code Must be less than or equal to 1e+21}).
 */
final class GoFloatText {
  private static final int PRECISION = 10;

  private GoFloatText() {}

  static String of(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal rounded = value.abs().round(new MathContext(PRECISION, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    String digits = rounded.unscaledValue().toString();
    int count = digits.length();
    int point = count - rounded.scale(); // position of the decimal point relative to the digits
    String sign = value.signum() < 0 ? "-" : "";
    int exponentLimit = PRECISION > count && count >= point ? count : PRECISION;
    int exponent = point - 1;
    if (exponent < -4 || exponent >= exponentLimit) {
      StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
      if (count > 1) {
        sb.append('.').append(digits, 1, count);
      }
      int abs = Math.abs(exponent);
      return sb.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs).toString();
    }
    return sign + rounded.toPlainString();
  }
}
