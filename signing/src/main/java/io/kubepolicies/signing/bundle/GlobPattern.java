package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern of the manifest's {@code file_rego_versions}, in the glob syntax OPA uses (gobwas/glob
 * without separators): {@code *} matches any run of characters including {@code /}, {@code ?} any
 * one character, {@code [abc]} / {@code [!abc]} / {@code [a-z]} a class, {@code {a,b}} alternatives,
 * and {@code \} escapes the next character.
 */
final class GlobPattern {
  private final Pattern regex;

  private GlobPattern(Pattern regex) {
    this.regex = regex;
  }

  static GlobPattern compile(String glob) throws BundleException {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(".*");
        case '?' -> out.append('.');
        case '{' -> {
          braces++;
          out.append("(?:");
        }
        case '}' -> {
          if (braces-- == 0) {
            throw new BundleException("unbalanced '}' in glob " + glob);
          }
          out.append(')');
        }
        case ',' -> out.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (++i == glob.length()) {
            throw new BundleException("glob " + glob + " ends with an escape");
          }
          out.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '[' -> i = appendClass(glob, i, out);
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces != 0) {
      throw new BundleException("unbalanced '{' in glob " + glob);
    }
    try {
      return new GlobPattern(Pattern.compile(out.toString(), Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      throw new BundleException("invalid glob " + glob + ": " + e.getDescription());
    }
  }

  private static int appendClass(String glob, int open, StringBuilder out) throws BundleException {
    int close = glob.indexOf(']', open + 1);
    if (close < 0) {
      throw new BundleException("unclosed '[' in glob " + glob);
    }
    String body = glob.substring(open + 1, close);
    boolean negated = body.startsWith("!");
    if (body.length() == (negated ? 1 : 0)) {
      throw new BundleException("empty character class in glob " + glob);
    }
    out.append(negated ? "[^" : "[");
    for (char c : (negated ? body.substring(1) : body).toCharArray()) {
      out.append(c == '-' ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
    }
    out.append(']');
    return close;
  }

  boolean matches(String path) {
    return regex.matcher(path).matches();
  }
}
