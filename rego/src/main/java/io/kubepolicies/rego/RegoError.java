package io.kubepolicies.rego;

import io.kubepolicies.rego.ast.Location;

/**
 * One error with an OPA error code ({@code rego_parse_error}, {@code rego_compile_error},
 * {@code rego_unsafe_var_error}, {@code rego_recursion_error}, {@code rego_type_error},
 * {@code eval_conflict_error}, {@code eval_type_error}, {@code eval_builtin_error}, ...), a message and,
 * when known, the location it refers to.
 */
public record RegoError(String code, String message, Location location) {
  public static final String PARSE = "rego_parse_error";
  public static final String COMPILE = "rego_compile_error";
  public static final String UNSAFE_VAR = "rego_unsafe_var_error";
  public static final String RECURSION = "rego_recursion_error";
  public static final String TYPE = "rego_type_error";
  public static final String EVAL_CONFLICT = "eval_conflict_error";
  public static final String EVAL_TYPE = "eval_type_error";
  public static final String EVAL_BUILTIN = "eval_builtin_error";
  public static final String EVAL_INTERNAL = "eval_internal_error";
  public static final String EVAL_CANCEL = "eval_cancel_error";

  public boolean isEvalError() {
    return code.startsWith("eval_");
  }

  /** OPA's rendering: {@code file:line: code: message}, or {@code code: message} without a location. */
  @Override
  public String toString() {
    if (location == null || location.line() == 0) {
      return code + ": " + message;
    }
    return location.file() + ":" + location.line() + ": " + code + ": " + message;
  }

  /** The rendering for people: {@code file:line:col: code: message}. */
  public String describe() {
    if (location == null || location.line() == 0) {
      return code + ": " + message;
    }
    return location + ": " + code + ": " + message;
  }
}
