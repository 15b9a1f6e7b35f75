package io.kubepolicies.rego.builtins.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected texts were produced by Go's fmt.Sprintf with the same operands. */
class GoPrinterTest {
  private static void check(String expected, String format, GoValue... args) {
    assertEquals(expected, GoPrinter.sprintf(format, List.of(args)), format);
  }

  @Test
  void formatsIntegersWithFlagsWidthAndPrecision() {
    check("hi 05", "hi %02d", new GoValue.Int(5L));
    check("hi 7F.01", "hi %02X.%02X", new GoValue.Int(127L), new GoValue.Int(1L));
    check("ff|FF|0xff|010|0o10|101|0b101|-ff", "%x|%X|%#x|%#o|%O|%b|%#b|%x", new GoValue.Int(255L), new GoValue.Int(255L), new GoValue.Int(255L), new GoValue.Int(8L), new GoValue.Int(8L), new GoValue.Int(5L), new GoValue.Int(5L), new GoValue.Int(-255L));
    check("A|'A'|U+1F600|U+0041 'A'|\ufffd|'\ud83d\ude00'", "%c|%q|%U|%#U|%c|%q", new GoValue.Int(65L), new GoValue.Int(65L), new GoValue.Int(128512L), new GoValue.Int(65L), new GoValue.Int(-1L), new GoValue.Int(128512L));
    check("-0042|+42| 42|42|42   |  -42|007|     042||     |", "%05d|%+d|% d|%+v|%-5d|%5d|%.3d|%08.3d|%.0d|%5.0d|", new GoValue.Int(-42L), new GoValue.Int(42L), new GoValue.Int(42L), new GoValue.Int(42L), new GoValue.Int(42L), new GoValue.Int(-42L), new GoValue.Int(7L), new GoValue.Int(42L), new GoValue.Int(0L), new GoValue.Int(0L));
    check("-9223372036854775808", "%d", new GoValue.Int(Long.MIN_VALUE));
    check("U+FFFFFFFFFFFFFFFF|U+007F|U+000041", "%U|%#U|%.6U", new GoValue.Int(-1L), new GoValue.Int(127L), new GoValue.Int(65L));
  }

  @Test
  void formatsFloatsLikeStrconv() {
    check("hi 3.14", "hi %.2f", new GoValue.Float(3.1415));
    check("1.5|100000.5|1.2345675e+06|1e-05", "%v|%v|%v|%v", new GoValue.Float(1.5), new GoValue.Float(100000.5), new GoValue.Float(1234567.5), new GoValue.Float(0.00001));
    check("0.0001|1e+21", "%v|%v", new GoValue.Float(0.0001), new GoValue.Float(1e21));
    check("1.234568e+03|1.234568E+03|1.2345e-05|1E-07", "%e|%E|%g|%G", new GoValue.Float(1234.5678), new GoValue.Float(1234.5678), new GoValue.Float(0.000012345), new GoValue.Float(1e-7));
    check("1.234567895e+08|3.14|2|1.50000|2.|1.000e+00", "%g|%.3g|%.0g|%#g|%#.0f|%#.3e", new GoValue.Float(123456789.5), new GoValue.Float(3.14159), new GoValue.Float(2.5), new GoValue.Float(1.5), new GoValue.Float(2.5), new GoValue.Float(1.0));
    check("0.100000|   3.142|3.142   |+2.2|0.1|-003.142| 2.00", "%f|%8.3f|%-8.3f|%+.1f|%.1f|%08.3f|% .2f", new GoValue.Float(0.1), new GoValue.Float(3.14159), new GoValue.Float(3.14159), new GoValue.Float(2.25), new GoValue.Float(0.05), new GoValue.Float(-3.14159), new GoValue.Float(2.0));
    check("5e-324|1.7976931348623157e+308|0.30000000000000004|1e+23", "%v|%v|%v|%v", new GoValue.Float(5e-324), new GoValue.Float(1.7976931348623157e308), new GoValue.Float(0.30000000000000004), new GoValue.Float(1e23));
    check("3.14|     3.142|1.5       |123456", "%.3v|%10.4v|%-10v|%v", new GoValue.Float(3.14159), new GoValue.Float(3.14159), new GoValue.Float(1.5), new GoValue.Float(123456.0));
    check(" 99.50%", "%6.2f%%", new GoValue.Float(99.5));
    check("0.2|0|2|2|1.00", "%.1f|%.0f|%.0f|%.0f|%.2f", new GoValue.Float(0.25), new GoValue.Float(0.5), new GoValue.Float(1.5), new GoValue.Float(2.5), new GoValue.Float(1.005));
    check("0.000000e+00|5e-05|1e+100|1e-100", "%e|%.0e|%g|%g", new GoValue.Float(0.0), new GoValue.Float(5.0e-5), new GoValue.Float(1e100), new GoValue.Float(1e-100));
    check("0.1|0.10000000000000001|0.10000000000000000555|9.999e+00|1e-05", "%v|%.17g|%.20f|%.3e|%g", new GoValue.Float(0.1), new GoValue.Float(0.1), new GoValue.Float(0.1), new GoValue.Float(9.9995), new GoValue.Float(1e-05));
    check("2.5e-08|1.2345678901234568e+20|-0.000123", "%v|%v|%v", new GoValue.Float(2.5e-8), new GoValue.Float(123456789012345680000.0), new GoValue.Float(-0.000123));
  }

