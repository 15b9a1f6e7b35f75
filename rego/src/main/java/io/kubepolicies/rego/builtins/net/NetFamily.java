package io.kubepolicies.rego.builtins.net;

import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.gostd.GoIp;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code net.*} built-ins: CIDR arithmetic with Go's parsing rules, and DNS lookups, which need
 * network access. OPA reports type errors of the second operand of {@code net.cidr_contains} and
 * {@code net.cidr_intersects} as "operand 1"; the messages here keep that.
 */
public final class NetFamily implements BuiltinFamily {
  /** Expanding more addresses than this (a /12 in IPv4) would exhaust memory long before any timeout. */
  static final int MAX_EXPANDED_HOST_BITS = 20;

  private static final Type CIDR_MATCH_ELEMENT = Type.anyOf(Type.STRING, Type.arrayOf(Type.ANY));
  private static final Type CIDR_MATCH_OPERAND = Type.anyOf(
      Type.STRING,
      Type.arrayOf(CIDR_MATCH_ELEMENT),
      Type.setOf(CIDR_MATCH_ELEMENT),
      Type.objectOf(Type.STRING, CIDR_MATCH_ELEMENT));

  /** Memo key for one name's lookup within a query. */
  private record LookupKey(String name) {}

  @Override
  public void register(Builtins.Registrar r) {
    r.function("net.cidr_contains", List.of(Type.named("cidr", Type.STRING), Type.named("cidr_or_ip", Type.STRING)),
        Type.named("result", Type.BOOLEAN),
        (ctx, args) -> BooleanValue.of(contains(args[0], args[1])));
    r.function("net.cidr_intersects", List.of(Type.named("cidr1", Type.STRING), Type.named("cidr2", Type.STRING)),
        Type.named("result", Type.BOOLEAN),
        (ctx, args) -> intersects(args));
    r.function("net.cidr_contains_matches",
        List.of(Type.named("cidrs", CIDR_MATCH_OPERAND), Type.named("cidrs_or_ips", CIDR_MATCH_OPERAND)),
        Type.named("output", Type.setOf(Type.tuple(Type.ANY, Type.ANY))), (ctx, args) -> containsMatches(args));
    r.function("net.cidr_expand", List.of(Type.named("cidr", Type.STRING)),
        Type.named("hosts", Type.setOf(Type.STRING)), NetFamily::expand);
    r.function("net.cidr_is_valid", List.of(Type.named("cidr", Type.STRING)), Type.named("result", Type.BOOLEAN),
        (ctx, args) -> BooleanValue.of(args[0] instanceof StringValue s && IpNetwork.parseCidr(s.value()) != null));
    r.function("net.cidr_merge",
        List.of(Type.named("addrs", Type.anyOf(Type.arrayOf(Type.anyOf(Type.STRING)), Type.setOf(Type.STRING)))),
        Type.named("output", Type.setOf(Type.STRING)), (ctx, args) -> merge(args[0]));
    r.function("net.lookup_ip_addr", List.of(Type.named("name", Type.STRING)),
        Type.named("addrs", Type.setOf(Type.STRING)), NetFamily::lookup);
  }

  private static String string(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    // OPA checks both CIDR operands with position 1
    throw BuiltinException.operand(1, v, "string");
  }

  private static IpNetwork network(Value v) {
    String s = string(v);
    IpNetwork n = IpNetwork.parseCidr(s);
    if (n == null) {
      throw invalidCidr(s);
    }
    return n;
  }

  private static BuiltinException invalidCidr(String s) {
    return BuiltinException.error("invalid CIDR address: " + s);
  }

  private static boolean contains(Value cidr, Value cidrOrIp) {
    IpNetwork a = network(cidr);
    String b = string(cidrOrIp);
    byte[] ip = GoIp.parseIp(b);
    if (ip != null) {
      return a.contains(ip);
    }
    IpNetwork other = IpNetwork.parseCidr(b);
    if (other == null) {
      throw BuiltinException.error("not a valid textual representation of an IP address or CIDR: " + b);
    }
    return a.contains(other.ip()) && a.contains(other.lastIp());
  }

  private static Value intersects(Value[] args) {
    IpNetwork a = network(args[0]);
    IpNetwork b = network(args[1]);
    return BooleanValue.of(a.contains(b.ip()) || b.contains(a.ip()));
  }

  /** One candidate of a cidr_contains_matches operand: the CIDR or address and how it is reported. */
  private record Candidate(Value cidr, Value index) {}

