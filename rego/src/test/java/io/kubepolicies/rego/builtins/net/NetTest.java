package io.kubepolicies.rego.builtins.net;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static io.kubepolicies.rego.builtins.TestTerms.stringSet;
import static io.kubepolicies.rego.builtins.TestTerms.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class NetTest {
  private final FamilyCalls calls = new FamilyCalls(new NetFamily());

  private boolean contains(String cidr, String other) {
    return ((BooleanValue) calls.call("net.cidr_contains", str(cidr), str(other))).value();
  }

  @Test
  void containsSubnetsAndAddresses() {
    assertTrue(contains("10.0.0.0/8", "10.1.0.0/24"));
    assertTrue(contains("10.0.0.0/8", "10.1.1.1/32"));
    assertTrue(contains("10.0.0.0/8", "10.1.2.3"));
    assertEquals(false, contains("172.17.0.0/24", "172.17.0.0/16"));
    assertEquals(false, contains("10.0.0.0/8", "192.168.1.0/24"));
    assertEquals(false, contains("10.0.0.0/8", "192.168.1.1"));
  }

  @Test
  void containsIpv6() {
    assertTrue(contains("2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40"));
    assertTrue(contains("2001:4860:4860::8888/32", "2001:4860:4860:1234:5678:1234:5678:8888/128"));
    assertEquals(false, contains("2001:4860::/96", "2001:4860::/32"));
    assertEquals(false, contains("2001:4860::/32", "fd1e:5bfe:8af3:9ddc::/64"));
  }

  @Test
  void containsTreatsMappedAddressesAsIpv4() {
    assertTrue(contains("10.0.0.0/8", "::ffff:10.1.2.3"));
    assertEquals(false, contains("::/0", "10.1.2.3"));
  }

  @Test
  void containsRejectsMalformedCidrs() {
    BuiltinException a = calls.failure("net.cidr_contains", str("not-a-cidr"), str("192.168.1.67"));
    assertEquals(RegoError.EVAL_BUILTIN, a.code());
    assertEquals("invalid CIDR address: not-a-cidr", a.getMessage());
    BuiltinException b = calls.failure("net.cidr_contains", str("192.168.1.0/28"), str("not-a-cidr"));
    assertEquals(RegoError.EVAL_BUILTIN, b.code());
    assertEquals("not a valid textual representation of an IP address or CIDR: not-a-cidr", b.getMessage());
  }

  @Test
  void containsReportsOperandTypeAsOpaDoes() {
    BuiltinException e = calls.failure("net.cidr_contains", str("10.0.0.0/8"), NumberValue.of(1));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be string but got number", e.getMessage());
  }

  @Test
  void cidrParsingFollowsGoRules() {
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("010.0.0.0/8")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("10.0.0/8")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("10.0.0.0/33")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("10.0.0.0/-1")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("fe80::1%eth0/64")));
    assertEquals(BooleanValue.TRUE, calls.call("net.cidr_is_valid", str("10.0.0.0/008")));
    assertEquals(BooleanValue.TRUE, calls.call("net.cidr_is_valid", str("::ffff:10.0.0.0/104")));
  }

  @Test
  void isValidAcceptsOnlyCidrs() {
    assertEquals(BooleanValue.TRUE, calls.call("net.cidr_is_valid", str("192.168.1.0/24")));
    assertEquals(BooleanValue.TRUE, calls.call("net.cidr_is_valid", str("2002::1234:abcd:ffff:c0a8:101/64")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("there goes a string")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", str("192.168.1.2")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_is_valid", NumberValue.of(3)));
  }

  @Test
  void intersects() {
    assertEquals(BooleanValue.TRUE, calls.call("net.cidr_intersects", str("192.168.1.0/25"), str("192.168.1.64/25")));
    assertEquals(BooleanValue.FALSE, calls.call("net.cidr_intersects", str("192.168.1.0/24"), str("192.168.2.0/24")));
    assertEquals(BooleanValue.TRUE,
        calls.call("net.cidr_intersects", str("fd1e:5bfe:8af3:9ddc::/64"), str("fd1e:5bfe:8af3:9ddc:1111::/72")));
    assertEquals(BooleanValue.FALSE,
        calls.call("net.cidr_intersects", str("fd1e:5bfe:8af3:9ddc::/64"), str("2001:4860:4860::8888/32")));
    assertEquals(RegoError.EVAL_BUILTIN, calls.failure("net.cidr_intersects", str("not-a-cidr"), str("192.168.1.0/24")).code());
    assertEquals(RegoError.EVAL_BUILTIN, calls.failure("net.cidr_intersects", str("192.168.1.0/28"), str("not-a-cidr")).code());
  }

  @Test
  void expandListsEveryAddress() {
    assertEquals(stringSet("192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"),
        calls.call("net.cidr_expand", str("192.168.1.1/30")));
    assertEquals(stringSet("172.16.100.252", "172.16.100.253", "172.16.100.254", "172.16.100.255"),
        calls.call("net.cidr_expand", str("172.16.100.255/30")));
    assertEquals(stringSet("192.168.1.1"), calls.call("net.cidr_expand", str("192.168.1.1/32")));
    assertEquals(stringSet("2001:db8::", "2001:db8::1"), calls.call("net.cidr_expand", str("2001:db8::/127")));
    assertEquals(256, ((SetValue) calls.call("net.cidr_expand", str("10.0.0.0/24"))).size());
  }

  @Test
  void expandRejectsInvalidAndHugeRanges() {
    assertEquals("invalid CIDR address: 192.168.1.1/33", calls.failure("net.cidr_expand", str("192.168.1.1/33")).getMessage());
    BuiltinException huge = calls.failure("net.cidr_expand", str("10.0.0.0/8"));
    assertEquals(RegoError.EVAL_BUILTIN, huge.code());
    assertTrue(huge.getMessage().contains("too many to expand"), huge.getMessage());
  }

  private Value merge(String... cidrs) {
    return calls.call("net.cidr_merge", strings(cidrs));
  }

  @Test
  void mergeJoinsAdjacentAndContainedNetworks() {
    assertEquals(stringSet("192.0.128.0/24"), merge("192.0.128.0/24"));
    assertEquals(stringSet("192.0.128.0/24"), merge("192.0.128.0/24", "192.0.128.0/24"));
    assertEquals(stringSet("0.0.0.0/0"), merge("192.0.128.0/24", "0.0.0.0/0"));
    assertEquals(stringSet("192.0.128.0/23"), merge("192.0.128.0/24", "192.0.129.0/24"));
    assertEquals(stringSet("192.0.2.112/29"), merge("192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"));
    assertEquals(stringSet("192.0.129.0/24", "192.0.130.0/24"), merge("192.0.129.0/24", "192.0.130.0/24"));
    assertEquals(stringSet("192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"),
        merge("192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"));
    assertEquals(stringSet("192.0.2.112/31", "192.0.2.116/30"),
        merge("192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31"));
  }

  @Test
  void mergeSplitsJoinedRangesIntoAlignedBlocks() {
    assertEquals(stringSet("192.0.1.254/31", "192.0.2.0/24", "192.0.3.0/28"),
        merge("192.0.1.254/31", "192.0.2.0/28", "192.0.2.16/28", "192.0.2.32/28", "192.0.2.48/28",
            "192.0.2.64/28", "192.0.2.80/28", "192.0.2.96/28", "192.0.2.112/28", "192.0.2.128/28",
            "192.0.2.144/28", "192.0.2.160/28", "192.0.2.176/28", "192.0.2.192/28", "192.0.2.208/28",
            "192.0.2.224/28", "192.0.2.240/28", "192.0.3.0/28"));
    assertEquals(stringSet("10.0.0.0/31", "10.0.0.2/32"), merge("10.0.0.0/32", "10.0.0.1/32", "10.0.0.2/32"));
  }

  @Test
  void mergeIpv6() {
    assertEquals(stringSet("::/0"), merge("::/0", "fe80::1/128"));
    assertEquals(stringSet("::/0"), merge("::/0", "::192.0.2.0/124", "ff00::101/128"));
    assertEquals(stringSet("192.0.2.0/23", "192.0.4.0/24", "fe80::/120"),
        merge("fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25"));
    assertEquals(stringSet("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"),
        merge("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"));
    assertEquals(stringSet("2601:600:8a80:207e::/64"),
        merge("2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"));
  }

  @Test
  void mergeTreatsBareAddressesAsClassfulNetworks() {
    assertEquals(stringSet("192.0.2.0/24"), merge("192.0.2.112", "192.0.2.116/31", "192.0.2.118/31"));
    assertEquals(stringSet("192.0.128.0/23"), merge("192.0.128.0", "192.0.129.0"));
    // an address never merged keeps its host bits, as Go prints it
    assertEquals(stringSet("192.0.2.112/24"), merge("192.0.2.112"));
    assertEquals(stringSet("10.1.2.3/8"), merge("10.1.2.3"));
  }

  @Test
  void mergeAcceptsSetsAndEmptyInput() {
    assertEquals(stringSet("192.0.2.112/29"),
        calls.call("net.cidr_merge", stringSet("192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31")));
    assertEquals(SetValue.EMPTY, merge());
  }

  @Test
  void mergeRejectsBadElements() {
    assertEquals("IPv6 invalid: needs prefix length",
        calls.failure("net.cidr_merge", strings("2601:600:8a80:207e:a57d:7567:e2c9:e7b3")).getMessage());
    assertEquals("invalid CIDR address: foo", calls.failure("net.cidr_merge", strings("foo")).getMessage());
    assertEquals("element must be string", calls.failure("net.cidr_merge", ArrayValue.of(NumberValue.of(1))).getMessage());
    assertEquals("operand must be an array", calls.failure("net.cidr_merge", str("10.0.0.0/8")).getMessage());
  }

  @Test
  void containsMatchesReportsIndexes() {
    assertEquals(SetValue.of(strings("1.1.1.0/24", "1.1.1.1")),
        calls.call("net.cidr_contains_matches", str("1.1.1.0/24"), str("1.1.1.1")));
    Value arrays = calls.call("net.cidr_contains_matches", strings("1.1.2.0/24", "1.1.1.0/24"), strings("1.1.1.1", "1.1.2.1"));
    assertEquals(Json.parse("[[0,1],[1,0]]"), ArrayValue.of(((SetValue) arrays).sorted()));
    Value tuples = calls.call("net.cidr_contains_matches",
        ArrayValue.of(strings("1.1.2.0/24", "x"), str("1.1.1.0/24")), strings("1.1.1.1", "1.1.2.1"));
    assertEquals(arrays, tuples);
  }

  @Test
  void containsMatchesWithSetsAndObjects() {
    Value sets = calls.call("net.cidr_contains_matches",
        SetValue.of(strings("1.1.1.0/24", "bar"), strings("1.1.2.0/24", "foo")),
        SetValue.of(strings("1.1.1.1", "baz"), strings("1.1.2.1", "qux")));
    assertEquals(SetValue.of(
        ArrayValue.of(strings("1.1.1.0/24", "bar"), strings("1.1.1.1", "baz")),
        ArrayValue.of(strings("1.1.2.0/24", "foo"), strings("1.1.2.1", "qux"))), sets);
    ObjectValue cidrs = ObjectValue.builder()
        .put("k1", str("1.1.1.1/24"))
        .put("k2", ArrayValue.of(str("1.1.1.2/24"), NumberValue.of(1)))
        .build();
    assertEquals(SetValue.of(strings("k1", "1.1.1.128"), strings("k2", "1.1.1.128")),
        calls.call("net.cidr_contains_matches", cidrs, str("1.1.1.128")));
  }

  @Test
  void containsMatchesRejectsBadElements() {
    String message = "operand 2: element must be string or non-empty array";
    assertEquals(message, calls.failure("net.cidr_contains_matches", strings("1.1.2.0/24"),
        ArrayValue.of(str("1.1.1.1"), NumberValue.of(1))).getMessage());
    assertEquals(message, calls.failure("net.cidr_contains_matches", strings("1.1.2.0/24"),
        SetValue.of(ArrayValue.EMPTY, strings("1.1.2.1", "qux"))).getMessage());
    assertEquals(SetValue.EMPTY, calls.call("net.cidr_contains_matches", NumberValue.of(1), str("1.1.1.1")));
  }

  @Test
  void lookupOfAddressLiteralsNeedsNoNetwork() {
    assertEquals(stringSet("10.0.0.0"), calls.call("net.lookup_ip_addr", str("10.0.0.0")));
    assertEquals(stringSet("::"), calls.call("net.lookup_ip_addr", str("::")));
    assertEquals(stringSet("2001:db8::1"), calls.call("net.lookup_ip_addr", str("2001:DB8:0::1")));
  }

  @Test
  void lookupOfNamesFailsWhenNetworkIsDisabled() {
    BuiltinException e = calls.failure("net.lookup_ip_addr", str("localhost"));
    assertEquals(RegoError.EVAL_BUILTIN, e.code());
    assertTrue(e.getMessage().contains("network access is disabled"), e.getMessage());
  }

  @Test
  void lookupResolvesLocalhostWhenAllowed() {
    Value addrs = calls.call(new TestContext().withNetwork(), "net.lookup_ip_addr", str("localhost"));
    assertTrue(addrs.equals(stringSet("127.0.0.1")) || addrs.equals(stringSet("127.0.0.1", "::1"))
        || addrs.equals(stringSet("::1")), addrs.toString());
  }

  @Test
  void lookupOfEmptyNameFindsNothing() {
    BuiltinException e = assertThrows(BuiltinException.class,
        () -> calls.call(new TestContext().withNetwork(), "net.lookup_ip_addr", str("")));
    assertEquals("lookup : no such host", e.getMessage());
  }
}
