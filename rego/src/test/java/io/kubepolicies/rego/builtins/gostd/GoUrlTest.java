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
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse(":foo")).getMessage());
    assertEquals("parse \"http://a b\": invalid character \" \" in host name",
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse("http://a b")).getMessage());
    assertEquals("parse \"http://h/%zz\": invalid URL escape \"%zz\"",
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse("http://h/%zz")).getMessage());
    assertEquals("parse \"http://h:x\": invalid port \":x\" after host",
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse("http://h:x")).getMessage());
    assertEquals("parse \"1a:b/c\": first path segment in URL cannot contain colon",
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse("1a:b/c")).getMessage());
    assertEquals("parse \"http://h/\\n\": net/url: invalid control character in URL",
        assertThrows(GoUrl.ParseException.class, () -> GoUrl.parse("http://h/\n")).getMessage());
  }

  @Test
  void marshalsLikeGo() {
    assertEquals(Json.parse("{\"Scheme\":\"spiffe\",\"Opaque\":\"\",\"User\":null,\"Host\":\"example.com\","
        + "\"Path\":\"/opa\",\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,\"RawQuery\":\"\","
        + "\"Fragment\":\"\",\"RawFragment\":\"\"}"), GoUrl.parse("spiffe://example.com/opa").toJson());
  }
}
