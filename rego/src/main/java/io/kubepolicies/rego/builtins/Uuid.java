package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * OPA's {@code uuid.rfc4122} (a random version 4 UUID, the same for the same key throughout a
 * query) and {@code uuid.parse} (the fields OPA decodes, with google/uuid's accepted forms).
 */
public final class Uuid implements BuiltinFamily {
  /** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
  private static final long GREGORIAN_TO_UNIX_100NS = 122_192_928_000_000_000L;

  private static final HexFormat HEX = HexFormat.of();

  private final SecureRandom random = new SecureRandom();

  /** The memo key of one {@code uuid.rfc4122} key within a query. */
  private record MemoKey(Value key) {}

  @Override
  public void register(Builtins.Registrar r) {
    r.function("uuid.rfc4122", List.of(Type.named("k", Type.STRING)), Type.named("output", Type.STRING),
        (ctx, args) -> ctx.memo(new MemoKey(args[0]), k -> StringValue.of(randomV4())));
    r.function("uuid.parse", List.of(Type.named("uuid", Type.STRING)),
        Type.named("result", Type.objectOf(Type.STRING, Type.ANY)), (ctx, args) -> {
      byte[] uuid = parse(Operands.string(args, 1));
      return uuid == null ? null : describe(uuid);
    });
  }

  private String randomV4() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) (b[6] & 0x0f | 0x40);
    b[8] = (byte) (b[8] & 0x3f | 0x80);
    String hex = HEX.formatHex(b);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  /**
   * google/uuid's Parse, by UTF-8 length: 36 ({@code xxxxxxxx-xxxx-...}), 45 (with a
   * case-insensitive {@code urn:uuid:} prefix), 38 (any one character either side, braces by
   * convention) or 32 (bare hex). Null when the text is none of these.
   */
  static byte[] parse(String text) {
    byte[] s = text.getBytes(StandardCharsets.UTF_8);
    int start;
    switch (s.length) {
      case 36 -> start = 0;
      case 45 -> {
        if (!new String(s, 0, 9, StandardCharsets.ISO_8859_1).equalsIgnoreCase("urn:uuid:")) {
          return null;
        }
        start = 9;
      }
      case 38 -> start = 1;
      case 32 -> {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
          int v = hexByte(s, i * 2);
          if (v < 0) {
            return null;
          }
          out[i] = (byte) v;
        }
        return out;
      }
      default -> {
        return null;
      }
    }
    if (s[start + 8] != '-' || s[start + 13] != '-' || s[start + 18] != '-' || s[start + 23] != '-') {
      return null;
    }
    int[] positions = {0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34};
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int v = hexByte(s, start + positions[i]);
      if (v < 0) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static int hexByte(byte[] s, int i) {
    int hi = Character.digit(s[i] & 0xff, 16);
    int lo = Character.digit(s[i + 1] & 0xff, 16);
    return hi < 0 || lo < 0 || (s[i] & 0x80) != 0 || (s[i + 1] & 0x80) != 0 ? -1 : hi << 4 | lo;
  }

  /**
   * What OPA reports: version and variant always; for versions 1 and 2 also the timestamp (Unix
   * nanoseconds), node id, MAC address kind and clock sequence; for version 2 the local id and domain.
   */
  static ObjectValue describe(byte[] u) {
    int version = (u[6] & 0xff) >> 4;
    ObjectValue.Builder out = ObjectValue.builder()
        .put("version", NumberValue.of(version))
        .put("variant", StringValue.of(variant(u[8])));
    if (version == 1 || version == 2) {
      long time = readUnsigned(u, 0, 4) | readUnsigned(u, 4, 2) << 32 | (readUnsigned(u, 6, 2) & 0xfff) << 48;
      long since = time - GREGORIAN_TO_UNIX_100NS;
      long nanos = since / 10_000_000 * 1_000_000_000 + since % 10_000_000 * 100;
      StringBuilder node = new StringBuilder();
      for (int i = 10; i < 16; i++) {
        if (i > 10) {
          node.append('-');
        }
        node.append(HEX.toHexDigits(u[i]));
      }
      out.put("time", NumberValue.of(nanos))
          .put("nodeid", StringValue.of(node.toString()))
          .put("macvariables", StringValue.of(macVariables(u[10])))
          .put("clocksequence", NumberValue.of(readUnsigned(u, 8, 2) & 0x3fff));
      if (version == 2) {
        out.put("id", NumberValue.of(readUnsigned(u, 0, 4)))
            .put("domain", StringValue.of(domain(u[9] & 0xff)));
      }
    }
    return out.build();
  }

  private static long readUnsigned(byte[] b, int offset, int length) {
    long v = 0;
    for (int i = offset; i < offset + length; i++) {
      v = v << 8 | (b[i] & 0xff);
    }
    return v;
  }

  private static String variant(byte b) {
    if ((b & 0xc0) == 0x80) {
      return "RFC4122";
    }
    if ((b & 0xe0) == 0xc0) {
      return "Microsoft";
    }
    if ((b & 0xe0) == 0xe0) {
      return "Future";
    }
    return "Reserved";
  }

  /** The local/global and unicast/multicast bits of the first MAC byte (RFC 7042 2.1). */
  private static String macVariables(byte first) {
    if ((first & 0b11) == 0b11) {
      return "local:multicast";
    }
    if ((first & 0b01) == 0b01) {
      return "global:multicast";
    }
    if ((first & 0b10) == 0b10) {
      return "local:unicast";
    }
    return "global:unicast";
  }

  private static String domain(int d) {
    return switch (d) {
      case 0 -> "Person";
      case 1 -> "Group";
      case 2 -> "Org";
      default -> "Domain" + d;
    };
  }
}
