package io.kubepolicies.rego.value;

/**
 * Values written in Rego's own literal syntax, as OPA prints them in {@code print}, {@code sprintf("%v")}
 * and error messages: strings quoted Go-style, sets as {@code {1, 2}} or {@code set()}, collections in
 * sorted order so the text is deterministic.
 */
public final class RegoText {
  private RegoText() {}

  public static String write(Value value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  public static void write(Value value, StringBuilder sb) {
    switch (value.kind()) {
      case NULL, BOOLEAN, NUMBER -> sb.append(value);
      case STRING -> GoQuote.appendQuoted(((StringValue) value).value(), false, sb);
      case ARRAY -> {
        sb.append('[');
        String sep = "";
        for (Value v : ((ArrayValue) value).elements()) {
          sb.append(sep);
          write(v, sb);
          sep = ", ";
        }
        sb.append(']');
      }
      case SET -> {
        SetValue set = (SetValue) value;
        if (set.isEmpty()) {
          sb.append("set()");
          return;
        }
        sb.append('{');
        String sep = "";
        for (Value v : set.sorted()) {
          sb.append(sep);
          write(v, sb);
          sep = ", ";
        }
        sb.append('}');
      }
      case OBJECT -> {
        ObjectValue obj = (ObjectValue) value;
        sb.append('{');
        String sep = "";
        for (Value k : obj.sortedKeys()) {
          sb.append(sep);
          write(k, sb);
          sb.append(": ");
          write(obj.get(k), sb);
          sep = ", ";
        }
        sb.append('}');
      }
    }
  }
}
