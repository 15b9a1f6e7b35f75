package io.kubepolicies.signing.canonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.kubepolicies.signing.BundleException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses JSON and YAML documents into their {@link CanonicalValue}, the way OPA reads them for
 * hashing: JSON numbers keep their literal text (Go's {@code json.Number}); YAML numbers become
 * Go numbers and are written as {@code encoding/json} writes them. Duplicate keys, more than one
 * document, YAML aliases and values JSON cannot hold are rejected.
 *
 * <p>YAML scalars resolve the YAML 1.1 way, as Jackson reads them, which matches OPA's yaml.v2 for
 * everything but two rare spellings: {@code y}/{@code n} stay strings here (yaml.v2: booleans) and
 * {@code 0o17} stays a string (yaml.v2: 15). A {@code data.yaml} using them hashes differently here
 * than in OPA; quoting the value avoids that.
 */
public final class DocumentParser {
  /** Deeper documents are rejected: the canonical form is built recursively. */
  public static final int MAX_NESTING_DEPTH = 1000;

  private final JsonFactory json;
  private final YAMLFactory yaml;

  /** @param maxDocumentBytes the largest document to accept; strings may be as long as that */
  public DocumentParser(int maxDocumentBytes) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(maxDocumentBytes)
        .maxNameLength(maxDocumentBytes)
        .build();
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(maxDocumentBytes);
    loader.setNestingDepthLimit(MAX_NESTING_DEPTH);
    this.yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints).build();
  }

  /** A JSON document ({@code data.json}, {@code .manifest}). */
  public CanonicalValue parseJson(byte[] content) throws BundleException {
    return parse(json, content, "JSON");
  }

  /** A {@code data.yaml} document: JSON when it is valid JSON (as OPA tries first), YAML otherwise. */
  public CanonicalValue parseJsonOrYaml(byte[] content) throws BundleException {
    try {
      return parseJson(content);
    } catch (BundleException notJson) {
      return parse(yaml, content, "YAML");
    }
  }

  private static CanonicalValue parse(JsonFactory factory, byte[] content, String format)
      throws BundleException {
    // The parsers meet hostile input here; anything they throw is a rejection of that input.
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        if (factory instanceof YAMLFactory) {
          return CanonicalValue.Literal.NULL;
        }
        throw new BundleException("invalid JSON: empty document");
      }
      CanonicalValue value = read(parser, first, factory instanceof YAMLFactory);
      if (parser.nextToken() != null) {
        throw new BundleException("invalid " + format + ": more than one document");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BundleException("invalid " + format + ": " + describe(e), e);
    } catch (IOException | RuntimeException e) {
      throw new BundleException("invalid " + format + ": " + e.getMessage(), e);
    }
  }

  private static CanonicalValue read(JsonParser parser, JsonToken token, boolean yaml)
      throws IOException, BundleException {
    if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
      throw new BundleException("YAML aliases are not supported");
    }
    switch (token) {
      case START_OBJECT: {
        TreeMap<String, CanonicalValue> members = new TreeMap<>(CanonicalValue.KEY_ORDER);
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String key = parser.currentName();
          CanonicalValue value = read(parser, parser.nextToken(), yaml);
          if (members.put(key, value) != null) {
            throw new BundleException("duplicate key " + GoJson.quote(key));
          }
        }
        return new CanonicalValue.Members(members);
      }
      case START_ARRAY: {
        List<CanonicalValue> elements = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          elements.add(read(parser, next, yaml));
        }
        return new CanonicalValue.Elements(elements);
      }
      case VALUE_STRING:
        return new CanonicalValue.Literal(GoJson.quote(parser.getText()));
      case VALUE_NUMBER_INT:
        return new CanonicalValue.Literal(yaml ? GoJson.formatInteger(parser.getBigIntegerValue()) : parser.getText());
      case VALUE_NUMBER_FLOAT:
        return new CanonicalValue.Literal(yaml ? GoJson.formatDouble(parser.getDoubleValue()) : parser.getText());
      case VALUE_TRUE:
        return new CanonicalValue.Literal("true");
      case VALUE_FALSE:
        return new CanonicalValue.Literal("false");
      case VALUE_NULL:
        return CanonicalValue.Literal.NULL;
      default:
        throw new BundleException("unsupported value " + parser.getText());
    }
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String reason = e.getOriginalMessage();
    return at == null || at.getLineNr() < 0 ? reason : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
