package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UriFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new UriFamily());

  private Value parse(String uri) {
    return calls.call("uri.parse", StringValue.of(uri));
  }

  private boolean valid(Value v) {
    return calls.call("uri.is_valid", v) == BooleanValue.TRUE;
  }

  private boolean valid(String uri) {
    return valid(StringValue.of(uri));
  }

  private String parseError(String uri) {
    BuiltinException e = calls.failure("uri.parse", StringValue.of(uri));
    assertEquals(RegoError.EVAL_BUILTIN, e.code());
    return e.getMessage();
  }

  private static ObjectValue obj(String... kv) {
    ObjectValue.Builder b = ObjectValue.builder();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], StringValue.of(kv[i + 1]));
    }
    return b.build();
  }

  @Nested
  class Parse {
    @Test
    void splitsAFullUrl() {
      assertEquals(obj("scheme", "https", "hostname", "example.com", "port", "8080", "path", "/api",
              "raw_path", "/api", "raw_query", "q=1", "fragment", "top"),
          parse("https://example.com:8080/api?q=1#top"));
    }

    @Test
    void leavesOutEmptyComponents() {
      assertEquals(obj("scheme", "https", "hostname", "example.com", "path", "/path", "raw_path", "/path"),
          parse("https://example.com/path"));
      assertEquals(obj("scheme", "https", "hostname", "example.com", "raw_query", "q=1", "fragment", "frag"),
          parse("https://example.com?q=1#frag"));
      assertEquals(obj(), parse(""));
      assertEquals(obj("scheme", "mailto"), parse("mailto:user@example.com"));
      assertEquals(obj("scheme", "http", "hostname", "h"), parse("HTTP://h:"));
    }

    @Test
    void ipv6LiteralsLoseTheirBrackets() {
      assertEquals(obj("scheme", "http", "hostname", "::1", "port", "8080", "path", "/path", "raw_path", "/path"),
          parse("http://[::1]:8080/path"));
      assertEquals(obj("scheme", "http", "hostname", "fe80::1%en0"), parse("http://[fe80::1%25en0]"));
      assertEquals(obj("scheme", "http", "hostname", "::ffff:1.2.3.4"), parse("http://[::ffff:1.2.3.4]"));
    }

    @Test
    void rawPathKeepsEscapesTheDefaultEncodingWouldNotProduce() {
      assertEquals(obj("scheme", "https", "hostname", "example.com", "path", "/path/with/slashes",
          "raw_path", "/path%2Fwith%2Fslashes"), parse("https://example.com/path%2Fwith%2Fslashes"));
      assertEquals(obj("scheme", "https", "hostname", "example.com", "path", "/a!b", "raw_path", "/a!b"),
          parse("https://example.com/a%21b"));
      assertEquals(obj("scheme", "https", "hostname", "example.com", "path", "/a(b)", "raw_path", "/a(b)"),
          parse("https://example.com/a%28b%29"));
      // Lower-case hex is not the default encoding either.
      assertEquals(obj("scheme", "https", "hostname", "example.com", "path", "/a*b", "raw_path", "/a%2ab"),
          parse("https://example.com/a%2ab"));
    }

    @Test
    void bracketIsLegalInsideARegName() {
      assertEquals(obj("scheme", "http", "hostname", "foo]bar", "path", "/", "raw_path", "/"), parse("http://foo]bar/"));
    }

    @Test
    void relativeReferences() {
      assertEquals(obj("path", "/a/b", "raw_path", "/a/b", "raw_query", "x=1"), parse("/a/b?x=1"));
      assertEquals(obj("hostname", "host", "path", "/p", "raw_path", "/p"), parse("//host/p"));
      assertEquals(obj("path", "*", "raw_path", "*"), parse("*"));
    }

    @Test
    void rejectsWhatGoRejectsWithGoMessages() {
      assertEquals("parse \"http://exa%6dple.com/\": invalid URL escape \"%6d\"", parseError("http://exa%6dple.com/"));
      assertEquals("parse \"http://a<b@example.com/\": net/url: invalid userinfo", parseError("http://a<b@example.com/"));
      assertEquals("parse \"http://example.com:٣٤/\": invalid port \":٣٤\" after host", parseError("http://example.com:٣٤/"));
      assertEquals("parse \"http://[invalid\": missing ']' in host", parseError("http://[invalid"));
      assertEquals("parse \"://x\": missing protocol scheme", parseError("://x"));
      assertEquals("parse \"1a:b/x\": first path segment in URL cannot contain colon", parseError("1a:b/x"));
      assertEquals("parse \"https://a{b}/\": invalid character \"{\" in host name", parseError("https://a{b}/"));
      assertEquals("parse \"https://example.com/%zz\": invalid URL escape \"%zz\"", parseError("https://example.com/%zz"));
      assertEquals("parse \"https://example.com/%zé\": invalid URL escape \"%z\\xc3\"", parseError("https://example.com/%zé"));
      assertEquals("parse \"http://a b\": invalid character \" \" in host name", parseError("http://a b"));
      assertEquals("parse \"http://x/\\n\": net/url: invalid control character in URL", parseError("http://x/\n"));
    }

    @Test
    void fragmentErrorsQuoteTheWholeUrl() {
      assertEquals("parse \"http://x/#%zz\": invalid URL escape \"%zz\"", parseError("http://x/#%zz"));
    }

    @Test
    void bracketsMustHoldAnIPv6AddressAtTheStartOfTheHost() {
      assertEquals("parse \"https://[1.2.3.4]/\": invalid IP-literal", parseError("https://[1.2.3.4]/"));
      assertEquals("parse \"https://[v1.x]/\": invalid host: ParseAddr(\"v1.x\"): unexpected character (at \"v1.x\")",
          parseError("https://[v1.x]/"));
      assertEquals("parse \"http://example.com[::1]/\": invalid IP-literal", parseError("http://example.com[::1]/"));
      assertEquals("parse \"http://[::1::2]/\": invalid host: ParseAddr(\"::1::2\"): multiple :: in address (at \":2\")",
          parseError("http://[::1::2]/"));
      assertEquals("parse \"http://[example]/\": invalid host: ParseAddr(\"example\"): unable to parse IP",
          parseError("http://[example]/"));
      assertEquals("parse \"http://[::1]x/\": invalid port \"x\" after host", parseError("http://[::1]x/"));
    }

    @Test
    void nonStringOperandIsTypeError() {
      calls.assertFails(RegoError.EVAL_TYPE, "operand 1 must be string but got number", "uri.parse", NumberValue.of(1));
    }
  }

  @Nested
  class IsValid {
    @Test
    void acceptsWhatGoParses() {
      assertEquals(true, valid("https://example.com/path?q=1"));
      assertEquals(true, valid("http://foo]bar/"));
      assertEquals(true, valid("relative/path"));
    }

    @Test
    void rejectsEmptyMalformedAndNonStrings() {
      assertEquals(false, valid(""));
      assertEquals(false, valid("http://[invalid"));
      assertEquals(false, valid("http://exa%6dple.com/"));
      assertEquals(false, valid("http://a<b@example.com/"));
      assertEquals(false, valid("http://user name@example.com/"));
      assertEquals(false, valid("http://example.com:٣٤/"));
      assertEquals(false, valid(NumberValue.of(1)));
    }
  }
}
