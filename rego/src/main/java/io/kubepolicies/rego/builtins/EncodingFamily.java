package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.types.Type.ANY;
import static io.kubepolicies.rego.types.Type.BOOLEAN;
import static io.kubepolicies.rego.types.Type.STRING;
import static io.kubepolicies.rego.types.Type.anyOf;
import static io.kubepolicies.rego.types.Type.arrayOf;
import static io.kubepolicies.rego.types.Type.objectOf;
import static io.kubepolicies.rego.types.Type.setOf;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoHex;
import io.kubepolicies.rego.builtins.gostd.GoJsonReader;
import io.kubepolicies.rego.builtins.gostd.GoJsonWriter;
import io.kubepolicies.rego.builtins.gostd.QueryValues;
import io.kubepolicies.rego.builtins.gostd.UrlError;
import io.kubepolicies.rego.builtins.gostd.UrlEscaping;
import io.kubepolicies.rego.builtins.yaml.GoYamlReader;
import io.kubepolicies.rego.builtins.yaml.GoYamlWriter;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Encoding built-ins: base64, base64url, hex, JSON, YAML and URL query strings. Each follows the Go
 * library OPA uses, byte for byte where the output is text and message for message where it fails.
 * Decoded bytes that are not valid UTF-8 become U+FFFD, Rego strings being Unicode here.
 */
