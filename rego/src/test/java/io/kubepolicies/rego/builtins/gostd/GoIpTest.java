package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoIpTest {
  @ParameterizedTest
  @CsvSource({
      "1.2.3.4, 1.2.3.4",
      "0.0.0.0, 0.0.0.0",
      "::, ::",
      "::1, ::1",
      "2001:DB8::1, 2001:db8::1",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
      "fe80:0:0:0:0:0:0:0, fe80::",
      "::ffff:10.1.2.3, 10.1.2.3",
      "::192.0.2.0, ::c000:200",
      "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
      "1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8"
  })
  void parsesAndFormatsAsGo(String in, String out) {
    assertEquals(out, GoIp.format(GoIp.parseIp(in)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1..2.3", "1.2.3.4 ", "1:2:3:4:5:6:7:8:9",
      "1::2::3", "12345::", "::1.2.3", "1:2:3:4:5:6:7::8.1.1.1", "fe80::1%eth0", "1.2.3.-4", "g::", ":", ":::"})
  void rejectsWhatGoRejects(String in) {
    assertNull(GoIp.parseIp(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'' | ParseAddr(\"\"): unable to parse IP",
      "example | ParseAddr(\"example\"): unable to parse IP",
      "%eth0 | ParseAddr(\"%eth0\"): missing IPv6 address",
      "01.2.3.4 | ParseAddr(\"01.2.3.4\"): IPv4 field has octet with leading zero",
      "256.1.1.1 | ParseAddr(\"256.1.1.1\"): IPv4 field has value >255",
      "1..2.3 | ParseAddr(\"1..2.3\"): IPv4 field must have at least one digit (at \".2.3\")",
      "1.2.3.4.5 | ParseAddr(\"1.2.3.4.5\"): IPv4 address too long",
      "1.2.3 | ParseAddr(\"1.2.3\"): IPv4 address too short",
      "v1.x | ParseAddr(\"v1.x\"): unexpected character (at \"v1.x\")",
      "fe80::1% | ParseAddr(\"fe80::1%\"): zone must be a non-empty string",
      "12345:: | ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")",
      ":1 | ParseAddr(\":1\"): each colon-separated field must have at least one digit (at \":1\")",
      "1:2.3.4.5 | ParseAddr(\"1:2.3.4.5\"): embedded IPv4 address must replace the final 2 fields of the address (at \"2.3.4.5\")",
      "1:2:3:4:5:6:7::1.2.3.4 | ParseAddr(\"1:2:3:4:5:6:7::1.2.3.4\"): too many hex fields to fit an embedded IPv4 at the end of the address (at \"1.2.3.4\")",
      "::1.2.3 | ParseAddr(\"::1.2.3\"): IPv4 address too short",
      "::1.2.x.4%z | ParseAddr(\"::1.2.x.4%z\"): unexpected character (at \"x.4\")",
      "1:2x | ParseAddr(\"1:2x\"): unexpected character, want colon (at \"x\")",
      "1: | ParseAddr(\"1:\"): colon must be followed by more characters (at \":\")",
      "::1::2 | ParseAddr(\"::1::2\"): multiple :: in address (at \":2\")",
      "1:2:3:4:5:6:7:8:9 | ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")",
      "1:2:3 | ParseAddr(\"1:2:3\"): address string too short",
      "1:2:3:4::5:6:7:8 | ParseAddr(\"1:2:3:4::5:6:7:8\"): the :: must expand to at least one field of zeros"
  })
  void explainsWhatGoRejectsWithGoMessages(String in, String message) {
    assertEquals(message, assertThrows(GoIp.ParseError.class, () -> GoIp.parse(in)).getMessage());
  }

  @Test
  void keepsZonesSeparately() {
    GoIp.Parsed p = GoIp.parseAddr("fe80::1%eth0");
    assertEquals("eth0", p.zone());
    assertEquals("fe80::1", GoIp.format(p.bytes()));
    assertNull(GoIp.parseAddr("fe80::1%"));
  }
}
