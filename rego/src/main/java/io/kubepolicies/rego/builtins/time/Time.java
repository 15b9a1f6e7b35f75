package io.kubepolicies.rego.builtins.time;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * OPA's time built-ins: {@code time.now_ns}, parsing ({@code time.parse_ns} with Go layouts,
 * {@code time.parse_rfc3339_ns}, {@code time.parse_duration_ns}), formatting and calendar fields
 * ({@code time.format}, {@code time.date}, {@code time.clock}, {@code time.weekday}) and arithmetic
 * ({@code time.add_date}, {@code time.diff}). Times are int64 nanoseconds since the epoch, optionally
 * paired with an IANA zone name (and for {@code time.format} a layout).
 */
public final class Time implements BuiltinFamily {
  private static final String TIME_OPERAND = "either number (ns) or [number (ns), string (tz)]";

  /** The time operand: nanoseconds, or an array of nanoseconds, zone name and layout. */
  private static final Type TIME = Type.anyOf(Type.NUMBER, Type.tuple(Type.NUMBER, Type.STRING));
  private static final Type TIME_WITH_LAYOUT =
      Type.anyOf(Type.NUMBER, Type.tuple(Type.NUMBER, Type.STRING), Type.tuple(Type.NUMBER, Type.STRING, Type.STRING));

  private final Zones zones;

  public Time() {
    this(new Zones());
  }

  Time(Zones zones) {
    this.zones = zones;
  }

