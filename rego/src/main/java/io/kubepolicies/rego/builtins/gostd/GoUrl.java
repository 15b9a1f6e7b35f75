package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.builtins.gostd.UrlEscaping.Mode;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A URL as Go's {@code net/url.Parse} reads it, with Go's validation and error messages, e.g.
 * {@code parse "http://a<b@x/": net/url: invalid userinfo}, including Go's 2025 host hardening (a
 * bracketed host must be an IPv6 address, and brackets may only open the host). It serves
 * {@code uri.parse}, AWS request signing (host and escaped path), and certificate URIs (Go's
 * {@code URL.String} and the JSON of a {@code url.URL}). {@link java.net.URI} differs: it rejects
 * characters Go accepts and splits the parts differently, which would change signatures.
 */
public record GoUrl(
    String scheme,
    String opaque,
    Userinfo user,
    String host,
    String path,
    String rawPath,
    boolean omitHost,
    boolean forceQuery,
    String rawQuery,
    String fragment,
    String rawFragment) {

  /** Go's {@code url.Userinfo}; the password is null when absent. */
  public record Userinfo(String username, String password) {
    String serialise() {
      String s = UrlEscaping.escape(username, Mode.USER_PASSWORD);
      return password == null ? s : s + ":" + UrlEscaping.escape(password, Mode.USER_PASSWORD);
    }
  }

  /** Go's {@code url.Parse}; failures are {@link UrlError}s with Go's message. */
  public static GoUrl parse(String rawUrl) {
    int hash = rawUrl.indexOf('#');
    String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
    Builder url;
    try {
      url = parseWithoutFragment(u);
    } catch (UrlError e) {
      throw wrap(u, e);
    }
    String frag = hash < 0 ? "" : rawUrl.substring(hash + 1);
    if (!frag.isEmpty()) {
      try {
        byte[] escaped = UrlEscaping.utf8(frag);
        byte[] decoded = UrlEscaping.unescape(escaped, Mode.FRAGMENT);
        url.fragment = new String(decoded, StandardCharsets.UTF_8);
        url.rawFragment = Arrays.equals(UrlEscaping.escape(decoded, Mode.FRAGMENT), escaped) ? "" : frag;
      } catch (UrlError e) {
        throw wrap(rawUrl, e);
      }
    }
    return url.build();
  }

  /** The host without a port and without the brackets of an IPv6 literal (Go's {@code Hostname}). */
  public String hostname() {
    String h = host;
    int colon = h.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(h.substring(colon))) {
      h = h.substring(0, colon);
    }
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  /** The port, or empty (Go's {@code Port}). */
  public String port() {
    int colon = host.lastIndexOf(':');
    return colon >= 0 && validOptionalPort(host.substring(colon)) ? host.substring(colon + 1) : "";
  }

  /** Go's {@code URL.EscapedPath}. */
  public String escapedPath() {
    if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH) && decodes(rawPath, Mode.PATH, path)) {
      return rawPath;
    }
    if (path.equals("*")) {
      return "*";
    }
    return UrlEscaping.escape(path, Mode.PATH);
  }

  /** Go's {@code URL.EscapedFragment}. */
  public String escapedFragment() {
    if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT) && decodes(rawFragment, Mode.FRAGMENT, fragment)) {
      return rawFragment;
    }
    return UrlEscaping.escape(fragment, Mode.FRAGMENT);
  }

  /** Go's {@code URL.String}. */
  @Override
  public String toString() {
    StringBuilder buf = new StringBuilder();
    if (!scheme.isEmpty()) {
      buf.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      buf.append(opaque);
    } else {
      if ((!scheme.isEmpty() || !host.isEmpty() || user != null) && !(omitHost && host.isEmpty() && user == null)) {
        if (!host.isEmpty() || !path.isEmpty() || user != null) {
          buf.append("//");
        }
        if (user != null) {
          buf.append(user.serialise()).append('@');
        }
        if (!host.isEmpty()) {
          buf.append(UrlEscaping.escape(host, Mode.HOST));
        }
      }
      String p = escapedPath();
      if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
        buf.append('/');
      }
      if (buf.length() == 0) {
        int slash = p.indexOf('/');
        if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
          buf.append("./");
        }
      }
      buf.append(p);
    }
    if (forceQuery || !rawQuery.isEmpty()) {
      buf.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      buf.append('#').append(escapedFragment());
    }
    return buf.toString();
  }

  /** The value Go's {@code json.Marshal} makes of a {@code *url.URL}. */
  public Value toJson() {
    return ObjectValue.builder()
        .put("Scheme", StringValue.of(scheme))
        .put("Opaque", StringValue.of(opaque))
        // Userinfo has only unexported fields, so Go marshals it as an empty object
        .put("User", user == null ? NullValue.NULL : ObjectValue.EMPTY)
        .put("Host", StringValue.of(host))
        .put("Path", StringValue.of(path))
        .put("RawPath", StringValue.of(rawPath))
        .put("OmitHost", BooleanValue.of(omitHost))
        .put("ForceQuery", BooleanValue.of(forceQuery))
        .put("RawQuery", StringValue.of(rawQuery))
        .put("Fragment", StringValue.of(fragment))
        .put("RawFragment", StringValue.of(rawFragment))
        .build();
  }

  private static final class Builder {
    String scheme = "";
    String opaque = "";
    Userinfo user;
    String host = "";
    String path = "";
    String rawPath = "";
    boolean omitHost;
    boolean forceQuery;
    String rawQuery = "";
    String fragment = "";
    String rawFragment = "";

    GoUrl build() {
      return new GoUrl(scheme, opaque, user, host, path, rawPath, omitHost, forceQuery, rawQuery, fragment, rawFragment);
    }
  }

  private static UrlError wrap(String url, UrlError cause) {
    return new UrlError("parse " + GoQuote.quote(url) + ": " + cause.getMessage());
  }

  private static Builder parseWithoutFragment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new UrlError("net/url: invalid control character in URL");
      }
    }
    Builder url = new Builder();
    if (raw.equals("*")) {
      url.path = "*";
      return url;
    }
    int schemeEnd = schemeEnd(raw);
    String rest = raw;
    if (schemeEnd >= 0) {
      url.scheme = raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      rest = raw.substring(schemeEnd + 1);
    }
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      url.forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        url.rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!url.scheme.isEmpty()) {
        url.opaque = rest;
        return url;
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).indexOf(':') >= 0) {
        throw new UrlError("first path segment in URL cannot contain colon");
      }
    }
    if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      parseAuthority(slash < 0 ? authority : authority.substring(0, slash), url);
    } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
      url.omitHost = true;
    }
    byte[] escaped = UrlEscaping.utf8(rest);
    byte[] decoded = UrlEscaping.unescape(escaped, Mode.PATH);
    url.path = new String(decoded, StandardCharsets.UTF_8);
    url.rawPath = Arrays.equals(UrlEscaping.escape(decoded, Mode.PATH), escaped) ? "" : rest;
    return url;
  }

  /** The index of the colon ending a valid scheme ({@code [a-zA-Z][a-zA-Z0-9+-.]*}), or -1 when there is none. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
        continue;
      }
      if ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new UrlError("missing protocol scheme");
        }
        return i;
      }
      return -1;
    }
    return -1;
  }

  /** Reads {@code [userinfo@]host[:port]} into the builder. */
  private static void parseAuthority(String authority, Builder url) {
    int at = authority.lastIndexOf('@');
    url.host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    if (!validUserinfo(userinfo)) {
      throw new UrlError("net/url: invalid userinfo");
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      url.user = new Userinfo(UrlEscaping.unescape(userinfo, Mode.USER_PASSWORD), null);
    } else {
      url.user = new Userinfo(
          UrlEscaping.unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD),
          UrlEscaping.unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD));
    }
  }

  private static String parseHost(String host) {
    int open = host.lastIndexOf('[');
    if (open > 0) {
      throw new UrlError("invalid IP-literal");
    }
    if (open == 0) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new UrlError("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw invalidPort(colonPort);
      }
      String port = UrlEscaping.unescape(colonPort, Mode.HOST);
      String inside = host.substring(1, close);
      int zone = inside.indexOf("%25");
      String address = zone < 0
          ? UrlEscaping.unescape(inside, Mode.HOST)
          : UrlEscaping.unescape(inside.substring(0, zone), Mode.HOST)
              + UrlEscaping.unescape(inside.substring(zone), Mode.ZONE);
      GoIp.Parsed ip;
      try {
        ip = GoIp.parse(address);
      } catch (GoIp.ParseError e) {
        throw new UrlError("invalid host: " + e.getMessage());
      }
      if (ip.bytes().length == 4) {
        throw new UrlError("invalid IP-literal");
      }
      return "[" + address + "]" + port;
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
      throw invalidPort(host.substring(colon));
    }
    return UrlEscaping.unescape(host, Mode.HOST);
  }

  private static UrlError invalidPort(String colonPort) {
    return new UrlError("invalid port " + GoQuote.quote(colonPort) + " after host");
  }

  /** Empty, or a colon followed by ASCII digits only. */
  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      char c = port.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validUserinfo(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code validEncoded}: only characters that need no escaping, sub-delimiters and escapes. */
  private static boolean validEncoded(String s, Mode mode) {
    for (byte b : UrlEscaping.utf8(s)) {
      int c = b & 0xff;
      if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && UrlEscaping.shouldEscape(c, mode)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code raw} unescapes to {@code decoded}; malformed escapes do not. */
  private static boolean decodes(String raw, Mode mode, String decoded) {
    try {
      return UrlEscaping.unescape(raw, mode).equals(decoded);
    } catch (UrlError malformed) {
      return false;
    }
  }
}
