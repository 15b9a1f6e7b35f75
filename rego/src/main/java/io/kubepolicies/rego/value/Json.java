package io.kubepolicies.rego.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values to and from JSON. Numbers stay exact in both directions. Output is compact with object keys
 * in sorted order and sets as sorted arrays, like OPA; a non-string object key is written as its own
 * compact JSON text.
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build())
      .build();

  private Json() {}

  /** Parses one JSON document; throws {@link JsonException} with the position on malformed text. */
  public static Value parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return parseDocument(parser);
    } catch (IOException e) {
      throw new JsonException(e);
    }
  }

  public static Value parse(InputStream in) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      return parseDocument(parser);
    } catch (IOException e) {
      throw new JsonException(e);
    }
  }

  public static Value parse(byte[] bytes) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      return parseDocument(parser);
    } catch (IOException e) {
      throw new JsonException(e);
    }
  }

  private static Value parseDocument(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new JsonException("empty JSON document");
    }
    Value value = read(parser, first);
    if (parser.nextToken() != null) {
      throw new JsonException("unexpected data after the JSON value at " + parser.currentLocation().offsetDescription());
    }
    return value;
  }

  private static Value read(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectValue.Builder b = ObjectValue.builder();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          b.put(StringValue.of(name), read(p, p.nextToken()));
        }
        return b.build();
      }
      case START_ARRAY: {
        List<Value> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(read(p, t));
        }
        return ArrayValue.of(items);
      }
      case VALUE_STRING:
        return StringValue.of(p.getText());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NumberValue.of(p.getBigIntegerValue())
            : NumberValue.of(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NumberValue.of(p.getDecimalValue());
      case VALUE_TRUE:
        return BooleanValue.TRUE;
      case VALUE_FALSE:
        return BooleanValue.FALSE;
      case VALUE_NULL:
        return NullValue.NULL;
      default:
        throw new JsonException("unexpected JSON token " + token + " at " + p.currentLocation().offsetDescription());
    }
  }

  /** Converts a Jackson tree (from JSON or YAML) into a value. */
  public static Value fromNode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NullValue.NULL;
    }
    if (node.isObject()) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.put(StringValue.of(e.getKey()), fromNode(e.getValue()));
      }
      return b.build();
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>(node.size());
      node.forEach(n -> items.add(fromNode(n)));
      return ArrayValue.of(items);
    }
    if (node.isBoolean()) {
      return BooleanValue.of(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? NumberValue.of(node.longValue()) : NumberValue.of(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return node.isDouble() || node.isFloat() ? NumberValue.of(node.doubleValue()) : NumberValue.of(node.decimalValue());
    }
    if (node.isTextual()) {
      return StringValue.of(node.textValue());
    }
    if (node.isBinary()) {
      throw new JsonException("binary data has no Rego value");
    }
    return StringValue.of(node.asText());
  }

  /** Converts a value into a Jackson tree (sets become sorted arrays, non-string keys their JSON text). */
  public static JsonNode toNode(Value value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (value.kind()) {
      case NULL:
        return f.nullNode();
      case BOOLEAN:
        return f.booleanNode(((BooleanValue) value).value());
      case NUMBER: {
        NumberValue n = (NumberValue) value;
        return n.isLong() ? f.numberNode(n.longValue()) : f.numberNode(n.bigDecimalValue());
      }
      case STRING:
        return f.textNode(((StringValue) value).value());
      case ARRAY: {
        ArrayNode a = f.arrayNode();
        ((ArrayValue) value).elements().forEach(v -> a.add(toNode(v)));
        return a;
      }
      case SET: {
        ArrayNode a = f.arrayNode();
        ((SetValue) value).sorted().forEach(v -> a.add(toNode(v)));
        return a;
      }
      case OBJECT: {
        ObjectNode o = f.objectNode();
        ObjectValue obj = (ObjectValue) value;
        for (Value k : obj.sortedKeys()) {
          o.set(keyText(k), toNode(obj.get(k)));
        }
        return o;
      }
      default:
        throw new IllegalStateException(value.kind().name());
    }
  }

  /** Compact JSON text. */
  public static String write(Value value) {
    StringWriter out = new StringWriter();
    write(value, out);
    return out.toString();
  }

  public static void write(Value value, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes through an existing generator (so callers can pretty-print or embed). */
  public static void write(JsonGenerator g, Value value) throws IOException {
    switch (value.kind()) {
      case NULL -> g.writeNull();
      case BOOLEAN -> g.writeBoolean(((BooleanValue) value).value());
      case NUMBER -> {
        NumberValue n = (NumberValue) value;
        if (n.isLong()) {
          g.writeNumber(n.longValue());
        } else {
          g.writeNumber(n.toString());
        }
      }
      case STRING -> g.writeString(((StringValue) value).value());
      case ARRAY -> {
        g.writeStartArray();
        for (Value v : ((ArrayValue) value).elements()) {
          write(g, v);
        }
        g.writeEndArray();
      }
      case SET -> {
        g.writeStartArray();
        for (Value v : ((SetValue) value).sorted()) {
          write(g, v);
        }
        g.writeEndArray();
      }
      case OBJECT -> {
        ObjectValue obj = (ObjectValue) value;
        g.writeStartObject();
        for (Value k : obj.sortedKeys()) {
          g.writeFieldName(keyText(k));
          write(g, obj.get(k));
        }
        g.writeEndObject();
      }
    }
  }

  /** A key as JSON needs it: strings as they are, anything else as its compact JSON text. */
  public static String keyText(Value key) {
    return key instanceof StringValue s ? s.value() : write(key);
  }

  /** Thrown for malformed JSON; the message carries the position. */
  public static final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message);
    }

    JsonException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
