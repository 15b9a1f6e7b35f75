package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.numeric.ExactNumbers.integerOperand;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.NumberValue;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The bitwise built-ins {@code bits.and}, {@code bits.or}, {@code bits.xor}, {@code bits.negate},
 * {@code bits.lsh} and {@code bits.rsh}, on integers of any size in two's complement, as Go's
 * {@code big.Int} computes them.
 */
public final class Bits implements BuiltinFamily {
  /**
   * The widest result a left shift may produce. OPA allocates whatever a shift asks for; a bound
   * keeps one expression from exhausting memory, far beyond any width a policy uses.
   */
  private static final int MAX_SHIFTED_BITS = 1 << 18;

  private static final BigInteger UNSIGNED_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  @Override
  public void register(Builtins.Registrar r) {
    binary(r, "bits.and", "y", BigInteger::and);
    binary(r, "bits.or", "y", BigInteger::or);
    binary(r, "bits.xor", "y", BigInteger::xor);
    r.function("bits.negate", List.of(Type.named("x", Type.NUMBER)), Type.named("z", Type.NUMBER),
        (ctx, a) -> NumberValue.of(integerOperand(a, 1).not()));
    binary(r, "bits.lsh", "s", Bits::shiftLeft);
    binary(r, "bits.rsh", "s", Bits::shiftRight);
  }

  /** A built-in of two integers; OPA names the second operand {@code s} for shifts, {@code y} otherwise. */
  private static void binary(Builtins.Registrar r, String name, String second, BinaryOperator<BigInteger> op) {
    r.function(name, List.of(Type.named("x", Type.NUMBER), Type.named(second, Type.NUMBER)),
        Type.named("z", Type.NUMBER),
        (ctx, a) -> NumberValue.of(op.apply(integerOperand(a, 1), integerOperand(a, 2))));
  }

  /** The shift count as Go reads it: unsigned, from the low 64 bits. */
  private static long shiftCount(BigInteger s) {
    if (s.signum() < 0) {
      throw BuiltinException.type("operand 2 must be an unsigned integer number but got a negative integer");
    }
    BigInteger low = s.and(UNSIGNED_64);
    return low.bitLength() > 63 ? Long.MAX_VALUE : low.longValue();
  }

  private static BigInteger shiftLeft(BigInteger x, BigInteger s) {
    long shift = shiftCount(s);
    if (x.signum() == 0) {
      return x;
    }
    if (shift > MAX_SHIFTED_BITS - x.bitLength()) {
      throw BuiltinException.error("shift count too large: result would exceed " + MAX_SHIFTED_BITS + " bits");
    }
    return x.shiftLeft((int) shift);
  }

  /** An arithmetic shift: rounds toward negative infinity, so shifting everything out leaves 0 or -1. */
  private static BigInteger shiftRight(BigInteger x, BigInteger s) {
    long shift = shiftCount(s);
    if (shift >= x.bitLength()) {
      return x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
    }
    return x.shiftRight((int) shift);
  }
}