  private static List<Candidate> candidates(int operand, Value v) {
    List<Candidate> out = new ArrayList<>();
    if (v instanceof StringValue) {
      out.add(new Candidate(v, v));
    } else if (v instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Candidate(matchTerm(operand, a.get(i)), NumberValue.of(i)));
      }
    } else if (v instanceof SetValue s) {
      for (Value e : s.sorted()) {
        out.add(new Candidate(matchTerm(operand, e), e));
      }
    } else if (v instanceof ObjectValue o) {
      for (Value k : o.sortedKeys()) {
        out.add(new Candidate(matchTerm(operand, o.get(k)), k));
      }
    }
    // any other type has no candidates: OPA then returns the empty set
    return out;
  }

  private static Value matchTerm(int operand, Value element) {
    if (element instanceof StringValue) {
      return element;
    }
    if (element instanceof ArrayValue a && !a.isEmpty()) {
      return a.get(0);
    }
    throw BuiltinException.error("operand " + operand + ": element must be string or non-empty array");
  }

  private static Value containsMatches(Value[] args) {
    List<Candidate> cidrs = candidates(1, args[0]);
    List<Candidate> targets = candidates(2, args[1]);
    SetValue.Builder out = SetValue.builder();
    for (Candidate c : cidrs) {
      for (Candidate t : targets) {
        if (contains(c.cidr(), t.cidr())) {
          out.add(ArrayValue.of(c.index(), t.index()));
        }
      }
    }
    return out.build();
  }

  private static Value expand(BuiltinContext ctx, Value[] args) {
    String s = string(args[0]);
    IpNetwork n = IpNetwork.parseCidr(s);
    if (n == null) {
      throw invalidCidr(s);
    }
    int hostBits = n.maskBytes().length * 8 - n.prefixLength();
    if (hostBits > MAX_EXPANDED_HOST_BITS) {
      throw BuiltinException.error("CIDR " + s + " has more than 2^" + MAX_EXPANDED_HOST_BITS
          + " addresses, too many to expand");
    }
    byte[] ip = n.ip();
    SetValue.Builder out = SetValue.builder();
    long count = 1L << hostBits;
    for (long i = 0; i < count; i++) {
      if ((i & 0xfff) == 0) {
        ctx.checkCancelled();
      }
      out.add(StringValue.of(GoIp.format(ip)));
      increment(ip);
    }
    return out.build();
  }

  private static void increment(byte[] ip) {
    for (int j = ip.length - 1; j >= 0; j--) {
      if (++ip[j] != 0) {
        break;
      }
    }
  }

  private static Value merge(Value addrs) {
    List<Value> elements;
    if (addrs instanceof ArrayValue a) {
      elements = a.elements();
    } else if (addrs instanceof SetValue s) {
      elements = s.sorted();
    } else {
      throw BuiltinException.error("operand must be an array");
    }
    List<IpNetwork> networks = new ArrayList<>();
    for (Value e : elements) {
      if (!(e instanceof StringValue s)) {
        throw BuiltinException.error("element must be string");
      }
      networks.add(networkOrAddress(s.value()));
    }
    SetValue.Builder out = SetValue.builder();
    CidrMerge.merge(networks).forEach(c -> out.add(StringValue.of(c)));
    return out.build();
  }

  /** An address alone stands for its classful network (Go's DefaultMask); IPv6 needs a prefix. */
  private static IpNetwork networkOrAddress(String s) {
    byte[] ip = GoIp.parseIp(s);
    if (ip == null) {
      IpNetwork n = IpNetwork.parseCidr(s);
      if (n == null) {
        throw invalidCidr(s);
      }
      return n;
    }
    byte[] v4 = GoIp.to4(ip);
    if (v4 == null) {
      throw BuiltinException.error("IPv6 invalid: needs prefix length");
    }
    int first = v4[0] & 0xff;
    int ones = first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
    return new IpNetwork(ip, IpNetwork.mask(ones, 32));
  }

  private static Value lookup(BuiltinContext ctx, Value[] args) {
    String name = string(args[0]);
    GoIp.Parsed literal = GoIp.parseAddr(name);
    if (literal != null) {
      // an address literal resolves to itself without any lookup, as in Go's resolver
      String text = GoIp.format(literal.bytes()) + (literal.zone().isEmpty() ? "" : "%" + literal.zone());
      return SetValue.of(StringValue.of(text));
    }
    NetworkAccess.require(ctx);
    if (name.isEmpty()) {
      // the JDK answers the loopback address for an empty name; Go's resolver finds nothing
      throw BuiltinException.error("lookup : no such host");
    }
    return ctx.memo(new LookupKey(name), key -> resolve(name));
  }

  private static Value resolve(String name) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(name);
    } catch (UnknownHostException e) {
      throw BuiltinException.error("lookup " + name + ": no such host");
    } catch (SecurityException e) {
      throw BuiltinException.error("lookup " + name + ": " + e.getMessage());
    }
    SetValue.Builder out = SetValue.builder();
    for (InetAddress a : addresses) {
      String text = GoIp.format(a.getAddress());
      if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
        text += "%" + (v6.getScopedInterface() != null ? v6.getScopedInterface().getName() : v6.getScopeId());
      }
      out.add(StringValue.of(text));
    }
    return out.build();
  }
}
