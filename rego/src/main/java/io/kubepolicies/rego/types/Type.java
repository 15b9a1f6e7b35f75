package io.kubepolicies.rego.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Static types of built-in signatures, written the way OPA prints them ({@code number},
 * {@code array[string]}, {@code object[string: any]}, {@code any<string, set[string]>}).
 */
public sealed interface Type {
  Type ANY = new Any();
  Type NULL = new Null();
  Type BOOLEAN = new Bool();
  Type NUMBER = new Num();
  Type STRING = new Str();

  static Type arrayOf(Type element) {
    return new ArrayOf(element);
  }

  static Type setOf(Type element) {
    return new SetOf(element);
  }

  static Type objectOf(Type key, Type value) {
    return new ObjectOf(key, value);
  }

  static Type anyOf(Type... types) {
    return new AnyOf(List.of(types));
  }

  /** Any value. */
  record Any() implements Type {
    @Override
    public String toString() {
      return "any";
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

  /** An array whose elements all have one type. */
  record ArrayOf(Type element) implements Type {
    @Override
    public String toString() {
      return "array[" + element + "]";
    }
  }

  /** A set whose elements all have one type. */
  record SetOf(Type element) implements Type {
    @Override
    public String toString() {
      return "set[" + element + "]";
    }
  }

  /** An object with keys and values of one type each. */
  record ObjectOf(Type key, Type value) implements Type {
    @Override
    public String toString() {
      return "object[" + key + ": " + value + "]";
    }
  }

  /** One of several types. */
  record AnyOf(List<Type> types) implements Type {
    public AnyOf {
      types = List.copyOf(types);
    }

    @Override
    public String toString() {
      return "any<" + types.stream().map(Type::toString).collect(Collectors.joining(", ")) + ">";
    }
  }
}
