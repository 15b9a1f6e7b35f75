package io.kubepolicies.rego.builtins.net;

import io.kubepolicies.rego.builtins.gostd.GoIp;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An IP network as Go's {@code net.IPNet} holds it: an address of 4 or 16 bytes and a canonical mask
 * of 4 or 16 bytes. The address is not necessarily masked (a bare IPv4 address given to
 * {@code net.cidr_merge} keeps its host bits, and Go prints it that way), and IPv4-mapped IPv6
 * addresses count as IPv4 when testing containment.
 */
final class IpNetwork {
  private final byte[] ip;
  private final byte[] mask;

  IpNetwork(byte[] ip, byte[] mask) {
    this.ip = ip.clone();
    this.mask = mask.clone();
  }

  /** Go's {@code net.ParseCIDR}: the network (address masked), or null when the text is not a CIDR. */
  static IpNetwork parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    GoIp.Parsed addr = GoIp.parseAddr(s.substring(0, slash));
    if (addr == null || !addr.zone().isEmpty()) {
      return null;
    }
    int bits = addr.bytes().length * 8;
    String digits = s.substring(slash + 1);
    if (digits.isEmpty()) {
      return null;
    }
    int prefix = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      prefix = prefix * 10 + (c - '0');
      if (prefix > bits) {
        return null;
      }
    }
    byte[] m = mask(prefix, bits);
    return new IpNetwork(applyMask(GoIp.to16(addr.bytes()), m), m);
  }

  /** Go's {@code net.CIDRMask}. */
  static byte[] mask(int ones, int bits) {
    byte[] m = new byte[bits / 8];
    for (int i = 0; i < m.length; i++) {
      int n = Math.max(0, Math.min(8, ones - 8 * i));
      m[i] = (byte) (0xff00 >> n);
    }
    return m;
  }

  /** Go's {@code IP.Mask}: null when the lengths do not fit. */
  static byte[] applyMask(byte[] ip, byte[] mask) {
    byte[] m = mask;
    byte[] a = ip;
    if (m.length == 16 && a.length == 4 && allFf(m, 12)) {
      m = Arrays.copyOfRange(m, 12, 16);
    }
    if (m.length == 4 && a.length == 16 && GoIp.to4(a) != null) {
      a = GoIp.to4(a);
    }
    if (a.length != m.length) {
      return null;
    }
    byte[] out = new byte[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (a[i] & m[i]);
    }
    return out;
  }

  private static boolean allFf(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }

  byte[] ip() {
    return ip.clone();
  }

  byte[] maskBytes() {
    return mask.clone();
  }

  /** The prefix length of the (canonical) mask. */
  int prefixLength() {
    int ones = 0;
    for (byte b : mask) {
      ones += Integer.bitCount(b & 0xff);
    }
    return ones;
  }

  /** Go's networkNumberAndMask: {network number, mask} of equal length, or null if inconsistent. */
  private byte[][] numberAndMask() {
    byte[] nn = GoIp.to4(ip);
    if (nn == null) {
      if (ip.length != 16) {
        return null;
      }
      nn = ip;
    }
    byte[] m = mask;
    if (m.length == 4 && nn.length != 4) {
      return null;
    }
    if (m.length == 16 && nn.length == 4) {
      m = Arrays.copyOfRange(m, 12, 16);
    }
    return new byte[][] {nn, m};
  }

  /** Go's {@code IPNet.Contains}. */
  boolean contains(byte[] address) {
    byte[][] nm = numberAndMask();
    if (nm == null) {
      return false;
    }
    byte[] a = GoIp.to4(address) != null ? GoIp.to4(address) : address;
    if (a.length != nm[0].length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if ((nm[0][i] & nm[1][i]) != (a[i] & nm[1][i])) {
        return false;
      }
    }
    return true;
  }

  /** The last address of the network, as OPA's getLastIP computes it (same length as the mask). */
  byte[] lastIp() {
    int bits = mask.length * 8;
    int prefix = prefixLength();
    if (prefix == bits) {
      return ip.clone();
    }
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    byte[] raw = new BigInteger(1, ip).or(hostMask).toByteArray();
    byte[] out = new byte[bits / 8];
    int n = Math.min(out.length, raw.length);
    System.arraycopy(raw, raw.length - n, out, out.length - n, n);
    return out;
  }

  /** Go's {@code IPNet.String}: address and prefix length, the address printed unmasked. */
  @Override
  public String toString() {
    byte[][] nm = numberAndMask();
    if (nm == null) {
      return "<nil>";
    }
    int ones = 0;
    for (byte b : nm[1]) {
      ones += Integer.bitCount(b & 0xff);
    }
    return GoIp.format(nm[0]) + "/" + ones;
  }
}
