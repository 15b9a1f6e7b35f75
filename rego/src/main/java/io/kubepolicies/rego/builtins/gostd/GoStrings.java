package io.kubepolicies.rego.builtins.gostd;

/** String ordering as in Go, where strings are UTF-8 bytes. */
public final class GoStrings {
  private GoStrings() {}

  /** Go's byte-wise comparison of UTF-8 strings, which is code point order (not UTF-16 order). */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
