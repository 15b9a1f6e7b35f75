package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.jsonschema.SchemaCompiler;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * JSON Schema built-ins: {@code json.verify_schema} and {@code json.match_schema}. Schemas and
 * documents are JSON strings, objects or arrays; compiled schemas are cached per family instance.
 */
public final class JsonSchemaFamily implements BuiltinFamily {
  private static final Type JSON = Type.anyOf(Type.STRING, Type.objectOf(Type.ANY, Type.ANY));
  private static final Type MATCH = Type.tuple(Type.BOOLEAN, Type.arrayOf(Type.object(List.of(
      Type.property("error", Type.STRING), Type.property("type", Type.STRING), Type.property("field", Type.STRING),
      Type.property("desc", Type.STRING)), null)));

  private final SchemaCompiler compiler = new SchemaCompiler();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("json.verify_schema", List.of(Type.named("schema", JSON)),
        Type.named("output", Type.tuple(Type.BOOLEAN, Type.anyOf(Type.STRING, Type.NULL))),
        (ctx, args) -> verify(args[0]));
    r.function("json.match_schema", List.of(Type.named("document", JSON), Type.named("schema", JSON)),
        Type.named("output", MATCH), (ctx, args) -> match(args[0], args[1]));
  }

  /** {@code [true, null]} for a usable schema, otherwise {@code [false, "jsonschema: <why>"]}. */
  private ArrayValue verify(Value schema) {
    SchemaCompiler.Compiled compiled = compiler.compile(schema);
    return compiled.ok()
        ? ArrayValue.of(BooleanValue.TRUE, NullValue.NULL)
        : ArrayValue.of(BooleanValue.FALSE, StringValue.of("jsonschema: " + compiled.error()));
  }

  /** {@code [matches, errors]}; a document or schema that cannot be used at all fails the call. */
  private ArrayValue match(Value documentOperand, Value schemaOperand) {
    Value document;
    try {
      document = SchemaCompiler.document(documentOperand);
    } catch (SchemaCompiler.InvalidInput e) {
      throw BuiltinException.error(e.getMessage());
    }
    SchemaCompiler.Compiled compiled = compiler.compile(schemaOperand);
    if (!compiled.ok()) {
      throw BuiltinException.error(compiled.error());
    }
    ArrayValue errors = compiler.validate(compiled.schema(), document);
    return ArrayValue.of(BooleanValue.of(errors.isEmpty()), errors);
  }
}