  @Override
  public void register(Builtins.Registrar r) {
    Type triple = Type.tuple(Type.NUMBER, Type.NUMBER, Type.NUMBER);
    r.function("time.now_ns", List.of(), Type.named("now", Type.NUMBER), (ctx, args) -> NumberValue.of(ctx.nowNanos()));
    r.function("time.parse_ns", List.of(Type.named("layout", Type.STRING), Type.named("value", Type.STRING)),
        Type.named("ns", Type.NUMBER), (ctx, args) -> {
      String layout = Operands.string(args, 1);
      String value = Operands.string(args, 2);
      return nanos(GoParse.parse(Layout.resolve(layout), value, zones.local()));
    });
    r.function("time.parse_rfc3339_ns", List.of(Type.named("value", Type.STRING)), Type.named("ns", Type.NUMBER),
        (ctx, args) -> nanos(GoParse.parse(Layout.RFC3339, Operands.string(args, 1), zones.local())));
    r.function("time.parse_duration_ns", List.of(Type.named("duration", Type.STRING)), Type.named("ns", Type.NUMBER),
        (ctx, args) -> NumberValue.of(GoDuration.parse(Operands.string(args, 1))));
    r.function("time.format", List.of(Type.named("x", TIME_WITH_LAYOUT)),
        Type.named("formatted timestamp", Type.STRING), (ctx, args) -> {
      TimeOperand t = operand(args[0]);
      String layout = t.layout().isEmpty() ? Layout.RFC3339_NANO : Layout.resolve(t.layout());
      return StringValue.of(GoFormat.format(t.time(), layout));
    });
    r.function("time.date", List.of(Type.named("x", TIME)), Type.named("date", triple), (ctx, args) -> {
      LocalDateTime t = operand(args[0]).time().local();
      return numbers(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    });
    r.function("time.clock", List.of(Type.named("x", TIME)), Type.named("output", triple), (ctx, args) -> {
      LocalDateTime t = operand(args[0]).time().local();
      return numbers(t.getHour(), t.getMinute(), t.getSecond());
    });
    r.function("time.weekday", List.of(Type.named("x", TIME)), Type.named("day", Type.STRING),
        (ctx, args) -> StringValue.of(GoFormat.weekdayName(operand(args[0]).time().local())));
    r.function("time.add_date",
        List.of(Type.named("ns", Type.NUMBER), Type.named("years", Type.NUMBER), Type.named("months",
            Type.NUMBER), Type.named("days", Type.NUMBER)),
        Type.named("output", Type.NUMBER),
        (ctx, args) -> addDate(operand(args[0]).time(), Operands.longInteger(args, 2), Operands.longInteger(args, 3),
            Operands.longInteger(args, 4)));
    r.function("time.diff", List.of(Type.named("ns1", TIME), Type.named("ns2", TIME)),
        Type.named("output", Type.tuple(Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.NUMBER, Type.NUMBER)),
        (ctx, args) -> diff(operand(args[0]).time(), operand(args[1]).time()));
  }

  private record TimeOperand(ZonedTime time, String layout) {}

  /** OPA's tzTime; every complaint names operand 1, whichever operand it is, as OPA's does. */
  private TimeOperand operand(Value v) {
    Value ns;
    Zone zone = Zone.UTC;
    String layout = "";
    if (v instanceof ArrayValue a) {
      if (a.isEmpty()) {
        throw BuiltinException.operand(1, v, TIME_OPERAND);
      }
      ns = a.get(0);
      if (!(ns instanceof NumberValue)) {
        throw BuiltinException.operand(1, ns, "number");
      }
      if (a.size() > 1) {
        zone = zones.forName(elementString(a.get(1)));
      }
      if (a.size() > 2) {
        layout = elementString(a.get(2));
      }
    } else if (v instanceof NumberValue) {
      ns = v;
    } else {
      throw BuiltinException.operand(1, v, TIME_OPERAND);
    }
    long nanos = Nanos.of((NumberValue) ns);
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    return new TimeOperand(new ZonedTime(instant, zone), layout);
  }

  private static String elementString(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operand(1, v, "string");
  }

  /** Go's {@code AddDate}: the wall-clock date moved, overflowing months and days normalised. */
  private static Value addDate(ZonedTime t, long years, long months, long days) {
    LocalDateTime local = t.local();
    try {
      Instant result = GoCalendar.date(Math.addExact(local.getYear(), years),
          Math.addExact(local.getMonthValue(), months), Math.addExact(local.getDayOfMonth(), days),
          local.getHour(), local.getMinute(), local.getSecond(), local.getNano(), t.zone());
      return nanos(result);
    } catch (ArithmeticException | DateTimeException e) {
      throw Nanos.outOfRange();
    }
  }

  /**
   * The calendar difference {@code [years, months, days, hours, minutes, seconds]} between two times,
   * both seen in the first one's zone, earlier from later (OPA's algorithm, which ignores nanoseconds).
   */
  private static Value diff(ZonedTime first, ZonedTime second) {
    ZonedTime a = first;
    ZonedTime b = second.in(first.zone());
    if (a.instant().isAfter(b.instant())) {
      ZonedTime swap = a;
      a = b;
      b = swap;
    }
    LocalDateTime t1 = a.local();
    LocalDateTime t2 = b.local();
    int year = t2.getYear() - t1.getYear();
    int month = t2.getMonthValue() - t1.getMonthValue();
    int day = t2.getDayOfMonth() - t1.getDayOfMonth();
    int hour = t2.getHour() - t1.getHour();
    int min = t2.getMinute() - t1.getMinute();
    int sec = t2.getSecond() - t1.getSecond();
    if (sec < 0) {
      sec += 60;
      min--;
    }
    if (min < 0) {
      min += 60;
      hour--;
    }
    if (hour < 0) {
      hour += 24;
      day--;
    }
    if (day < 0) {
      day += YearMonth.of(t1.getYear(), t1.getMonthValue()).lengthOfMonth();
      month--;
    }
    if (month < 0) {
      month += 12;
      year--;
    }
    return numbers(year, month, day, hour, min, sec);
  }

  private static Value nanos(Instant t) {
    return NumberValue.of(Nanos.of(t));
  }

  private static ArrayValue numbers(long... values) {
    Value[] out = new Value[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = NumberValue.of(values[i]);
    }
    return ArrayValue.of(out);
  }
}
