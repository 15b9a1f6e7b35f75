package io.kubepolicies.rego.builtins.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubepolicies.rego.builtins.time.ZoneNames.ZoneType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneNamesTest {
  @Test
  void readsPosixRuleNamesAndOffsets() {
    assertEquals(List.of(new ZoneType(-18000, "EST"), new ZoneType(-14400, "EDT")),
        ZoneNames.PosixRule.types("EST5EDT,M3.2.0,M11.1.0"));
    assertEquals(List.of(new ZoneType(20700, "+0545")), ZoneNames.PosixRule.types("<+0545>-5:45"));
    // Negative daylight saving time: summer is "standard" (IST), winter the "daylight" GMT.
    assertEquals(List.of(new ZoneType(3600, "IST"), new ZoneType(0, "GMT")),
        ZoneNames.PosixRule.types("IST-1GMT0,M10.5.0,M3.5.0/1"));
    assertEquals(List.of(new ZoneType(0, "UTC")), ZoneNames.PosixRule.types("UTC0"));
  }

  @Test
  void ignoresMalformedPosixRules() {
    assertEquals(List.of(), ZoneNames.PosixRule.types(""));
    assertEquals(List.of(), ZoneNames.PosixRule.types("5EST"));
    assertEquals(List.of(), ZoneNames.PosixRule.types("<+04"));
    assertEquals(List.of(), ZoneNames.PosixRule.types("EST"));
  }

  @Test
  void readsAVersion1File() {
    ZoneNames names = ZoneNames.parse(tzif1(new long[] {0}, new int[] {1},
        new int[] {-18000, -14400}, "EST\0EDT\0", new int[] {0, 4}));
    assertEquals("EST", names.nameAt(-10, -18000));
    assertEquals("EDT", names.nameAt(10, -14400));
    // An offset the transition does not explain falls back to any type with that offset.
    assertEquals("EST", names.nameAt(10, -18000));
    assertNull(names.nameAt(10, 3600));
  }

  @Test
  void rejectsDataThatIsNotTzif() {
    assertNull(ZoneNames.parse("not a zone file at all, not even close".getBytes(StandardCharsets.US_ASCII)));
    assertNull(ZoneNames.parse(new byte[3]));
    byte[] valid = tzif1(new long[] {0}, new int[] {0}, new int[] {0}, "UTC\0", new int[] {0});
    byte[] truncated = new byte[valid.length - 3];
    System.arraycopy(valid, 0, truncated, 0, truncated.length);
    assertNull(ZoneNames.parse(truncated));
    byte[] badIndex = tzif1(new long[] {0}, new int[] {5}, new int[] {0}, "UTC\0", new int[] {0});
    assertNull(ZoneNames.parse(badIndex));
  }

  /** A minimal version 1 TZif file. */
  private static byte[] tzif1(long[] times, int[] typeIndexes, int[] offsets, String chars, int[] nameIndexes) {
    ByteBuffer b = ByteBuffer.allocate(44 + times.length * 5 + offsets.length * 6 + chars.length());
    b.put("TZif".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(new byte[15]);
    b.putInt(0).putInt(0).putInt(0).putInt(times.length).putInt(offsets.length).putInt(chars.length());
    for (long t : times) {
      b.putInt((int) t);
    }
    for (int i : typeIndexes) {
      b.put((byte) i);
    }
    for (int i = 0; i < offsets.length; i++) {
      b.putInt(offsets[i]).put((byte) 0).put((byte) nameIndexes[i]);
    }
    b.put(chars.getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }
}
