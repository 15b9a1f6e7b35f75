package io.kubepolicies.rego.builtins.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * OPA's GraphQL built-ins, on a port of the gqlparser library OPA uses: {@code graphql.parse},
 * {@code graphql.parse_and_verify}, {@code graphql.parse_query}, {@code graphql.parse_schema},
 * {@code graphql.is_valid} and {@code graphql.schema_is_valid}. Queries and schemas are GraphQL
 * text or, where OPA allows it, the AST objects these built-ins return. Schemas, parsed and
 * validated, are kept in a bounded cache: policies check every request against the same schema.
 */
public final class GraphqlFamily implements BuiltinFamily {
  private static final int SCHEMA_CACHE_SIZE = 64;
  private static final Type OBJECT = Type.objectOf(Type.ANY, Type.ANY);
  private static final Type DOCUMENT = Type.anyOf(Type.STRING, OBJECT);
  private static final ArrayValue UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  /** A query read from its operand, with the AST value OPA returns for it. */
  private record Query(QueryAst.Document document, ObjectValue ast) {}

  private final Cache<Value, SchemaEntry> schemas = Caffeine.newBuilder().maximumSize(SCHEMA_CACHE_SIZE).build();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("graphql.parse", List.of(DOCUMENT, DOCUMENT), Type.arrayOf(OBJECT), (ctx, args) -> parse(args[0], args[1]));
    r.function("graphql.parse_and_verify", List.of(DOCUMENT, DOCUMENT), Type.arrayOf(Type.ANY),
        (ctx, args) -> parseAndVerify(args[0], args[1]));
    r.function("graphql.parse_query", List.of(Type.STRING), OBJECT,
        (ctx, args) -> parseQuery(Operands.string(args, 1)).ast());
    r.function("graphql.parse_schema", List.of(Type.STRING), OBJECT,
        (ctx, args) -> parseSchema(Operands.string(args, 1)));
    r.function("graphql.is_valid", List.of(DOCUMENT, DOCUMENT), Type.BOOLEAN,
        (ctx, args) -> BooleanValue.of(isValid(args[0], args[1])));
    r.function("graphql.schema_is_valid", List.of(DOCUMENT), Type.BOOLEAN,
        (ctx, args) -> BooleanValue.of(isDocument(args[0]) && schema(args[0]).valid()));
  }

  /** {@code [query_ast, schema_ast]}, or the first error in OPA's words. */
  private Value parse(Value queryOperand, Value schemaOperand) {
    if (!isDocument(queryOperand)) {
      throw BuiltinException.operand(0, queryOperand, "string", "object");
    }
    Query query = query(queryOperand);
    if (!isDocument(schemaOperand)) {
      throw BuiltinException.operand(1, schemaOperand, "string", "object");
    }
    SchemaEntry schema = schema(schemaOperand).orThrow();
    List<GraphqlError> errors = QueryValidator.validate(schema.schema(), query.document());
    if (!errors.isEmpty()) {
      throw BuiltinException.error(OpaErrors.validation(errors));
    }
    return ArrayValue.of(query.ast(), schema.ast());
  }

  /** {@code [true, query_ast, schema_ast]}, or {@code [false, {}, {}]} whatever went wrong. */
  private Value parseAndVerify(Value queryOperand, Value schemaOperand) {
    if (!isDocument(queryOperand) || !isDocument(schemaOperand)) {
      return UNVERIFIED;
    }
    try {
      Query query = query(queryOperand);
      SchemaEntry schema = schema(schemaOperand).orThrow();
      return QueryValidator.validate(schema.schema(), query.document()).isEmpty()
          ? ArrayValue.of(BooleanValue.TRUE, query.ast(), schema.ast())
          : UNVERIFIED;
    } catch (BuiltinException e) {
      return UNVERIFIED;
    }
  }

  private boolean isValid(Value queryOperand, Value schemaOperand) {
    if (!isDocument(queryOperand) || !isDocument(schemaOperand)) {
      return false;
    }
    try {
      QueryAst.Document document = query(queryOperand).document();
      SchemaEntry schema = schema(schemaOperand);
      return schema.valid() && QueryValidator.validate(schema.schema(), document).isEmpty();
    } catch (BuiltinException e) {
      return false;
    }
  }

  private Value parseSchema(String text) {
    SchemaEntry entry = schema(StringValue.of(text));
    if (entry.parseError() != null) {
      throw BuiltinException.error(entry.parseError());
    }
    return entry.ast();
  }

  private static boolean isDocument(Value v) {
    return v instanceof StringValue || v instanceof ObjectValue;
  }

  private Query query(Value operand) {
    if (operand instanceof StringValue s) {
      return parseQuery(s.value());
    }
    try {
      QueryAst.Document doc = AstDecoder.query((ObjectValue) operand);
      return new Query(doc, AstValues.query(doc));
    } catch (AstDecoder.InvalidAst e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static Query parseQuery(String text) {
    try {
      QueryAst.Document doc = QueryParser.parse(text);
      return new Query(doc, AstValues.query(doc));
    } catch (GraphqlError e) {
      throw BuiltinException.error(OpaErrors.parse(e));
    }
  }

  private SchemaEntry schema(Value operand) {
    return schemas.get(operand, SchemaEntry::of);
  }
}
