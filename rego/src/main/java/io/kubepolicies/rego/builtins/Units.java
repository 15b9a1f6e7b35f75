package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.numeric.BinaryFloat;
import io.kubepolicies.rego.builtins.units.Quantity;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code units.parse} and {@code units.parse_bytes} ({@code v1/topdown/parse_units.go},
 * {@code parse_bytes.go}). {@code units.parse} computes exactly, as OPA does with {@code big.Rat};
 * its milli factor is the binary double nearest 0.001, and non-integer results keep ten decimals.
 * {@code units.parse_bytes} computes in 64-bit binary floating point and truncates, as OPA does with
 * {@code big.Float}.
 */
public final class Units implements BuiltinFamily {
  private static final BigInteger K = BigInteger.valueOf(1000);
  private static final BigInteger KI = BigInteger.valueOf(1024);
  private static final BigDecimal MILLI = new BigDecimal(0.001);

  /** Factors of {@code units.parse}; its unit has every letter after the first lower-cased. */
  private static final Map<String, BigInteger> SI = Map.ofEntries(
      Map.entry("", BigInteger.ONE),
      Map.entry("k", K), Map.entry("K", K), Map.entry("ki", KI), Map.entry("Ki", KI),
      Map.entry("M", K.pow(2)), Map.entry("mi", KI.pow(2)), Map.entry("Mi", KI.pow(2)),
      Map.entry("g", K.pow(3)), Map.entry("G", K.pow(3)), Map.entry("gi", KI.pow(3)), Map.entry("Gi", KI.pow(3)),
      Map.entry("t", K.pow(4)), Map.entry("T", K.pow(4)), Map.entry("ti", KI.pow(4)), Map.entry("Ti", KI.pow(4)),
      Map.entry("p", K.pow(5)), Map.entry("P", K.pow(5)), Map.entry("pi", KI.pow(5)), Map.entry("Pi", KI.pow(5)),
      Map.entry("e", K.pow(6)), Map.entry("E", K.pow(6)), Map.entry("ei", KI.pow(6)), Map.entry("Ei", KI.pow(6)));

  /** Factors of {@code units.parse_bytes}, whose unit is lower-cased whole. */
  private static final Map<String, BigInteger> BYTES = Map.ofEntries(
      Map.entry("", BigInteger.ONE),
      Map.entry("kb", K), Map.entry("k", K), Map.entry("kib", KI), Map.entry("ki", KI),
      Map.entry("mb", K.pow(2)), Map.entry("m", K.pow(2)), Map.entry("mib", KI.pow(2)), Map.entry("mi", KI.pow(2)),
      Map.entry("gb", K.pow(3)), Map.entry("g", K.pow(3)), Map.entry("gib", KI.pow(3)), Map.entry("gi", KI.pow(3)),
      Map.entry("tb", K.pow(4)), Map.entry("t", K.pow(4)), Map.entry("tib", KI.pow(4)), Map.entry("ti", KI.pow(4)),
      Map.entry("pb", K.pow(5)), Map.entry("p", K.pow(5)), Map.entry("pib", KI.pow(5)), Map.entry("pi", KI.pow(5)),
      Map.entry("eb", K.pow(6)), Map.entry("e", K.pow(6)), Map.entry("eib", KI.pow(6)), Map.entry("ei", KI.pow(6)));

  @Override
  public void register(Builtins.Registrar r) {
    r.function("units.parse", List.of(Type.STRING), Type.NUMBER, (ctx, a) -> parse(a));
    r.function("units.parse_bytes", List.of(Type.STRING), Type.NUMBER, (ctx, a) -> parseBytes(a));
  }

  private static Value parse(Value[] a) {
    Quantity q = split(Operands.string(a, 1).replace("\"", ""), "units.parse", "no amount provided");
    String unit = q.unit().length() > 1
        ? q.unit().charAt(0) + q.unit().substring(1).toLowerCase(Locale.ROOT) : q.unit();
    BigDecimal factor = unit.equals("m") ? MILLI : factor(SI, unit, "units.parse: unit ");
    BigDecimal amount = amount(q, "units.parse: could not parse amount to a number");
    BigDecimal value = amount.multiply(factor);
    if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
      return NumberValue.of(value);
    }
    return NumberValue.of(value.setScale(10, RoundingMode.HALF_UP));
  }

  private static Value parseBytes(Value[] a) {
    String s = Operands.string(a, 1).toLowerCase(Locale.ROOT).replace("\"", "");
    Quantity q = split(s, "units.parse_bytes", "no byte amount provided");
    BigDecimal factor = factor(BYTES, q.unit(), "units.parse_bytes: byte unit ");
    BigDecimal amount = amount(q, "units.parse_bytes: could not parse byte amount to a number");
    BinaryFloat bytes = BinaryFloat.of(amount).multiply(BinaryFloat.of(factor), BinaryFloat.NUMBER_PRECISION);
    return NumberValue.of(bytes.truncate());
  }

  private static Quantity split(String s, String name, String noAmount) {
    if (s.contains(" ")) {
      throw BuiltinException.error(name + ": spaces not allowed in resource strings");
    }
    Quantity q;
    try {
      q = Quantity.split(s);
    } catch (Quantity.ExponentTooLarge e) {
      throw BuiltinException.error(name + ": exponent too large");
    }
    if (q.amount().isEmpty()) {
      throw BuiltinException.error(name + ": " + noAmount);
    }
    return q;
  }

  private static BigDecimal factor(Map<String, BigInteger> factors, String unit, String unknownPrefix) {
    BigInteger f = factors.get(unit);
    if (f == null) {
      throw BuiltinException.error(unknownPrefix + unit + " not recognized");
    }
    return new BigDecimal(f);
  }

  private static BigDecimal amount(Quantity q, String message) {
    try {
      return new BigDecimal(q.amount());
    } catch (NumberFormatException e) {
      throw BuiltinException.error(message);
    }
  }
}
