package io.kubepolicies.rego.builtins.net;

import io.kubepolicies.rego.builtins.gostd.GoIp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges networks into the smallest list of CIDRs the way OPA's {@code net.cidr_merge} does: every
 * network becomes a range of 16-byte addresses (IPv4 in mapped form), ranges that overlap or touch
 * are joined, a range that was never joined keeps its original network (and its original text),
 * and a joined range is split into the fewest aligned blocks.
 */
final class CidrMerge {
  private static final byte[] ZERO_V4 = GoIp.to16(new byte[4]);
  private static final byte[] ZERO_V6 = new byte[16];

  private CidrMerge() {}

  /** A range of addresses; {@code network} is set while the range still is exactly one input network. */
  private record Range(BigInteger first, BigInteger last, IpNetwork network) {}

  static List<String> merge(List<IpNetwork> networks) {
    List<Range> ranges = new ArrayList<>();
    for (IpNetwork n : networks) {
      ranges.add(range(n));
    }
    ranges.sort(Comparator.comparing(Range::last).thenComparing(Range::first));
    for (int i = ranges.size() - 1; i > 0; i--) {
      Range current = ranges.get(i);
      Range previous = ranges.get(i - 1);
      if (previousAddress(current.first()).compareTo(previous.last()) <= 0) {
        ranges.set(i - 1, new Range(previous.first().min(current.first()), current.last(), null));
        ranges.remove(i);
      }
    }
    List<String> out = new ArrayList<>();
    for (Range r : ranges) {
      if (r.network() != null) {
        out.add(r.network().toString());
      } else {
        out.addAll(blocks(r.first(), r.last()));
      }
    }
    return out;
  }

  /** Go's GetAddressRange: first and last address of the network as 128-bit numbers. */
  private static Range range(IpNetwork network) {
    byte[] mask = network.maskBytes();
    byte[] masked = IpNetwork.applyMask(network.ip(), mask);
    byte[] first = GoIp.to16(masked == null ? new byte[16] : masked);
    byte[] last = first.clone();
    for (int i = 0; i < mask.length; i++) {
      last[15 - i] |= (byte) ~mask[mask.length - 1 - i];
    }
    return new Range(new BigInteger(1, first), new BigInteger(1, last), network);
  }

  /** The address before {@code ip}; the lowest IPv4 and IPv6 addresses are their own predecessors. */
  private static BigInteger previousAddress(BigInteger ip) {
    if (ip.equals(new BigInteger(1, ZERO_V4)) || ip.equals(new BigInteger(1, ZERO_V6))) {
      return ip;
    }
    return ip.subtract(BigInteger.ONE);
  }

  /** The fewest aligned CIDR blocks covering exactly [first, last], formatted as Go prints them. */
  private static List<String> blocks(BigInteger first, BigInteger last) {
    boolean v4 = GoIp.to4(bytes16(first)) != null && GoIp.to4(bytes16(last)) != null;
    int bits = v4 ? 32 : 128;
    List<String> out = new ArrayList<>();
    BigInteger current = first;
    while (current.compareTo(last) <= 0) {
      int size = Math.min(current.getLowestSetBit() < 0 ? bits : current.getLowestSetBit(), bits);
      while (size > 0 && current.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(last) > 0) {
        size--;
      }
      out.add(new IpNetwork(bytes16(current), IpNetwork.mask(bits - size, bits)).toString());
      current = current.add(BigInteger.ONE.shiftLeft(size));
    }
    return out;
  }

  private static byte[] bytes16(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[16];
    int n = Math.min(16, raw.length);
    System.arraycopy(raw, raw.length - n, out, 16 - n, n);
    return out;
  }
}
