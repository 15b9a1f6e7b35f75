package io.kubepolicies.rego.builtins.time;

import static io.kubepolicies.rego.builtins.TestTerms.arr;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTest {
  /** Thu Feb 4 21:00:57.012345600 PST 2009, the instant Go's own format tests use. */
  private static final long GO_REFERENCE = 1233810057012345600L;

  private final FamilyCalls utcLocal = new FamilyCalls(new Time(new Zones("UTC")));
  private final FamilyCalls pacificLocal = new FamilyCalls(new Time(new Zones("America/Los_Angeles")));

  private static void assertBuiltinError(String message, BuiltinException e) {
    assertEquals(RegoError.EVAL_BUILTIN, e.code());
    assertEquals(message, e.getMessage());
  }

  private static void assertTypeError(String message, BuiltinException e) {
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals(message, e.getMessage());
  }

  private static NumberValue ns(String isoInstant) {
    Instant t = Instant.parse(isoInstant);
    return NumberValue.of(t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }

  @Test
  void nowIsTheQueryClock() {
    TestContext fixed = new TestContext(42L);
    assertEquals(num(42), utcLocal.call(fixed, "time.now_ns"));
    assertEquals(num(42), utcLocal.call(fixed, "time.now_ns"));
  }

  @Nested
  class ParseRfc3339 {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "1970-01-01T00:00:00Z | 1970-01-01T00:00:00Z",
      "2006-01-02T15:04:05+07:00 | 2006-01-02T08:04:05Z",
      "2010-02-04T21:00:57.012345678-08:00 | 2010-02-05T05:00:57.012345678Z",
      "2010-02-04T21:00:57,5Z | 2010-02-04T21:00:57.5Z",
      "2010-02-04T21:00:57.0123456789Z | 2010-02-04T21:00:57.012345678Z",
      "2000-01-01T00:00:00+24:00 | 1999-12-31T00:00:00Z",
    })
    void parsesToNanoseconds(String value, String instant) {
      assertEquals(ns(instant), utcLocal.call("time.parse_rfc3339_ns", str(value)));
    }

    @Test
    void reachesTheInt64Extremes() {
      assertEquals(num(Long.MIN_VALUE), utcLocal.call("time.parse_rfc3339_ns", str("1677-09-21T00:12:43.145224192Z")));
      assertEquals(num(Long.MAX_VALUE), utcLocal.call("time.parse_rfc3339_ns", str("2262-04-11T23:47:16.854775807Z")));
    }

    @ParameterizedTest
    @CsvSource({"1677-09-21T00:12:43.145224191Z", "2262-04-11T23:47:16.854775808Z", "0001-01-01T00:00:00Z"})
    void rejectsTimesOutsideTheInt64Range(String value) {
      assertBuiltinError("time outside of valid range", utcLocal.failure("time.parse_rfc3339_ns", str(value)));
    }

    @Test
    void reportsGoParseErrors() {
      assertBuiltinError("parsing time \"2006-01-02T15:04_abc\" as \"2006-01-02T15:04:05Z07:00\": cannot parse "
          + "\"_abc\" as \":\"", utcLocal.failure("time.parse_rfc3339_ns", str("2006-01-02T15:04_abc")));
      assertBuiltinError("parsing time \"2006-01-02T15:04:05_abc\" as \"2006-01-02T15:04:05Z07:00\": cannot parse "
          + "\"_abc\" as \"Z07:00\"", utcLocal.failure("time.parse_rfc3339_ns", str("2006-01-02T15:04:05_abc")));
      assertBuiltinError("parsing time \"2006-01-02T15:04:05Z_abc\": extra text: \"_abc\"",
          utcLocal.failure("time.parse_rfc3339_ns", str("2006-01-02T15:04:05Z_abc")));
      assertBuiltinError("parsing time \"2006-01-02T15:04:05Z07:00\": extra text: \"07:00\"",
          utcLocal.failure("time.parse_rfc3339_ns", str("2006-01-02T15:04:05Z07:00")));
      assertBuiltinError("parsing time \"2010-02-04T21:00:67.012345678-08:00\": second out of range",
          utcLocal.failure("time.parse_rfc3339_ns", str("2010-02-04T21:00:67.012345678-08:00")));
      assertBuiltinError("parsing time \"2010-02-30T00:00:00Z\": day out of range",
          utcLocal.failure("time.parse_rfc3339_ns", str("2010-02-30T00:00:00Z")));
      assertBuiltinError("parsing time \"\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"2006\"",
          utcLocal.failure("time.parse_rfc3339_ns", str("")));
    }

    @Test
    void rejectsANonString() {
      assertTypeError("operand 1 must be string but got number", utcLocal.failure("time.parse_rfc3339_ns", num(1)));
    }
  }

  @Nested
  class ParseWithLayout {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "ANSIC | Thu Feb  4 21:00:57 2010 | 2010-02-04T21:00:57Z",
      "ANSIC | Thu      Feb     4     21:00:57     2010 | 2010-02-04T21:00:57Z",
      "ANSIC | THU FEB 4 21:00:57 2010 | 2010-02-04T21:00:57Z",
      "ANSIC | thu feb 4 21:00:57.0123 2010 | 2010-02-04T21:00:57.0123Z",
      "RubyDate | Thu Feb 04 21:00:57 -0800 2010 | 2010-02-05T05:00:57Z",
      "RFC822Z | 04 Feb 10 21:00 -0800 | 2010-02-05T05:00:00Z",
      "RFC1123Z | Thu, 04 Feb 2010 21:00:57.01234 -0800 | 2010-02-05T05:00:57.01234Z",
      "RFC3339Nano | 2010-02-04T21:00:57.012345678-08:00 | 2010-02-05T05:00:57.012345678Z",
      "RFC850 | Thursday, 04-Feb-70 21:00:57 UTC | 1970-02-04T21:00:57Z",
      "2006-01-02 15:04:05-07 | 2010-02-04 21:00:57-08 | 2010-02-05T05:00:57Z",
      "2006-01-02 15:04:05 | 2010-02-04 21:00:57.0 | 2010-02-04T21:00:57Z",
      "Mon Jan _2 15:04:05,000 2006 | Thu Feb  4 21:00:57.012 2010 | 2010-02-04T21:00:57.012Z",
      "Mon Jan _2 15:04:05.000000000 2006 | Thu Feb  4 21:00:57.012345678 2010 | 2010-02-04T21:00:57.012345678Z",
      "2006.01.02.15.04.05.00 | 2010.02.04.21.00.57.01 | 2010-02-04T21:00:57.01Z",
      "2006-01-02 15:04:05.999 | 2010-02-04 21:00:57 | 2010-02-04T21:00:57Z",
      "2006-01-02 15:04:05.999 | 2010-02-04 21:00:57.0123456789999 | 2010-02-04T21:00:57.012345678Z",
      "Hi Janet, the Month is January: Jan _2 15:04:05 2006 | Hi Janet, the Month is February: Feb  4 21:00:57 2010 "
          + "| 2010-02-04T21:00:57Z",
      "2006-01-02 002 15:04:05 | 2010-02-04 035 21:00:57 | 2010-02-04T21:00:57Z",
      "2006-002 15:04:05 | 2010-035 21:00:57 | 2010-02-04T21:00:57Z",
      "200600204 15:04:05 | 201003504 21:00:57 | 2010-02-04T21:00:57Z",
      "2006-002 | 2020-060 | 2020-02-29T00:00:00Z",
      "2006-__2 | 2020- 61 | 2020-03-01T00:00:00Z",
      "15:04_20060102 | 14:38_20150618 | 2015-06-18T14:38:00Z",
      "2006-01-02 3:04PM | 2020-01-01 12:00AM | 2020-01-01T00:00:00Z",
      "2006-01-02 3:04PM | 2020-01-01 12:00PM | 2020-01-01T12:00:00Z",
      "2006-01-02 03:04pm | 2020-01-01 09:30pm | 2020-01-01T21:30:00Z",
      "2006-01-02T15:04:05-070000 | 2000-01-01T05:33:02-003408 | 2000-01-01T06:07:10Z",
      "2006-01-02T15:04:05-07:00:00 | 2000-01-01T05:33:02+00:34:08 | 2000-01-01T04:58:54Z",
      "2006-01-02T15:04:05Z07 | 2000-01-01T05:33:02-02 | 2000-01-01T07:33:02Z",
      "2006-01-02T15:04:05Z0700 | 2000-01-01T05:33:02Z | 2000-01-01T05:33:02Z",
      "January 2 2006 | june 7 1999 | 1999-06-07T00:00:00Z",
      "06 1 2 | 68 1 2 | 2068-01-02T00:00:00Z",
      "06 1 2 | 69 1 2 | 1969-01-02T00:00:00Z",
    })
    void parsesByGoLayouts(String layout, String value, String instant) {
      assertEquals(ns(instant), utcLocal.call("time.parse_ns", str(layout), str(value)));
    }

    @Test
    void unknownZoneAbbreviationsLeaveTheTimeAsUtc() {
      assertEquals(ns("2010-02-04T21:00:57Z"),
          utcLocal.call("time.parse_ns", str("UnixDate"), str("Thu Feb  4 21:00:57 PST 2010")));
      assertEquals(ns("2010-02-05T05:00:57Z"),
          utcLocal.call("time.parse_ns", str("UnixDate"), str("Fri Feb  5 05:00:57 GMT-8 2010")));
      assertEquals(ns("2010-02-04T21:00:57Z"),
          utcLocal.call("time.parse_ns", str("UnixDate"), str("Thu Feb  4 21:00:57 UTC 2010")));
    }

    @Test
    void abbreviationsOfTheLocalZoneTakeTheirOffset() {
      assertEquals(ns("2010-02-05T05:00:57Z"),
          pacificLocal.call("time.parse_ns", str("UnixDate"), str("Thu Feb  4 21:00:57 PST 2010")));
      // PDT is not in effect in February, but the name is the zone's, so its offset applies.
      assertEquals(ns("2010-02-05T05:00:57Z"),
          pacificLocal.call("time.parse_ns", str("RFC1123"), str("Thu, 04 Feb 2010 22:00:57 PDT")));
    }

    @Test
    void anOffsetOfMinusOneSecondIsIgnoredAsInGo() {
      assertEquals(ns("2000-01-01T00:00:00Z"),
          utcLocal.call("time.parse_ns", str("2006-01-02T15:04:05-07:00:00"), str("2000-01-01T00:00:00-00:00:01")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "ANSIC | Feb  4 21:00:60 2010 | parsing time \"Feb  4 21:00:60 2010\" as \"Mon Jan _2 15:04:05 2006\": "
          + "cannot parse \"Feb  4 21:00:60 2010\" as \"Mon\"",
      "ANSIC | Thu Feb  4 21:00:57 @2010 | parsing time \"Thu Feb  4 21:00:57 @2010\" as "
          + "\"Mon Jan _2 15:04:05 2006\": cannot parse \"@2010\" as \"2006\"",
      "ANSIC | Thu Feb  4 21:00:60 2010 | parsing time \"Thu Feb  4 21:00:60 2010\": second out of range",
      "ANSIC | Thu Feb  4 21:61:57 2010 | parsing time \"Thu Feb  4 21:61:57 2010\": minute out of range",
      "ANSIC | Thu Feb  4 24:00:60 2010 | parsing time \"Thu Feb  4 24:00:60 2010\": hour out of range",
      "ANSIC | Thu Feb 29 21:00:57 2010 | parsing time \"Thu Feb 29 21:00:57 2010\": day out of range",
      "ANSIC | Thu Dec 00 21:00:57 2010 | parsing time \"Thu Dec 00 21:00:57 2010\": day out of range",
      "Mon Jan _2 15:04:05.000 2006 | Thu Feb  4 23:00:59x01 2010 | parsing time \"Thu Feb  4 23:00:59x01 2010\" as "
          + "\"Mon Jan _2 15:04:05.000 2006\": cannot parse \"x01 2010\" as \".000\"",
      "Mon Jan _2 15:04:05.000 2006 | Thu Feb  4 23:00:59.-123 2010 | parsing time "
          + "\"Thu Feb  4 23:00:59.-123 2010\": fractional second out of range",
      "Jan _2 15:04:05.000000000 | Dec  7 11:22:01.000000 | parsing time \"Dec  7 11:22:01.000000\" as "
          + "\"Jan _2 15:04:05.000000000\": cannot parse \".000000\" as \".000000000\"",
      "Jan _2 15:04:05.000000000 | Dec  7 11:22:01.0000000000 | parsing time \"Dec  7 11:22:01.0000000000\": "
          + "extra text: \"0\"",
      "Jan _2 002 2006 | Feb  4 034 2006 | parsing time \"Feb  4 034 2006\": day-of-year does not match day",
      "Jan _2 002 2006 | Feb  4 004 2006 | parsing time \"Feb  4 004 2006\": day-of-year does not match month",
      "2006 002 | 2006 366 | parsing time \"2006 366\": day-of-year out of range",
      "01-02 | 13-01 | parsing time \"13-01\": month out of range",
      "01 MST | 0 MST | parsing time \"0 MST\" as \"01 MST\": cannot parse \"0 MST\" as \"01\"",
      "_2 Jan 06 15:04 MST | 4 --- 00 00:00 GMT | parsing time \"4 --- 00 00:00 GMT\" as \"_2 Jan 06 15:04 MST\": "
          + "cannot parse \"--- 00 00:00 GMT\" as \"Jan\"",
      "2006-01-02 MST | 2006-01-02 utc | parsing time \"2006-01-02 utc\" as \"2006-01-02 MST\": "
          + "cannot parse \"utc\" as \"MST\"",
      "2006-01-02 -07:00 | 2006-01-02 +25:00 | parsing time \"2006-01-02 +25:00\": time zone offset hour out of range",
      "2006-01-02 -0700 | 2006-01-02 *0100 | parsing time \"2006-01-02 *0100\" as \"2006-01-02 -0700\": "
          + "cannot parse \"*0100\" as \"-0700\"",
      "3PM | 3XM | parsing time \"3XM\" as \"3PM\": cannot parse \"XM\" as \"PM\"",
    })
    void reportsGoParseErrors(String layout, String value, String message) {
      assertBuiltinError(message, utcLocal.failure("time.parse_ns", str(layout), str(value)));
    }

    @Test
    void quotesNonAsciiBytesTheWayGoDoes() {
      assertBuiltinError("parsing time \"\\xc3\\xa9\" as \"2006\": cannot parse \"\\xc3\\xa9\" as \"2006\"",
          utcLocal.failure("time.parse_ns", str("2006"), str("\u00e9")));
    }

    @Test
    void aTimeWithoutADateIsOutOfRange() {
      // Year 0: Go parses it, but it is far outside the int64 nanosecond range.
      assertBuiltinError("time outside of valid range", utcLocal.failure("time.parse_ns", str("3:04PM"), str("12:00PM")));
    }

    @Test
    void checksOperandTypes() {
      assertTypeError("operand 1 must be string but got number", utcLocal.failure("time.parse_ns", num(1), str("x")));
      assertTypeError("operand 2 must be string but got null",
          utcLocal.failure("time.parse_ns", str("2006"), io.kubepolicies.rego.value.NullValue.NULL));
    }
  }

  @Nested
  class ParseDuration {
    @ParameterizedTest
    @CsvSource({
      "0, 0",
      "+0, 0",
      "-0, 0",
      "5s, 5000000000",
      "30s, 30000000000",
      "1478s, 1478000000000",
      "-5s, -5000000000",
      "+5s, 5000000000",
      "-0s, 0",
      "5.0s, 5000000000",
      "5.6s, 5600000000",
      "5.s, 5000000000",
      ".5s, 500000000",
      "1.004s, 1004000000",
      "100.00100s, 100001000000",
      "10ns, 10",
      "11us, 11000",
      "13ms, 13000000",
      "14s, 14000000000",
      "15m, 900000000000",
      "16h, 57600000000000",
      "3h30m, 12600000000000",
      "10.5s4m, 250500000000",
      "-2m3.4s, -123400000000",
      "1h2m3s4ms5us6ns, 3723004005006",
      "39h9m14.425s, 140954425000000",
      "52763797000ns, 52763797000",
      "0.3333333333333333333h, 1200000000000",
      "9007199254740993ns, 9007199254740993",
      "9223372036854775807ns, 9223372036854775807",
      "9223372036854775.807us, 9223372036854775807",
      "9223372036s854ms775us807ns, 9223372036854775807",
      "-9223372036854775808ns, -9223372036854775808",
      "-9223372036854775.808us, -9223372036854775808",
      "-2562047h47m16.854775808s, -9223372036854775808",
      "0.100000000000000000000h, 360000000000",
      "0.830103483285477580700h, 2988372539827",
    })
    void parsesGoDurations(String text, long nanos) {
      assertEquals(num(nanos), utcLocal.call("time.parse_duration_ns", str(text)));
    }

    @Test
    void acceptsBothMicroSigns() {
      assertEquals(num(1000), utcLocal.call("time.parse_duration_ns", str("1\u00b5s")));
      assertEquals(num(1000), utcLocal.call("time.parse_duration_ns", str("1\u03bcs")));
      assertEquals(num(1000), utcLocal.call("time.parse_duration_ns", str("1us")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "'' | time: invalid duration \"\"",
      "- | time: invalid duration \"-\"",
      "s | time: invalid duration \"s\"",
      ". | time: invalid duration \".\"",
      "-. | time: invalid duration \"-.\"",
      ".s | time: invalid duration \".s\"",
      "+.s | time: invalid duration \"+.s\"",
      "3 | time: missing unit in duration \"3\"",
      "1d | time: unknown unit \"d\" in duration \"1d\"",
      "1h1 | time: missing unit in duration \"1h1\"",
      "1S | time: unknown unit \"S\" in duration \"1S\"",
      "9223372036854775810ns | time: invalid duration \"9223372036854775810ns\"",
      "9223372036854775808ns | time: invalid duration \"9223372036854775808ns\"",
      "-9223372036854775809ns | time: invalid duration \"-9223372036854775809ns\"",
      "9223372036854776us | time: invalid duration \"9223372036854776us\"",
      "3000000h | time: invalid duration \"3000000h\"",
      "9223372036854775.808us | time: invalid duration \"9223372036854775.808us\"",
      "9223372036854ms775us808ns | time: invalid duration \"9223372036854ms775us808ns\"",
    })
    void reportsGoDurationErrors(String text, String message) {
      assertBuiltinError(message, utcLocal.failure("time.parse_duration_ns", str(text)));
    }

    @Test
    void escapesNonAsciiInDurationErrors() {
      assertBuiltinError("time: invalid duration \"\\xef\\xbf\\xbd\"", utcLocal.failure("time.parse_duration_ns", str("\ufffd")));
      assertBuiltinError("time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"",
          utcLocal.failure("time.parse_duration_ns", str("1\u00e9")));
    }
  }

  @Nested
  class Format {
    private Value format(String zone, String layout) {
      return utcLocal.call("time.format", arr(num(GO_REFERENCE), str(zone), str(layout)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "ANSIC | Wed Feb  4 21:00:57 2009",
      "UnixDate | Wed Feb  4 21:00:57 PST 2009",
      "RubyDate | Wed Feb 04 21:00:57 -0800 2009",
      "RFC822 | 04 Feb 09 21:00 PST",
      "RFC822Z | 04 Feb 09 21:00 -0800",
      "RFC850 | Wednesday, 04-Feb-09 21:00:57 PST",
      "RFC1123 | Wed, 04 Feb 2009 21:00:57 PST",
      "RFC1123Z | Wed, 04 Feb 2009 21:00:57 -0800",
      "RFC3339 | 2009-02-04T21:00:57-08:00",
      "RFC3339Nano | 2009-02-04T21:00:57.0123456-08:00",
      "3:04PM | 9:00PM",
      "3pm | 9pm",
      "3PM | 9PM",
      "06 01 02 | 09 02 04",
      "Hi Janet, the Month is January | Hi Janet, the Month is February",
      "Jan _2 15:04:05 | Feb  4 21:00:57",
      "Jan _2 15:04:05.000 | Feb  4 21:00:57.012",
      "Jan _2 15:04:05.000000 | Feb  4 21:00:57.012345",
      "Jan _2 15:04:05.000000000 | Feb  4 21:00:57.012345600",
      "Jan _2 15:04:05,999 | Feb  4 21:00:57,012",
      "Jan  2 002 __2 2 | Feb  4 035  35 4",
      "Monday January 2 2006 | Wednesday February 4 2009",
      "-07 -07:00:00 Z07:00:00 -070000 | -08 -08:00:00 -08:00:00 -080000",
      "Kitchen | Kitchen",
    })
    void formatsLikeGo(String layout, String expected) {
      assertEquals(str(expected), format("America/Los_Angeles", layout));
    }

    @Test
    void defaultsToRfc3339NanoInUtc() {
      assertEquals(str("2009-02-05T05:00:57.0123456Z"), utcLocal.call("time.format", num(GO_REFERENCE)));
      assertEquals(str("2009-02-05T05:00:57.0123456Z"), utcLocal.call("time.format", arr(num(GO_REFERENCE))));
      assertEquals(str("2009-02-05T05:00:57.0123456Z"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str(""))));
      assertEquals(str("2009-02-05T05:00:57.0123456Z"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("UTC"), str(""))));
      assertEquals(str("1970-01-01T00:00:00Z"), utcLocal.call("time.format", num(0)));
    }

    @Test
    void formatsInNamedZones() {
      assertEquals(str("2009-02-05T00:00:57.0123456-05:00"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("EST"))));
      assertEquals(str("2009-02-05T13:00:57.0123456+08:00"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("ROC"))));
      assertEquals(str("2009-02-05T00:00:57.0123456-05:00"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("America/New_York"))));
      assertEquals(str("2009-02-05T10:30:57.0123456+05:30"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("Asia/Kolkata"))));
      assertEquals(str("Thu, 05 Feb 2009 05:00:57 UTC"), format("UTC", "RFC1123"));
      assertEquals(str("2009-02-05T05:00:57Z"), format("Europe/London", "RFC3339"));
      assertEquals(str("05 Feb 09 06:00 CET"), format("Europe/Berlin", "RFC822"));
      assertEquals(str("2009-07-01 02:00:00 CEST"),
          utcLocal.call("time.format", arr(ns("2009-07-01T00:00:00Z"), str("Europe/Berlin"), str("2006-01-02 15:04:05 MST"))));
    }

    @Test
    void namesZonesTheWayTheTzDatabaseDoes() {
      assumeTrue(Files.isRegularFile(Path.of("/usr/share/zoneinfo/Asia/Dubai")), "needs the system tz database");
      assertEquals(str("+04"), format("Asia/Dubai", "MST"));
      assertEquals(str("+0545"), format("Asia/Kathmandu", "MST"));
      assertEquals(str("-05"), format("Etc/GMT+5", "MST"));
      assertEquals(str("EST"), format("EST", "MST"));
      assertEquals(str("GMT"), format("Europe/Dublin", "MST"));
      assertEquals(str("IST"), utcLocal.call("time.format", arr(ns("2009-07-01T00:00:00Z"), str("Europe/Dublin"), str("MST"))));
    }

    @Test
    void formatsTheInt64Extremes() {
      assertEquals(str("1677-09-21T00:12:43.145224192Z"), utcLocal.call("time.format", num(Long.MIN_VALUE)));
      assertEquals(str("2262-04-11T23:47:16.854775807Z"), utcLocal.call("time.format", num(Long.MAX_VALUE)));
      assertEquals(str("1969-12-31T23:59:59.999999999Z"), utcLocal.call("time.format", num(-1)));
    }

    @Test
    void keepsNonAsciiLayoutText() {
      assertEquals(str("2009年02月05日"), utcLocal.call("time.format", arr(num(GO_REFERENCE), str("UTC"), str("2006年01月02日"))));
    }

    @Test
    void rejectsUnknownZones() {
      assertBuiltinError("unknown time zone Mars/Olympus_Mons", utcLocal.failure("time.format", arr(num(0), str("Mars/Olympus_Mons"))));
      assertBuiltinError("unknown time zone SystemV/EST5", utcLocal.failure("time.format", arr(num(0), str("SystemV/EST5"))));
      assertBuiltinError("unknown time zone utc", utcLocal.failure("time.format", arr(num(0), str("utc"))));
      assertBuiltinError("time: invalid location name", utcLocal.failure("time.format", arr(num(0), str("../../etc/passwd"))));
      assertBuiltinError("time: invalid location name", utcLocal.failure("time.format", arr(num(0), str("/etc/localtime"))));
    }

    @Test
    void acceptsTheLocalZone() {
      assertEquals(str("1970-01-01T00:00:00Z"), utcLocal.call("time.format", arr(num(0), str("Local"))));
      assertEquals(str("1969-12-31T16:00:00-08:00"), pacificLocal.call("time.format", arr(num(0), str("Local"))));
    }
  }

  @Nested
  class TimeOperands {
    @Test
    void rejectsMalformedTimeOperands() {
      String expected = "either number (ns) or [number (ns), string (tz)]";
      assertTypeError("operand 1 must be " + expected + " but got string", utcLocal.failure("time.date", str("0")));
      assertTypeError("operand 1 must be " + expected + " but got array", utcLocal.failure("time.date", arr()));
      assertTypeError("operand 1 must be number but got string", utcLocal.failure("time.clock", arr(str("0"))));
      assertTypeError("operand 1 must be string but got number", utcLocal.failure("time.weekday", arr(num(0), num(1))));
      assertTypeError("operand 1 must be string but got boolean",
          utcLocal.failure("time.format", arr(num(0), str("UTC"), io.kubepolicies.rego.value.BooleanValue.TRUE)));
    }

    @Test
    void everyComplaintNamesOperandOneAsOpaDoes() {
      assertTypeError("operand 1 must be either number (ns) or [number (ns), string (tz)] but got string",
          utcLocal.failure("time.diff", num(0), str("x")));
    }

    @Test
    void acceptsOnlyExactInt64Nanoseconds() {
      assertBuiltinError("timestamp too big", utcLocal.failure("time.date", NumberValue.of(new BigDecimal("1.5"))));
      assertBuiltinError("timestamp too big", utcLocal.failure("time.date", NumberValue.of(new BigDecimal("9223372036854775808"))));
      assertBuiltinError("timestamp too big", utcLocal.failure("time.date", NumberValue.of(new BigDecimal("1e30"))));
      assertBuiltinError("timestamp too big", utcLocal.failure("time.date", NumberValue.of(new BigDecimal("0.999"))));
    }

    @Test
    void fractionsBelowTheBinaryPrecisionRoundAway() {
      // OPA reads the number as a 64-bit-mantissa float: at 2^62 and above the ulp is 0.5 or more.
      assertEquals(str("2116-02-20T23:53:38.427387904Z"),
          utcLocal.call("time.format", NumberValue.of(new BigDecimal("4611686018427387904.25"))));
      assertEquals(str("2116-02-20T23:53:38.427387905Z"),
          utcLocal.call("time.format", NumberValue.of(new BigDecimal("4611686018427387904.75"))));
      assertBuiltinError("timestamp too big",
          utcLocal.failure("time.format", NumberValue.of(new BigDecimal("4611686018427387904.5"))));
      assertEquals(arr(num(1970), num(1), num(1)),
          utcLocal.call("time.date", NumberValue.of(new BigDecimal("0.99999999999999999999999"))));
    }

    @Test
    void acceptsIntegralDecimals() {
      assertEquals(arr(num(1970), num(1), num(1)), utcLocal.call("time.date", NumberValue.of(new BigDecimal("1.0"))));
    }
  }

  @Nested
  class CalendarFields {
    @Test
    void dateClockAndWeekdayInUtc() {
      assertEquals(arr(num(2009), num(2), num(5)), utcLocal.call("time.date", num(GO_REFERENCE)));
      assertEquals(arr(num(5), num(0), num(57)), utcLocal.call("time.clock", num(GO_REFERENCE)));
      assertEquals(str("Thursday"), utcLocal.call("time.weekday", num(GO_REFERENCE)));
      assertEquals(str("Thursday"), utcLocal.call("time.weekday", num(0)));
    }

    @Test
    void dateClockAndWeekdayInAZone() {
      Value t = arr(num(GO_REFERENCE), str("America/Los_Angeles"));
      assertEquals(arr(num(2009), num(2), num(4)), utcLocal.call("time.date", t));
      assertEquals(arr(num(21), num(0), num(57)), utcLocal.call("time.clock", t));
      assertEquals(str("Wednesday"), utcLocal.call("time.weekday", t));
    }

    @Test
    void ignoresALayoutElement() {
      assertEquals(arr(num(1970), num(1), num(1)), utcLocal.call("time.date", arr(num(0), str("UTC"), str("ignored"))));
    }

    @Test
    void handlesInstantsBeforeTheEpoch() {
      assertEquals(arr(num(1969), num(12), num(31)), utcLocal.call("time.date", num(-1)));
      assertEquals(arr(num(23), num(59), num(59)), utcLocal.call("time.clock", num(-1)));
      assertEquals(arr(num(1677), num(9), num(21)), utcLocal.call("time.date", num(Long.MIN_VALUE)));
      assertEquals(arr(num(0), num(12), num(43)), utcLocal.call("time.clock", num(Long.MIN_VALUE)));
      assertEquals(arr(num(2262), num(4), num(11)), utcLocal.call("time.date", num(Long.MAX_VALUE)));
    }
  }

  @Nested
  class AddDate {
    private Value addDate(Value t, long years, long months, long days) {
      return utcLocal.call("time.add_date", t, num(years), num(months), num(days));
    }

    @Test
    void addsYearsMonthsAndDays() {
      assertEquals(ns("1970-02-02T00:00:00Z"), addDate(num(0), 0, 0, 32));
      assertEquals(ns("1971-02-01T00:00:00Z"), addDate(num(0), 1, 1, 0));
      assertEquals(ns("1969-12-31T00:00:00Z"), addDate(num(0), 0, 0, -1));
      assertEquals(ns("2010-02-04T21:00:57.5Z"), addDate(ns("2009-02-04T21:00:57.5Z"), 1, 0, 0));
    }

    @Test
    void normalisesOverflowingMonthsAndDaysAsGo() {
      assertEquals(ns("2020-12-01T00:00:00Z"), addDate(ns("2020-10-31T00:00:00Z"), 0, 1, 0));
      assertEquals(ns("2021-03-03T00:00:00Z"), addDate(ns("2021-01-31T00:00:00Z"), 0, 1, 0));
      assertEquals(ns("2020-03-02T00:00:00Z"), addDate(ns("2020-03-31T00:00:00Z"), 0, -1, 0));
      assertEquals(ns("2021-03-01T00:00:00Z"), addDate(ns("2020-02-29T00:00:00Z"), 1, 0, 0));
      assertEquals(ns("1970-01-01T00:00:00Z"), addDate(ns("1969-01-01T00:00:00Z"), 0, 12, 0));
      assertEquals(ns("1968-12-01T00:00:00Z"), addDate(ns("1970-01-01T00:00:00Z"), 0, -13, 0));
    }

    @Test
    void keepsTheWallClockInTheOperandsZone() {
      // 12:00 EST on the day before the switch to daylight time, plus a day: 12:00 EDT.
      Value t = arr(ns("2021-03-13T17:00:00Z"), str("America/New_York"));
      assertEquals(ns("2021-03-14T16:00:00Z"), addDate(t, 0, 0, 1));
    }

    @Test
    void resolvesWallTimesInATransitionGapAsGo() {
      // 02:30 does not exist on 2021-03-14 in New York; Go lands on 01:30 EST.
      assertEquals(ns("2021-03-14T06:30:00Z"), addDate(arr(ns("2021-03-13T07:30:00Z"), str("America/New_York")), 0, 0, 1));
      // In Paris the gap moves forward instead: 02:30 becomes 03:30 CEST.
      assertEquals(ns("2021-03-28T01:30:00Z"), addDate(arr(ns("2021-03-27T01:30:00Z"), str("Europe/Paris")), 0, 0, 1));
    }

    @Test
    void rejectsResultsOutsideTheInt64Range() {
      assertBuiltinError("time outside of valid range", utcLocal.failure("time.add_date", num(0), num(300), num(0), num(0)));
      assertBuiltinError("time outside of valid range", utcLocal.failure("time.add_date", num(0), num(-300), num(0), num(0)));
      assertBuiltinError("time outside of valid range", utcLocal.failure("time.add_date", num(0), num(Long.MAX_VALUE), num(0), num(0)));
      assertBuiltinError("time outside of valid range",
          utcLocal.failure("time.add_date", num(0), num(0), num(Long.MIN_VALUE), num(Long.MIN_VALUE)));
    }

    @Test
    void requiresIntegerAmounts() {
      assertTypeError("operand 2 must be integer number but got floating-point number",
          utcLocal.failure("time.add_date", num(0), NumberValue.of(new BigDecimal("1.5")), num(0), num(0)));
      assertTypeError("operand 4 must be number but got string", utcLocal.failure("time.add_date", num(0), num(0), num(0), str("1")));
    }
  }

  @Nested
  class Diff {
    private Value diff(Value a, Value b) {
      return utcLocal.call("time.diff", a, b);
    }

    private static ArrayValue fields(long... values) {
      Value[] out = new Value[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = NumberValue.of(values[i]);
      }
      return ArrayValue.of(out);
    }

    @Test
    void isSymmetric() {
      Value a = ns("2021-01-01T00:00:00Z");
      Value b = ns("2022-03-04T05:06:07Z");
      assertEquals(fields(1, 2, 3, 5, 6, 7), diff(a, b));
      assertEquals(fields(1, 2, 3, 5, 6, 7), diff(b, a));
      assertEquals(fields(0, 0, 0, 0, 0, 0), diff(a, a));
    }

    @Test
    void borrowsDaysFromTheEarlierMonth() {
      // Jan 31 to Mar 2: two months less 29 days, and January has 31.
      assertEquals(fields(0, 1, 2, 0, 0, 0), diff(ns("2021-01-31T00:00:00Z"), ns("2021-03-02T00:00:00Z")));
      assertEquals(fields(0, 0, 1, 0, 0, 0), diff(ns("2021-02-28T00:00:00Z"), ns("2021-03-01T00:00:00Z")));
      assertEquals(fields(0, 0, 0, 23, 59, 59), diff(ns("2021-01-01T00:00:01Z"), ns("2021-01-02T00:00:00Z")));
      assertEquals(fields(0, 11, 30, 23, 59, 59), diff(ns("2020-01-01T00:00:01Z"), ns("2021-01-01T00:00:00Z")));
    }

    @Test
    void ignoresNanoseconds() {
      assertEquals(fields(0, 0, 0, 0, 0, 1), diff(ns("2021-01-01T00:00:00.999Z"), ns("2021-01-01T00:00:01Z")));
    }

    @Test
    void seesBothTimesInTheFirstOnesZone() {
      Value utc = ns("2021-01-01T03:00:00Z");
      Value ny = arr(ns("2020-12-31T23:00:00Z"), str("America/New_York"));
      // New York: 2020-12-31 18:00 to 22:00.
      assertEquals(fields(0, 0, 0, 4, 0, 0), diff(ny, utc));
      assertEquals(fields(0, 0, 0, 4, 0, 0), diff(utc, ny));
    }
  }
}
