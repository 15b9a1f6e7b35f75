package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;

/**
 * Everything the built-ins need to know about one schema operand, computed once: its AST value
 * and validated {@link Schema}, or why it could not be read ({@code parseError}) or validated
 * ({@code validationError}), each worded as OPA words it.
 */
record SchemaEntry(ObjectValue ast, Schema schema, String parseError, String validationError) {
  static SchemaEntry of(Value operand) {
    SchemaAst.Document doc;
    try {
      doc = operand instanceof StringValue s ? SchemaParser.parse(s.value()) : AstDecoder.schema((ObjectValue) operand);
    } catch (GraphqlError e) {
      return new SchemaEntry(null, null, OpaErrors.parse(e), null);
    } catch (AstDecoder.InvalidAst e) {
      return new SchemaEntry(null, null, e.getMessage(), null);
    }
    ObjectValue ast = AstValues.schema(doc);
    try {
      return new SchemaEntry(ast, SchemaValidator.validate(doc), null, null);
    } catch (GraphqlError e) {
      return new SchemaEntry(ast, null, null, OpaErrors.schema(e));
    }
  }

  boolean valid() {
    return schema != null;
  }

  /** This entry if the schema is valid; otherwise its error as a built-in error. */
  SchemaEntry orThrow() {
    if (parseError != null) {
      throw BuiltinException.error(parseError);
    }
    if (validationError != null) {
      throw BuiltinException.error(validationError);
    }
    return this;
  }
}
