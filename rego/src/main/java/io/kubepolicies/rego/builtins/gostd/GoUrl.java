package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A URL parsed by the rules of Go's {@code net/url.Parse}, with the parts OPA's built-ins use: the
 * host and escaped path for AWS signing, the re-serialised form and the JSON shape of
 * {@code url.URL} for certificate URIs. {@link java.net.URI} differs (it rejects characters Go
 * accepts and splits the parts differently), which would change signatures.
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
      String s = escape(username, Mode.USER_PASSWORD);
      return password == null ? s : s + ":" + escape(password, Mode.USER_PASSWORD);
    }
  }

  /** A parse failure; the message is Go's {@code url.Error} text. */
  public static final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ParseException(String url, String reason) {
      super("parse " + quote(url) + ": " + reason);
    }
  }

  private enum Mode { PATH, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String reason) {
      super(reason, null, false, false);
    }
  }

  public static GoUrl parse(String rawUrl) {
    int hash = rawUrl.indexOf('#');
    String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
    Builder b;
    try {
      b = parseWithoutFragment(u);
    } catch (Failure f) {
      throw new ParseException(u, f.getMessage());
    }
    if (hash >= 0) {
      try {
        String frag = rawUrl.substring(hash + 1);
        b.fragment = unescape(frag, Mode.FRAGMENT);
        b.rawFragment = frag.equals(escape(b.fragment, Mode.FRAGMENT)) ? "" : frag;
      } catch (Failure f) {
        throw new ParseException(rawUrl, f.getMessage());
      }
    }
    return b.build();
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

  private static Builder parseWithoutFragment(String raw) throws Failure {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new Failure("net/url: invalid control character in URL");
      }
    }
    Builder url = new Builder();
    if (raw.equals("*")) {
      url.path = "*";
      return url;
    }
    String rest = raw;
    int colon = schemeEnd(raw);
    if (colon == 0) {
      throw new Failure("missing protocol scheme");
    }
    if (colon > 0) {
      url.scheme = raw.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = raw.substring(colon + 1);
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
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) {
        throw new Failure("first path segment in URL cannot contain colon");
      }
    }
    if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      parseAuthority(authority, url);
    } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
      url.omitHost = true;
    }
    url.path = unescape(rest, Mode.PATH);
    url.rawPath = rest.equals(escape(url.path, Mode.PATH)) ? "" : rest;
    return url;
  }

  /** The index of the scheme's colon, -1 when there is no scheme, 0 for a leading colon. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        continue;
      }
      if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static void parseAuthority(String authority, Builder url) throws Failure {
    int at = authority.lastIndexOf('@');
    url.host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at < 0) {
      return;
    }
    String userinfo = authority.substring(0, at);
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
      if (!ok) {
        throw new Failure("net/url: invalid userinfo");
      }
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      url.user = new Userinfo(unescape(userinfo, Mode.USER_PASSWORD), null);
    } else {
      url.user = new Userinfo(
          unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD),
          unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD));
    }
  }

  private static String parseHost(String host) throws Failure {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new Failure("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw new Failure("invalid port " + quote(colonPort) + " after host");
      }
      int zone = host.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return unescape(host.substring(0, zone), Mode.HOST)
            + unescape(host.substring(zone, close), Mode.ZONE)
            + unescape(host.substring(close), Mode.HOST);
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        String colonPort = host.substring(colon);
        if (!validOptionalPort(colonPort)) {
          throw new Failure("invalid port " + quote(colonPort) + " after host");
        }
      }
    }
    return unescape(host, Mode.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean shouldEscape(int c, Mode mode) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      switch (mode) {
        case PATH:
          return c == '?';
        case USER_PASSWORD:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case QUERY_COMPONENT:
          return true;
        case FRAGMENT:
          return false;
        default:
          break;
      }
    }
    if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
      return false;
    }
    return true;
  }

  private static String unescape(String s, Mode mode) throws Failure {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; ) {
      int c = in[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
          String bad = new String(in, i, Math.min(3, in.length - i), StandardCharsets.UTF_8);
          throw new Failure("invalid URL escape " + quote(bad));
        }
        String escape = new String(in, i, 3, StandardCharsets.UTF_8);
        if (mode == Mode.HOST && hex(in[i + 1]) < 8 && !escape.equals("%25")) {
          throw new Failure("invalid URL escape " + quote(escape));
        }
        int decoded = hex(in[i + 1]) << 4 | hex(in[i + 2]);
        if (mode == Mode.ZONE && !escape.equals("%25") && decoded != ' ' && shouldEscape(decoded, Mode.HOST)) {
          throw new Failure("invalid URL escape " + quote(escape));
        }
        out.write(decoded);
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new Failure("invalid character " + quote(String.valueOf((char) c)) + " in host name");
        }
        out.write(mode == Mode.QUERY_COMPONENT && c == '+' ? ' ' : c);
        i++;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String escape(String s, Mode mode) {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(in.length);
    for (byte b : in) {
      int c = b & 0xff;
      if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
        out.append('+');
      } else if (shouldEscape(c, mode)) {
        out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder();
    RegoText.quote(s, sb);
    return sb.toString();
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static boolean validEncoded(String s, Mode mode) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
        continue;
      }
      if (shouldEscape(c, mode)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code URL.EscapedPath}. */
  public String escapedPath() {
    if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH)) {
      try {
        if (unescape(rawPath, Mode.PATH).equals(path)) {
          return rawPath;
        }
      } catch (Failure ignored) {
        // fall through to the escaped form, as Go does
      }
    }
    if (path.equals("*")) {
      return "*";
    }
    return escape(path, Mode.PATH);
  }

  /** Go's {@code URL.EscapedFragment}. */
  public String escapedFragment() {
    if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT)) {
      try {
        if (unescape(rawFragment, Mode.FRAGMENT).equals(fragment)) {
          return rawFragment;
        }
      } catch (Failure ignored) {
        // fall through to the escaped form, as Go does
      }
    }
    return escape(fragment, Mode.FRAGMENT);
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
      if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
        if (!(omitHost && host.isEmpty() && user == null)) {
          if (!host.isEmpty() || !path.isEmpty() || user != null) {
            buf.append("//");
          }
          if (user != null) {
            buf.append(user.serialise()).append('@');
          }
          if (!host.isEmpty()) {
            buf.append(escape(host, Mode.HOST));
          }
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
}