public final class EncodingFamily implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    stringToString(r, "base64.encode", s -> Base64.getEncoder().encodeToString(utf8(s)));
    stringToString(r, "base64.decode", s -> text(base64(() -> GoBase64.decodeStd(utf8(s)))));
    validity(r, "base64.is_valid", s -> base64(() -> GoBase64.decodeStd(utf8(s))));
    stringToString(r, "base64url.encode", s -> Base64.getUrlEncoder().encodeToString(utf8(s)));
    stringToString(r, "base64url.encode_no_pad", s -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s)));
    stringToString(r, "base64url.decode", s -> text(base64(() -> GoBase64.decodeUrlPaddingOptional(s))));
    stringToString(r, "hex.encode", s -> HexFormat.of().formatHex(utf8(s)));
    stringToString(r, "hex.decode", s -> text(GoHex.decode(utf8(s))));

    r.function("json.marshal", List.of(ANY), STRING, (ctx, args) -> StringValue.of(GoJsonWriter.compact(args[0])));
    r.function("json.marshal_with_options", List.of(ANY, objectOf(STRING, ANY)), STRING, EncodingFamily::marshalWithOptions);
    r.function("json.unmarshal", List.of(STRING), ANY, (ctx, args) -> GoJsonReader.unmarshal(Operands.string(args, 1)));
    r.function("json.is_valid", List.of(STRING), BOOLEAN,
        (ctx, args) -> BooleanValue.of(args[0] instanceof StringValue s && GoJsonReader.isValid(s.value())));

    r.function("yaml.marshal", List.of(ANY), STRING, (ctx, args) -> StringValue.of(GoYamlWriter.marshal(args[0])));
    r.function("yaml.unmarshal", List.of(STRING), ANY, (ctx, args) -> GoYamlReader.unmarshal(Operands.string(args, 1)));
    validity(r, "yaml.is_valid", GoYamlReader::unmarshal);

    stringToString(r, "urlquery.encode", UrlEscaping::queryEscape);
    stringToString(r, "urlquery.decode", s -> url(() -> UrlEscaping.queryUnescape(s)));
    r.function("urlquery.encode_object", List.of(objectOf(STRING, anyOf(STRING, arrayOf(STRING), setOf(STRING)))),
        STRING, EncodingFamily::encodeObject);
    r.function("urlquery.decode_object", List.of(STRING), objectOf(STRING, arrayOf(STRING)), EncodingFamily::decodeObject);
  }

  private static void stringToString(Builtins.Registrar r, String name, Function<String, String> f) {
    r.function(name, List.of(STRING), STRING, (ctx, args) -> StringValue.of(f.apply(Operands.string(args, 1))));
  }

  /** True when the check passes; false when it fails or the operand is not a string. */
  private static void validity(Builtins.Registrar r, String name, Function<String, ?> check) {
    r.function(name, List.of(STRING), BOOLEAN, (ctx, args) -> {
      if (!(args[0] instanceof StringValue s)) {
        return BooleanValue.FALSE;
      }
      try {
        check.apply(s.value());
        return BooleanValue.TRUE;
      } catch (BuiltinException e) {
        return BooleanValue.FALSE;
      }
    });
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Options {@code pretty}, {@code prefix} (default empty) and {@code indent} (default a tab); setting
   * prefix or indent implies pretty unless pretty is given. OPA's messages for bad options, including
   * the key index it names as the operand, are kept.
   */
  private static Value marshalWithOptions(BuiltinContext ctx, Value[] args) {
    ObjectValue opts = Operands.object(args, 2);
    String indent = "\t";
    String prefix = "";
    boolean implied = false;
    Boolean explicit = null;
    List<Value> keys = opts.sortedKeys();
    for (int idx = 0; idx < keys.size(); idx++) {
      Value k = keys.get(idx);
      Value v = opts.get(k);
      if (!(k instanceof StringValue key)) {
        throw BuiltinException.type("operand 2 failed to stringify key " + RegoText.write(k) + " at index " + idx
            + ": operand " + idx + " must be string but got " + k.typeName());
      }
      switch (key.value()) {
        case "prefix", "indent" -> {
          if (!(v instanceof StringValue sv)) {
            throw BuiltinException.type("operand 2 key " + RegoText.write(key) + " failed cast to string: operand "
                + idx + " must be string but got " + v.typeName());
          }
          if (key.value().equals("prefix")) {
            prefix = sv.value();
          } else {
            indent = sv.value();
          }
          implied = true;
        }
        case "pretty" -> {
          if (!(v instanceof BooleanValue b)) {
            throw BuiltinException.type("operand 2 key " + RegoText.write(key) + " failed cast to bool");
          }
          explicit = b.value();
        }
        default -> throw BuiltinException.type("operand 2 object contained unknown key " + RegoText.write(key));
      }
    }
    boolean pretty = explicit != null ? explicit : implied;
    // json.MarshalIndent leaves the first line without the prefix; OPA adds it.
    return StringValue.of(pretty ? prefix + GoJsonWriter.indented(args[0], prefix, indent) : GoJsonWriter.compact(args[0]));
  }

  private static Value encodeObject(BuiltinContext ctx, Value[] args) {
    ObjectValue obj = Operands.object(args, 1);
    Map<String, List<String>> query = new LinkedHashMap<>();
    GoJsonWriter.members(obj).forEach((key, v) -> {
      if (v instanceof StringValue s) {
        query.put(key, List.of(s.value()));
        return;
      }
      List<Value> items = v instanceof ArrayValue a ? a.elements() : v instanceof SetValue set ? set.sorted() : null;
      if (items == null) {
        throw valuesMustBeStrings();
      }
      for (Value item : items) {
        if (!(item instanceof StringValue s)) {
          throw valuesMustBeStrings();
        }
        query.computeIfAbsent(key, x -> new ArrayList<>()).add(s.value());
      }
    });
    return StringValue.of(QueryValues.encode(query));
  }

  private static BuiltinException valuesMustBeStrings() {
    return BuiltinException.type("operand 1 values must be string, array[string], or set[string]");
  }

  private static Value decodeObject(BuiltinContext ctx, Value[] args) {
    Map<String, List<String>> query = url(() -> QueryValues.parse(Operands.string(args, 1)));
    ObjectValue.Builder b = ObjectValue.builder();
    query.forEach((key, values) -> b.put(key, ArrayValue.of(values.stream().map(StringValue::of).toArray(Value[]::new))));
    return b.build();
  }

  private static byte[] base64(Supplier<byte[]> decoding) {
    try {
      return decoding.get();
    } catch (GoBase64.CorruptInputException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static <T> T url(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (UrlError e) {
      throw BuiltinException.error(e.getMessage());
    }
  }
}
