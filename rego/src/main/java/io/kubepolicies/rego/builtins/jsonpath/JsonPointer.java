package io.kubepolicies.rego.builtins.jsonpath;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A path into a document as OPA's JSON built-ins accept it: either a {@code /}-separated string with
 * {@code ~1} and {@code ~0} escapes (leading slashes are optional and ignored), or an array whose
 * elements are the segments themselves. The empty string is the empty path.
 */
public final class JsonPointer {
  private JsonPointer() {}

  /** The segments of {@code path}, or null when it is neither a string nor an array. */
  public static List<Value> segments(Value path) {
    if (path instanceof ArrayValue a) {
      return a.elements();
    }
    if (!(path instanceof StringValue s)) {
      return null;
    }
    String text = s.value();
    if (text.isEmpty()) {
      return List.of();
    }
    int start = 0;
    while (start < text.length() && text.charAt(start) == '/') {
      start++;
    }
    List<Value> out = new ArrayList<>();
    for (String part : text.substring(start).split("/", -1)) {
      out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
    }
    return out;
  }
}
