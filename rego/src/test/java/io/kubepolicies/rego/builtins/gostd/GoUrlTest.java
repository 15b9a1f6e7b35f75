package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.value.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoUrlTest {
  @Test
  void splitsTheParts() {
    GoUrl u = GoUrl.parse("https://user:pw@example.com:8443/a%20b/c?x=1&y=2#frag");
    assertEquals("https", u.scheme());
    assertEquals("example.com:8443", u.host());
    assertEquals("/a b/c", u.path());
    assertEquals("", u.rawPath());
    assertEquals("x=1&y=2", u.rawQuery());
    assertEquals("frag", u.fragment());
    assertEquals(new GoUrl.Userinfo("user", "pw"), u.user());
    assertEquals("/a%20b/c", u.escapedPath());
  }

  @Test
  void keepsAValidRawPath() {
    GoUrl u = GoUrl.parse("http://h/a%2Fb");
    assertEquals("/a/b", u.path());
    assertEquals("/a%2Fb", u.rawPath());
    assertEquals("/a%2Fb", u.escapedPath());
  }

  @Test
  void emptyPathAndOpaqueForms() {
    assertEquals("", GoUrl.parse("http://example.com").escapedPath());
    GoUrl mail = GoUrl.parse("mailto:joe@example.com");
    assertEquals("joe@example.com", mail.opaque());
    assertEquals("mailto:joe@example.com", mail.toString());
    assertTrue(GoUrl.parse("file:/etc/hosts").omitHost());
    assertEquals("/etc/hosts", GoUrl.parse("file:///etc/hosts").path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spiffe://example.com/opa", "https://example.com/a%20b?q=1#f", "http://[::1]:80/x",
      "/relative/path", "https://u@h/", "http://h?"})
  void roundTrips(String url) {
    assertEquals(url, GoUrl.parse(url).toString());
  }

  @Test
  void errorsAreGoText() {
    assertEquals("parse \":foo\": missing protocol scheme",
        assertThrows(UrlError.class, () -> GoUrl.parse(":foo")).getMessage());
    assertEquals("parse \"http://a b\": invalid character \" \" in host name",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://a b")).getMessage());
    assertEquals("parse \"http://h/%zz\": invalid URL escape \"%zz\"",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://h/%zz")).getMessage());
    assertEquals("parse \"http://h:x\": invalid port \":x\" after host",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://h:x")).getMessage());
    assertEquals("parse \"1a:b/c\": first path segment in URL cannot contain colon",
        assertThrows(UrlError.class, () -> GoUrl.parse("1a:b/c")).getMessage());
    assertEquals("parse \"http://h/\\n\": net/url: invalid control character in URL",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://h/\n")).getMessage());
  }

  @Test
  void splitsHostAndPort() {
    GoUrl u = GoUrl.parse("http://[fe80::1%25en0]:8080/x");
    assertEquals("[fe80::1%en0]:8080", u.host());
    assertEquals("fe80::1%en0", u.hostname());
    assertEquals("8080", u.port());
    assertEquals("", GoUrl.parse("http://h:").port());
    assertEquals("h", GoUrl.parse("http://h:").hostname());
  }

  @Test
  void bracketsMustHoldAnIpv6Address() {
    assertEquals("::ffff:1.2.3.4", GoUrl.parse("http://[::ffff:1.2.3.4]").hostname());
    assertEquals("parse \"https://[1.2.3.4]/\": invalid IP-literal",
        assertThrows(UrlError.class, () -> GoUrl.parse("https://[1.2.3.4]/")).getMessage());
    assertEquals("parse \"http://example.com[::1]/\": invalid IP-literal",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://example.com[::1]/")).getMessage());
    assertEquals("parse \"http://[example]/\": invalid host: ParseAddr(\"example\"): unable to parse IP",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://[example]/")).getMessage());
    assertEquals("parse \"http://[::1/\": missing ']' in host",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://[::1/")).getMessage());
  }

  @Test
  void comparesRawFormsAsBytes() {
    GoUrl u = GoUrl.parse("http://h/%ff#%fe");
    assertEquals("/%ff", u.rawPath());
    assertEquals("%fe", u.rawFragment());
    assertEquals("parse \"https://example.com/%zé\": invalid URL escape \"%z\\xc3\"",
        assertThrows(UrlError.class, () -> GoUrl.parse("https://example.com/%zé")).getMessage());
  }

  @Test
  void checksTheFragmentAfterTheRest() {
    assertEquals("parse \"http://h/#%zz\": invalid URL escape \"%zz\"",
        assertThrows(UrlError.class, () -> GoUrl.parse("http://h/#%zz")).getMessage());
    assertEquals("a b", GoUrl.parse("http://h/#a%20b").fragment());
    assertEquals("http://h/#a%20b", GoUrl.parse("http://h/#a%20b").toString());
    assertEquals("http://h/", GoUrl.parse("http://h/#").toString());
  }

  @Test
  void marshalsLikeGo() {
    assertEquals(Json.parse("{\"Scheme\":\"spiffe\",\"Opaque\":\"\",\"User\":null,\"Host\":\"example.com\","
        + "\"Path\":\"/opa\",\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,\"RawQuery\":\"\","
        + "\"Fragment\":\"\",\"RawFragment\":\"\"}"), GoUrl.parse("spiffe://example.com/opa").toJson());
  }
}
