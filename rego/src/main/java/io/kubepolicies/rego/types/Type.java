package io.kubepolicies.rego.types;

import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Static types of Rego terms, as OPA's type checker knows them ({@code v1/types/types.go}), printed
 * the way OPA prints them: {@code number}, {@code array[string]}, {@code array<number, string>},
 * {@code object<op: string>[any: any]}, {@code set[any]}, {@code any<null, string>},
 * {@code (any) => boolean}. A type that is not known is Java {@code null} (OPA's nil, printed
 * {@code ???}).
 */
public sealed interface Type {
  Any ANY = new Any(List.of());
  Type NULL = new Null();
  Type BOOLEAN = new Bool();
  Type NUMBER = new Num();
  Type STRING = new Str();

  /** An array of any length whose elements all have one type. */
  static Type arrayOf(Type element) {
    return new ArrayOf(List.of(), element);
  }

  /** An array of fixed length with a type per position (OPA's {@code array<a, b>}). */
  static Type tuple(Type... elements) {
    return new ArrayOf(Arrays.asList(elements), null);
  }

  static Type setOf(Type element) {
    return new SetOf(element);
  }

  /** An object with keys and values of one type each. */
  static Type objectOf(Type key, Type value) {
    return new ObjectOf(List.of(), new ObjectOf.Dynamic(key, value));
  }

  /** An object with known keys, and when {@code dynamic} is not null, any others of its key and value types. */
  static Type object(List<ObjectOf.Property> properties, ObjectOf.Dynamic dynamic) {
    return new ObjectOf(properties, dynamic);
  }

  static ObjectOf.Property property(String key, Type value) {
    return new ObjectOf.Property(StringValue.of(key), value);
  }

  /** One of several types, kept in OPA's order (so {@code any<string, array[any]>} prints the same as OPA's). */
  static Any anyOf(Type... types) {
    return new Any(List.of(types));
  }

  /** A built-in's argument or result with the name OPA gives it in error messages. */
  static Type named(String name, Type type) {
    return new Named(name, type);
  }

  static Function function(List<Type> args, Type result) {
    return new Function(args, result);
  }

  /** The type without its name; OPA names only the top level of a built-in's signature. */
  static Type unwrap(Type t) {
    return t instanceof Named n ? n.type() : t;
  }

  /** Prints a type, {@code ???} for an unknown one. */
  static String print(Type t) {
    return t == null ? "???" : t.toString();
  }

  /** Any value ({@code members} empty), or any of the member types. */
  record Any(List<Type> members) implements Type {
    public Any {
      List<Type> sorted = new ArrayList<>(members);
      sorted.sort(TypeOrder.INSTANCE);
      members = List.copyOf(sorted);
    }

    @Override
    public String toString() {
      return members.isEmpty() ? "any" : "any<" + list(members) + ">";
    }
  }

  /** Null. */
  record Null() implements Type {
    @Override
    public String toString() {
      return "null";
    }
  }

  /** Boolean. */
  record Bool() implements Type {
    @Override
    public String toString() {
      return "boolean";
    }
  }

  /** Number. */
  record Num() implements Type {
    @Override
    public String toString() {
      return "number";
    }
  }

  /** String. */
  record Str() implements Type {
    @Override
    public String toString() {
      return "string";
    }
  }

  /** An array: a type per leading position ({@code prefix}) and, unless null, one for all further elements. */
  record ArrayOf(List<Type> prefix, Type dynamic) implements Type {
    public ArrayOf {
      prefix = Collections.unmodifiableList(new ArrayList<>(prefix)); // members may be unknown (null)
    }

    /** The type at a position, or null when the array has no such position. */
    public Type at(int position) {
      if (position < 0) {
        return null;
      }
      return position < prefix.size() ? prefix.get(position) : dynamic;
    }

    @Override
    public String toString() {
      String s = "array";
      if (!prefix.isEmpty()) {
        s += "<" + list(prefix) + ">";
      }
      return dynamic == null ? s : s + "[" + Type.print(dynamic) + "]";
    }
  }

  /** A set whose elements have one type. */
  record SetOf(Type element) implements Type {
    @Override
    public String toString() {
      return "set[" + Type.print(element) + "]";
    }
  }

  /** An object: properties with known keys and, unless {@code dynamic} is null, others of a key and value type. */
  record ObjectOf(List<Property> properties, Dynamic dynamic) implements Type {
    public ObjectOf {
      List<Property> sorted = new ArrayList<>(properties);
      sorted.sort((a, b) -> Ordering.compare(a.key(), b.key()));
      properties = List.copyOf(sorted);
    }

    /** A known key and the type of its value. */
    public record Property(Value key, Type value) {}

    /** The key and value types of all other entries. */
    public record Dynamic(Type key, Type value) {}

    /** The type of the value at a known key, or null. */
    public Type property(Value key) {
      for (Property p : properties) {
        if (p.key().equals(key)) {
          return p.value();
        }
      }
      return null;
    }

    @Override
    public String toString() {
      String s = "object";
      if (!properties.isEmpty()) {
        s += "<" + properties.stream().map(p -> keyText(p.key()) + ": " + Type.print(p.value()))
            .collect(Collectors.joining(", ")) + ">";
      }
      return dynamic == null ? s : s + "[" + Type.print(dynamic.key()) + ": " + Type.print(dynamic.value()) + "]";
    }
  }

  /** A function: argument types and the result type (null for a function without a value, such as {@code print}). */
  record Function(List<Type> args, Type result) implements Type {
    public Function {
      args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    @Override
    public String toString() {
      return "(" + list(args.stream().map(Type::unwrap).toList()) + ") => " + Type.print(Type.unwrap(result));
    }
  }

  /** A type with a name, as OPA declares built-in arguments and results. */
  record Named(String name, Type type) implements Type {
    @Override
    public String toString() {
      return name + ": " + type;
    }
  }

  /** A property key as Go's {@code %v} prints OPA's JSON keys: strings unquoted. */
  private static String keyText(Value key) {
    if (key instanceof StringValue s) {
      return s.value();
    }
    return key instanceof NullValue ? "<nil>" : RegoText.write(key);
  }

  private static String list(List<Type> types) {
    return types.stream().map(Type::print).collect(Collectors.joining(", "));
  }
}
