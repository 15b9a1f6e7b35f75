package io.kubepolicies.rego.builtins.neturl;

import io.kubepolicies.rego.value.RegoText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A URL as Go's {@code net/url.Parse} reads it (scheme, opaque part, host, decoded path with the raw
 * form when it differs from the default encoding, raw query, decoded fragment), with Go's validation
 * and error messages, e.g. {@code parse "http://a<b@x/": net/url: invalid userinfo}. It includes Go's
 * 2025-2026 host hardening: a bracketed host must be an IPv6 address and brackets may only open the host.
 */
public record GoUrl(String scheme, String opaque, String host, String path, String rawPath, String rawQuery, String fragment) {

  /** Go's {@code url.Parse}; failures are {@link UrlError}s with Go's message. */
  public static GoUrl parse(String rawUrl) {
    int hash = rawUrl.indexOf('#');
    String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
    String frag = hash < 0 ? "" : rawUrl.substring(hash + 1);
    GoUrl url;
    try {
      url = parseWithoutFragment(u);
    } catch (UrlError e) {
      throw wrap(u, e);
    }
    if (frag.isEmpty()) {
      return url;
    }
    try {
      String fragment = new String(UrlEscaping.unescape(UrlEscaping.utf8(frag), UrlEscaping.Mode.FRAGMENT), StandardCharsets.UTF_8);
      return new GoUrl(url.scheme, url.opaque, url.host, url.path, url.rawPath, url.rawQuery, fragment);
    } catch (UrlError e) {
      throw wrap(rawUrl, e);
    }
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

  private static UrlError wrap(String url, UrlError cause) {
    StringBuilder sb = new StringBuilder("parse ");
    RegoText.quote(url, sb);
    return new UrlError(sb.append(": ").append(cause.getMessage()).toString());
  }

  private static GoUrl parseWithoutFragment(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new UrlError("net/url: invalid control character in URL");
      }
    }
    if (raw.equals("*")) {
      return new GoUrl("", "", "", "*", "", "", "");
    }
    int schemeEnd = schemeEnd(raw);
    String scheme = schemeEnd < 0 ? "" : raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = schemeEnd < 0 ? raw : raw.substring(schemeEnd + 1);

    String rawQuery = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }

    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new GoUrl(scheme, rest, "", "", "", rawQuery, "");
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.indexOf(':') >= 0) {
        throw new UrlError("first path segment in URL cannot contain colon");
      }
    }

    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      host = parseAuthority(slash < 0 ? authority : authority.substring(0, slash));
    }

    byte[] escaped = UrlEscaping.utf8(rest);
    byte[] decoded = UrlEscaping.unescape(escaped, UrlEscaping.Mode.PATH);
    boolean defaultEncoding = Arrays.equals(UrlEscaping.escape(decoded, UrlEscaping.Mode.PATH), escaped);
    return new GoUrl(scheme, "", host, new String(decoded, StandardCharsets.UTF_8), defaultEncoding ? "" : rest, rawQuery, "");
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

  /** Validates {@code [userinfo@]host[:port]} and returns the host with its port. */
  private static String parseAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at >= 0) {
      String userinfo = authority.substring(0, at);
      if (!validUserinfo(userinfo)) {
        throw new UrlError("net/url: invalid userinfo");
      }
      int colon = userinfo.indexOf(':');
      UrlEscaping.unescape(UrlEscaping.utf8(colon < 0 ? userinfo : userinfo.substring(0, colon)), UrlEscaping.Mode.USER_PASSWORD);
      if (colon >= 0) {
        UrlEscaping.unescape(UrlEscaping.utf8(userinfo.substring(colon + 1)), UrlEscaping.Mode.USER_PASSWORD);
      }
    }
    return host;
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
      String port = unescapeHost(colonPort, UrlEscaping.Mode.HOST);
      String inside = host.substring(1, close);
      int zone = inside.indexOf("%25");
      String address = zone < 0
          ? unescapeHost(inside, UrlEscaping.Mode.HOST)
          : unescapeHost(inside.substring(0, zone), UrlEscaping.Mode.HOST)
              + unescapeHost(inside.substring(zone), UrlEscaping.Mode.ZONE);
      boolean ipv4;
      try {
        ipv4 = IpLiteral.isIPv4(address);
      } catch (UrlError e) {
        throw new UrlError("invalid host: " + e.getMessage());
      }
      if (ipv4) {
        throw new UrlError("invalid IP-literal");
      }
      return "[" + address + "]" + port;
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
      throw invalidPort(host.substring(colon));
    }
    return unescapeHost(host, UrlEscaping.Mode.HOST);
  }

  private static String unescapeHost(String s, UrlEscaping.Mode mode) {
    return new String(UrlEscaping.unescape(UrlEscaping.utf8(s), mode), StandardCharsets.UTF_8);
  }

  private static UrlError invalidPort(String colonPort) {
    StringBuilder sb = new StringBuilder("invalid port ");
    RegoText.quote(colonPort, sb);
    return new UrlError(sb.append(" after host").toString());
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
      if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
        continue;
      }
      return false;
    }
    return true;
  }
}
