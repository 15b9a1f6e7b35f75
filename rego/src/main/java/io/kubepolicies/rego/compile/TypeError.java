package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code rego_type_error}, worded as OPA's type checker words it: a message and the detail lines
 * OPA prints under it, each on its own tab-indented line. {@code fromUnknown} marks an error that an
 * unknown type may have caused; OPA drops those when a more specific error in the same expression
 * already explains them.
 */
record TypeError(String message, Location location, boolean fromUnknown) {
  void report(Errors errors) {
    errors.add(RegoError.TYPE, message, location);
  }

  /** A built-in or function called with arguments its signature rules out: {@code count: invalid argument(s)}. */
  static TypeError arguments(Location location, String function, String reason, List<Type> have, List<Type> want) {
    String message = function + ": " + reason + "\n\thave: " + list(have) + "\n\twant: " + list(want);
    return new TypeError(message, location, have.stream().anyMatch(Types::hasUnknown));
  }

  /** Two sides of {@code =} that no value satisfies. */
  static TypeError match(Location location, Type left, Type right) {
    String message = "match error\n\tleft  : " + Type.print(left) + "\n\tright : " + Type.print(right);
    return new TypeError(message, location, Types.hasUnknown(left) || Types.hasUnknown(right));
  }

  /** A reference into a value that has no members at {@code position} (a scalar, a function). */
  static TypeError refUnsupported(Ref ref, int position, Type have) {
    String text = TermText.of(ref);
    String marker = "^".repeat(TermText.prefix(ref, position + 1).length());
    String message = "undefined ref: " + text + "\n\t" + text + "\n\t" + marker + "\n\thave: " + Type.print(have);
    return new TypeError(message, ref.location(), false);
  }

  /**
   * A reference whose term at {@code position} cannot select anything: a key the value does not
   * have ({@code have} null: the term itself is shown), or a key of the wrong type.
   */
  static TypeError refInvalid(Ref ref, int position, Type have, Type want, List<Value> oneOf) {
    String text = TermText.of(ref);
    String pad = " ".repeat(TermText.prefix(ref, position).length() + 1);
    StringBuilder sb = new StringBuilder("undefined ref: ").append(text).append("\n\t").append(text)
        .append("\n\t").append(pad).append('^').append("\n\t").append(pad);
    if (have != null) {
      sb.append("have (type): ").append(Type.print(have));
    } else {
      sb.append("have: ").append(TermText.of(ref.get(position)));
    }
    sb.append("\n\t").append(pad);
    if (!oneOf.isEmpty()) {
      String keys = oneOf.stream().map(RegoText::write).collect(Collectors.joining(" "));
      sb.append("want (one of): [").append(keys).append(']');
    } else {
      sb.append("want (type): ").append(Type.print(want));
    }
    return new TypeError(sb.toString(), ref.location(), false);
  }

  private static String list(List<Type> types) {
    return "(" + types.stream().map(Type::print).collect(Collectors.joining(", ")) + ")";
  }
}
