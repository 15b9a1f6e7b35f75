package io.kubepolicies.allowlists.document;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks documents against a JSON Schema (draft 2020-12 unless the schema says otherwise) and
 * reports each violation at the line and path it concerns. A schema may word its own messages in an
 * {@code errorMessage} object ({@code {"pattern": "must be a DNS label"}}). A value YAML turned into a
 * boolean or number from unquoted text ({@code off}, {@code 0123}) gets a hint to quote it.
 */
public final class JsonSchemaCheck {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Schema schema;

  private JsonSchemaCheck(Schema schema) {
    this.schema = schema;
  }

  /** The schema shipped as a class-path resource beside {@code owner}; a missing or broken one is a build defect. */
  public static JsonSchemaCheck fromResource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + name + " is missing beside " + owner.getName());
      }
      return of(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + name, e);
    }
  }

  static JsonSchemaCheck of(JsonNode schemaNode) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .errorMessageKeyword("errorMessage")
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build())
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    Schema schema = registry.getSchema(schemaNode);
    schema.initializeValidators();
    return new JsonSchemaCheck(schema);
  }

  /** Every violation, ordered by line and path; empty when the document conforms. */
  public List<ConfigProblem> check(SourceDocument document) {
    // The validator reads Jackson 3 trees and documents are Jackson 2 trees: they cross as JSON text.
    JsonNode instance = MAPPER.readTree(document.root().toString());
    List<ConfigProblem> problems = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      problems.add(describe(document, error));
    }
    problems.sort(Comparator.comparingInt(ConfigProblem::line).thenComparing(p -> p.path().toString()));
    return problems;
  }

  private static ConfigProblem describe(SourceDocument document, Error error) {
    TreePath at = path(error.getInstanceLocation());
    if (!error.isCustomMessage() && error.getKeyword().equals("additionalProperties")) {
      return document.problem(at.member(error.getProperty()), "unknown field \"" + error.getProperty() + "\"");
    }
    if (!error.isCustomMessage() && error.getKeyword().equals("required")) {
      return document.problem(at, "missing required field \"" + error.getProperty() + "\"");
    }
    String yamlHint = document.plainScalar(at)
        .map(text -> " (YAML reads the unquoted " + text + " as a "
            + error.getInstanceNode().getNodeType().toString().toLowerCase(Locale.ROOT)
            + "; write \"" + text + "\" in quotes)")
        .orElse("");
    return document.problem(at, error.getMessage() + yamlHint);
  }

  private static TreePath path(NodePath location) {
    List<Object> segments = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      segments.add(location.getElement(i));
    }
    return new TreePath(segments);
  }
}
