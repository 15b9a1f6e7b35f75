package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.numeric.ExactNumbers.integerOperand;

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
    r.function("numbers.range", List.of(Type.named("a", Type.NUMBER), Type.named("b", Type.NUMBER)),
        Type.named("range", numbers),
        (ctx, a) -> range(ctx, integerOperand(a, 1), integerOperand(a, 2), BigInteger.ONE));
    r.function("numbers.range_step",
        List.of(Type.named("a", Type.NUMBER), Type.named("b", Type.NUMBER), Type.named("step", Type.NUMBER)),
        Type.named("range", numbers), (ctx, a) -> {
      BigInteger from = integerOperand(a, 1);
      BigInteger to = integerOperand(a, 2);
      BigInteger step = integerOperand(a, 3);
      if (step.signum() <= 0) {
        // OPA's error text carries the name itself, and the name is prefixed again as for any
        // built-in error, so it appears twice.
        throw BuiltinException.error("numbers.range_step: step must be a positive integer");
      }
      return range(ctx, from, to, step);
    });
    r.function("rand.intn", List.of(Type.named("str", Type.STRING), Type.named("n", Type.NUMBER)),
        Type.named("y", Type.NUMBER), NumberRanges::randomInt);
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
    long bound = Operands.longInteger(args, 2);
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
