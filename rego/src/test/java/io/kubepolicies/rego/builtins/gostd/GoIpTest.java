package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

  @org.junit.jupiter.api.Test
  void keepsZonesSeparately() {
    GoIp.Parsed p = GoIp.parseAddr("fe80::1%eth0");
    assertEquals("eth0", p.zone());
    assertEquals("fe80::1", GoIp.format(p.bytes()));
    assertNull(GoIp.parseAddr("fe80::1%"));
  }
}