  @Test
  void formatsFloatsInBinaryAndHex() {
    check("%!d(float64=1.5)|%!s(float64=1.5)|0x1.8p+00|0X1.8P+00|6755399441055744p-52|0x1.8000p+00|0x1.80p+00|-0x1.8p+00", "%d|%s|%x|%X|%b|%#x|%8.2x|%+x", new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(1.5), new GoValue.Float(-1.5));
    check("0x1.8p+01|0X1.999999999999AP-04|0x1.55p-02|0x1.8p+00|0x1.2688b70e62bp-1030", "%x|%X|%.2x|%#.1x|%x", new GoValue.Float(3.0), new GoValue.Float(0.1), new GoValue.Float(0.3333333333333333), new GoValue.Float(1.5), new GoValue.Float(1e-310));
  }

  @Test
  void formatsStrings() {
    check("6869|68 69|0x68 0x69|6869|0X6869|      6869|6869  |", "%x|% x|%# x|%X|%#X|%10x|%-6x|", GoValue.Str.of("hi"), GoValue.Str.of("hi"), GoValue.Str.of("hi"), GoValue.Str.of("hi"), GoValue.Str.of("hi"), GoValue.Str.of("hi"), GoValue.Str.of("hi"));
    check("\"a\\\"b\"|`ab`|\"\\u00e9\\x01\"|\"tab\\there\"|\"back`q\"", "%q|%#q|%+q|%q|%#q", GoValue.Str.of("a\"b"), GoValue.Str.of("ab"), GoValue.Str.of("\u00e9\u0001"), GoValue.Str.of("tab\there"), GoValue.Str.of("back`q"));
    check("%!t(string=true)|x|y", "%t|%s|%v", GoValue.Str.of("true"), GoValue.Str.of("x"), GoValue.Str.of("y"));
    check("   ab|ab   |h|h\u00e9|000ab|  \"h\"", "%5s|%-5s|%.1s|%.2s|%05s|%5.1q", GoValue.Str.of("ab"), GoValue.Str.of("ab"), GoValue.Str.of("h\u00e9llo"), GoValue.Str.of("h\u00e9llo"), GoValue.Str.of("ab"), GoValue.Str.of("h\u00e9llo"));
    check("x %!d(MISSING)", "%v %d", GoValue.Str.of("x"));
  }

