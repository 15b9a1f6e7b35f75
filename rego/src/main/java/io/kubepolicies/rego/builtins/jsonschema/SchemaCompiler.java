package io.kubepolicies.rego.builtins.jsonschema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.FileNotFoundException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Compiles JSON schemas given as Rego values (a JSON string, an object or an array) and keeps the
 * compiled form in a bounded cache keyed by the schema value.
 *
 * <p>A schema without {@code $schema} is read as draft 7, the richest draft OPA's validator knows.
 * A schema is checked against its draft's meta-schema first, since the validator itself accepts
 * almost anything. As in OPA, {@code format} is always asserted and unknown formats pass.
 * References are resolved only to the meta-schemas shipped with the validator:
 * schemas may come from input, so a {@code $ref} must never read files or reach the network.
 */
public final class SchemaCompiler {
  private static final int CACHE_SIZE = 512;

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b
      .schemaRegistryConfig(SchemaRegistryConfig.builder()
          .regularExpressionFactory(new Re2Patterns())
          .formatAssertionsEnabled(true)
          .build())
      .schemaLoader(loader -> loader.fetchRemoteResources(false)));
  private final Map<SpecificationVersion, Schema> metaSchemas = new EnumMap<>(SpecificationVersion.class);
  private final Cache<Value, Compiled> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  /** A compiled schema, or why it could not be compiled. */
  public record Compiled(Schema schema, String error) {
    public boolean ok() {
      return schema != null;
    }
  }

  /** Thrown for a document or schema operand that is not JSON at all. */
  public static final class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidInput(String message) {
      super(message, null, false, false);
    }
  }

  public Compiled compile(Value schema) {
    return cache.get(schema, this::compileUncached);
  }

  /** The JSON document an operand stands for: a string is parsed, objects and arrays are taken as they are. */
  public static Value document(Value operand) {
    if (operand instanceof StringValue s) {
      try {
        return Json.parse(s.value());
      } catch (Json.JsonException e) {
        throw new InvalidInput("invalid JSON string");
      }
    }
    if (operand instanceof ObjectValue || operand instanceof ArrayValue) {
      return operand;
    }
    throw new InvalidInput("wrong type, expected string or object");
  }

  /** The errors of {@code document} against {@code schema}, in the shape {@code json.match_schema} returns. */
  public ArrayValue validate(Schema schema, Value document) {
    return ValidationErrors.of(schema.validate(SchemaNodes.of(document)));
  }

  private Compiled compileUncached(Value operand) {
    Value value;
    try {
      value = document(operand);
    } catch (InvalidInput e) {
      return new Compiled(null, e.getMessage());
    }
    JsonNode node = SchemaNodes.of(value);
    try {
      Optional<SpecificationVersion> declared = node.isObject() && node.has("$schema")
          ? draft(node.get("$schema").asString())
          : Optional.of(SpecificationVersion.DRAFT_7);
      if (declared.isEmpty()) {
        return new Compiled(null, "unsupported $schema " + node.get("$schema"));
      }
      List<Error> problems = metaSchema(declared.get()).validate(node);
      if (!problems.isEmpty()) {
        return new Compiled(null, MetaSchemaProblem.describe(problems));
      }
      Schema schema = registry.getSchema(node);
      schema.initializeValidators();
      return new Compiled(schema, null);
    } catch (SchemaException | PatternSyntaxException e) {
      return new Compiled(null, unresolvable(e) ? "cannot resolve " + e.getCause().getMessage()
          + ": references may only point into the schema or to the draft meta-schemas" : e.getMessage());
    }
  }

  /** A draft by its meta-schema id, with or without the empty fragment ({@code #}). */
  private static Optional<SpecificationVersion> draft(String id) {
    String bare = id.endsWith("#") ? id.substring(0, id.length() - 1) : id;
    for (SpecificationVersion v : SpecificationVersion.values()) {
      String known = v.getDialectId();
      if (bare.equals(known.endsWith("#") ? known.substring(0, known.length() - 1) : known)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The validator reports a reference it may not load as a missing file. */
  private static boolean unresolvable(RuntimeException e) {
    return e.getCause() instanceof FileNotFoundException;
  }

  private synchronized Schema metaSchema(SpecificationVersion version) {
    return metaSchemas.computeIfAbsent(version, v -> registry.getSchema(SchemaLocation.of(v.getDialectId())));
  }
}
