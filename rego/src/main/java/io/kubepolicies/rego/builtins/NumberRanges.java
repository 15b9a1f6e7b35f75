package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.numeric.ExactNumbers;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Integer ranges and random integers: {@code numbers.range}, {@code numbers.range_step} and
 * {@code rand.intn}, as in OPA's {@code topdown/numbers.go}.
 */
public final class NumberRanges implements BuiltinFamily {
  /** How many elements a range builds between checks for cancellation. */
  private static final int CANCEL_CHECK_INTERVAL = 1024;

  @Override
  public void register(Builtins.Registrar r) {
    Type numbers = Type.arrayOf(Type.NUMBER);
    r.function("numbers.range", List.of(Type.NUMBER, Type.NUMBER), numbers,
        (ctx, a) -> range(ctx, integer(a, 1), integer(a, 2), BigInteger.ONE));
    r.function("numbers.range_step", List.of(Type.NUMBER, Type.NUMBER, Type.NUMBER), numbers, (ctx, a) -> {
      BigInteger from = integer(a, 1);
      BigInteger to = integer(a, 2);
      BigInteger step = integer(a, 3);
      if (step.signum() <= 0) {
        // OPA's error text carries the name itself, and the name is prefixed again as for any
        // built-in error, so it appears twice.
        throw BuiltinException.error("numbers.range_step: step must be a positive integer");
      }
      return range(ctx, from, to, step);
    });
    r.function("rand.intn", List.of(Type.STRING, Type.NUMBER), Type.NUMBER, NumberRanges::randomInt);
  }

  /** OPA's {@code BigIntOperand}, whose type error names "integer". */
  private static BigInteger integer(Value[] args, int position) {
    Value v = args[position - 1];
    if (!(v instanceof NumberValue n)) {
      throw BuiltinException.operand(position, v, "integer");
    }
    BigInteger i = ExactNumbers.integer(n);
    if (i == null) {
      throw floatingPoint(position);
    }
    return i;
  }

  private static BuiltinException floatingPoint(int position) {
    return BuiltinException.type("operand " + position + " must be integer number but got floating-point number");
  }

  /** From {@code from} to {@code to} inclusive, ascending or descending by {@code step}. */
  private static Value range(BuiltinContext ctx, BigInteger from, BigInteger to, BigInteger step) {
    boolean descending = from.compareTo(to) > 0;
    List<Value> out = new ArrayList<>();
    if (fitsLong(from) && fitsLong(to) && fitsLong(step)) {
      long i = from.longValue();
      long end = to.longValue();
      long s = descending ? -step.longValue() : step.longValue();
      for (; descending ? i >= end : i <= end; i += s) {
        out.add(NumberValue.of(i));
        checkCancelled(ctx, out.size());
      }
    } else {
      BigInteger s = descending ? step.negate() : step;
      int stop = descending ? -1 : 1;
      for (BigInteger i = from; i.compareTo(to) != stop; i = i.add(s)) {
        out.add(NumberValue.of(i));
        checkCancelled(ctx, out.size());
      }
    }
    return ArrayValue.of(out);
  }

  /** Small enough that adding two of them cannot overflow a long. */
  private static boolean fitsLong(BigInteger i) {
    return i.bitLength() < 63;
  }

  private static void checkCancelled(BuiltinContext ctx, int size) {
    if (size % CANCEL_CHECK_INTERVAL == 0) {
      ctx.checkCancelled();
    }
  }

  /**
   * A random integer in {@code [0, |n|)}, the same for the same string and bound throughout a query.
   * The bound is a Go int: an integer that fits in 64 bits.
   */
  private static Value randomInt(BuiltinContext ctx, Value[] args) {
    String seed = Operands.string(args, 1);
    NumberValue n = Operands.number(args, 2);
    if (!n.isLong()) {
      throw floatingPoint(2);
    }
    long bound = n.longValue();
    if (bound == 0) {
      return NumberValue.ZERO;
    }
    long magnitude = bound == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(bound);
    return ctx.memo(new RandIntnKey(seed, magnitude),
        k -> NumberValue.of(ThreadLocalRandom.current().nextLong(magnitude)));
  }

  /** The per-query memo key of one {@code rand.intn} call. */
  private record RandIntnKey(String seed, long bound) {}
}
