package io.kubepolicies.rego.builtins.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal DER reader that only finds element boundaries. Go keeps the exact bytes of a
 * certificate's parts ({@code Raw}, {@code RawTBSCertificate}, {@code RawSubject}, ...), and slicing
 * them from the input is the only way to be sure they are not re-encoded.
 */
final class Der {
  static final int SEQUENCE = 0x30;

  private Der() {}

  /** One element: its tag byte and where its header, content and end are in the buffer. */
  record Element(byte[] buffer, int tag, int start, int contentStart, int end) {
    byte[] bytes() {
      return Arrays.copyOfRange(buffer, start, end);
    }

    /** The elements directly inside this (constructed) element. */
    List<Element> children() {
      List<Element> out = new ArrayList<>();
      int pos = contentStart;
      while (pos < end) {
        Element child = read(buffer, pos, end);
        if (child == null) {
          return null;
        }
        out.add(child);
        pos = child.end();
      }
      return out;
    }
  }

  /** The element starting at {@code offset}, or null when it is not well-formed DER within {@code limit}. */
  static Element read(byte[] buf, int offset, int limit) {
    if (offset + 2 > limit) {
      return null;
    }
    int tag = buf[offset] & 0xff;
    if ((tag & 0x1f) == 0x1f) {
      return null; // high tag numbers never occur in the structures read here
    }
    int first = buf[offset + 1] & 0xff;
    int pos = offset + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int n = first & 0x7f;
      if (n == 0 || n > 4 || pos + n > limit || buf[pos] == 0) {
        return null; // indefinite, too long, or not minimally encoded
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = length << 8 | (buf[pos++] & 0xff);
      }
      if (length < 0x80) {
        return null;
      }
    }
    if (pos + length > limit) {
      return null;
    }
    return new Element(buf, tag, offset, pos, (int) (pos + length));
  }
}
