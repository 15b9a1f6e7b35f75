package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.Value;

/**
 * A built-in failed. The evaluator adds the built-in's name and the location, so the message is
 * only the reason, as in OPA: {@code divide by zero}, {@code operand 1 must be string but got number}.
 * Per OPA, a failed call is undefined unless strict built-in errors are on.
 */
public final class BuiltinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  private BuiltinException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** eval_builtin_error: the operation failed (bad format, divide by zero, invalid key, ...). */
  public static BuiltinException error(String message) {
    return new BuiltinException(RegoError.EVAL_BUILTIN, message);
  }

  /** eval_type_error: an operand has the wrong type or shape. */
  public static BuiltinException type(String message) {
    return new BuiltinException(RegoError.EVAL_TYPE, message);
  }

  /**
   * OPA's operand type error: {@code operand 2 must be string but got number}, or with several
   * expected types {@code operand 1 must be one of {string, set, array} but got number}.
   */
  public static BuiltinException operand(int position, Value got, String... expected) {
    String want = expected.length == 1 ? expected[0] : "one of {" + String.join(", ", expected) + "}";
    return type("operand " + position + " must be " + want + " but got " + got.typeName());
  }

  /** OPA's error for a number operand that must be an integer. */
  public static BuiltinException notAnInteger(int position) {
    return type("operand " + position + " must be integer number but got floating-point number");
  }

  /**
   * OPA's error for a collection operand with an element of the wrong type:
   * {@code operand 2 must be array of strings but got array containing number}.
   */
  public static BuiltinException operandElement(int position, Value collection, Value element, String expected) {
    String kind = collection.typeName();
    return type("operand " + position + " must be " + kind + " of " + expected + "s but got " + kind
        + " containing " + element.typeName());
  }

  public String code() {
    return code;
  }
}
