package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the path of a module's {@code package} clause, which must lie under the manifest's roots.
 * This module does not depend on the Rego parser, so it reads just that clause: comments and
 * whitespace, the keyword, then a reference such as {@code a.b["c"]}.
 */
final class PackageDeclaration {
  private final String source;
  private int pos;

  private PackageDeclaration(String source) {
    this.source = source;
  }

  /** The package path below {@code data}, e.g. [a, b, c] for {@code package a.b["c"]}. */
  static List<String> of(String source) throws BundleException {
    return new PackageDeclaration(source).read();
  }

  private List<String> read() throws BundleException {
    skipSpaceAndComments();
    if (!source.startsWith("package", pos) || !isSpace(pos + "package".length())) {
      throw new BundleException("the module does not start with a package declaration");
    }
    pos += "package".length();
    skipSpaceAndComments();
    List<String> path = new ArrayList<>();
    path.add(identifier());
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '.') {
        pos++;
        path.add(identifier());
      } else if (c == '[') {
        pos++;
        path.add(stringLiteral());
        expect(']');
      } else {
        break;
      }
    }
    return List.copyOf(path);
  }

  private String identifier() throws BundleException {
    int start = pos;
    while (pos < source.length() && isIdentifierChar(source.charAt(pos), pos == start)) {
      pos++;
    }
    if (pos == start) {
      throw new BundleException("invalid package declaration");
    }
    return source.substring(start, pos);
  }

  private String stringLiteral() throws BundleException {
    if (pos < source.length() && source.charAt(pos) == '`') {
      int end = source.indexOf('`', pos + 1);
      if (end < 0) {
        throw new BundleException("unterminated string in package declaration");
      }
      String raw = source.substring(pos + 1, end);
      pos = end + 1;
      return raw;
    }
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < source.length() && source.charAt(pos) != '"') {
      char c = source.charAt(pos++);
      if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        throw new BundleException("control character in package declaration");
      } else {
        out.append(c);
      }
    }
    expect('"');
    return out.toString();
  }

  private char escape() throws BundleException {
    if (pos >= source.length()) {
      throw new BundleException("unterminated string in package declaration");
    }
    char c = source.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (pos + 4 > source.length()) {
          throw new BundleException("invalid escape in package declaration");
        }
        try {
          char decoded = (char) Integer.parseInt(source.substring(pos, pos + 4), 16);
          pos += 4;
          yield decoded;
        } catch (NumberFormatException e) {
          throw new BundleException("invalid escape in package declaration");
        }
      }
      default -> throw new BundleException("invalid escape in package declaration");
    };
  }

  private void expect(char c) throws BundleException {
    if (pos >= source.length() || source.charAt(pos) != c) {
      throw new BundleException("invalid package declaration: expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpaceAndComments() {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '#') {
        while (pos < source.length() && source.charAt(pos) != '\n') {
          pos++;
        }
      } else if (isSpace(pos)) {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean isSpace(int at) {
    return at < source.length() && " \t\r\n".indexOf(source.charAt(at)) >= 0;
  }

  private static boolean isIdentifierChar(char c, boolean first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
  }
}