  @Test
  void formatsBigIntegersWithTheirOwnPaddingRules() {
    check("10000000000000001|0x10000000000000001|18446744073709551617|     18446744073709551617|%!q(big.Int=18446744073709551617)|+18446744073709551617|+18446744073709551617|%!e(big.Int=18446744073709551617)|18446744073709551617|18446744073709551617     |0000018446744073709551617|000000000018446744073709551617|0o2000000000000000000001|02000000000000000000001", "%x|%#x|%08d|%25d|%q|%+d|%+v|%e|%#v|%-25d|%025d|%.30d|%O|%#o", new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")), new GoValue.BigInt(new BigInteger("18446744073709551617")));
    check("123456789123456789123", "%s", new GoValue.BigInt(new BigInteger("123456789123456789123")));
    check("||-5      |-0000005", "%.0d|%5.0d|%-8d|%08d", new GoValue.BigInt(new BigInteger("0")), new GoValue.BigInt(new BigInteger("0")), new GoValue.BigInt(new BigInteger("-5")), new GoValue.BigInt(new BigInteger("-5")));
  }

  @Test
  void reportsMistakesAsGoDoes() {
    check("%!d(string=abc)", "%d", GoValue.Str.of("abc"));
    check("1 %!d(MISSING)", "%d %d", new GoValue.Int(1L));
    check("1%!(EXTRA int=2)", "%d", new GoValue.Int(1L), new GoValue.Int(2L));
    check("1%!(EXTRA string=a, float64=1.5, *big.Int=18446744073709551617)", "%d", new GoValue.Int(1L), GoValue.Str.of("a"), new GoValue.Float(1.5), new GoValue.BigInt(new BigInteger("18446744073709551617")));
    check("int|float64|string|*big.Int", "%T|%T|%T|%T", new GoValue.Int(1L), new GoValue.Float(1.5), GoValue.Str.of("a"), new GoValue.BigInt(new BigInteger("18446744073709551617")));
    check("%!|(int=1)%!z(MISSING)|%!!(MISSING)", "%|%z|%!", new GoValue.Int(1L));
    check("%!(NOVERB)", "%");
    check("2 1|%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)", "%[2]d %[1]d|%[3]d|%[0]d|%[x]d", new GoValue.Int(1L), new GoValue.Int(2L));
    check("   42|42   |%!(BADWIDTH)42|3.14|%!(BADPREC)7", "%*d|%-*d|%*d|%.*f|%.*d", new GoValue.Int(5L), new GoValue.Int(42L), new GoValue.Int(5L), new GoValue.Int(42L), GoValue.Str.of("x"), new GoValue.Int(42L), new GoValue.Int(2L), new GoValue.Float(3.14159), new GoValue.Int(-1L), new GoValue.Int(7L));
    check("%!w(int=1)|%!w(string=a)|%!w(float64=1.5)|%!w(*big.Int=&{false [1 1]})", "%w|%w|%w|%w", new GoValue.Int(1L), GoValue.Str.of("a"), new GoValue.Float(1.5), new GoValue.BigInt(new BigInteger("18446744073709551617")));
    check("\"a\"|1|1.5|s", "%#v|%#v|%#v|%+v", GoValue.Str.of("a"), new GoValue.Int(1L), new GoValue.Float(1.5), GoValue.Str.of("s"));
    check("<nil>|%!s(<nil>)", "%v|%s", GoValue.Nil.NIL, GoValue.Nil.NIL);
  }

  @Test
  void sprintSeparatesOnlyNonStrings() {
    assertEquals("1 2a3", GoPrinter.sprint(List.of(new GoValue.Int(1), new GoValue.Int(2), GoValue.Str.of("a"),
        new GoValue.Int(3))));
    assertEquals("1 a 3\n", GoPrinter.sprintln(List.of(new GoValue.Int(1), GoValue.Str.of("a"), new GoValue.Int(3))));
  }

  @Test
  void printsCollectionsAsGoDoes() {
    java.util.SortedMap<String, GoValue> m = new java.util.TreeMap<>();
    m.put("b", GoValue.Str.number("1"));
    m.put("a", new GoValue.Slice(List.of(new GoValue.Bool(true), GoValue.Nil.NIL, GoValue.Str.of("x"))));
    GoValue map = new GoValue.Map(m);
    check("map[a:[true <nil> x] b:1]", "%v", map);
    check("map[string]interface {}{\"a\":[]interface {}{true, interface {}(nil), \"x\"}, \"b\":\"1\"}", "%#v", map);
    check("map[%!d(string=a):[%!d(bool=true) <nil> %!d(string=x)] %!d(string=b):%!d(json.Number=1)]", "%d", map);
  }
}
