package io.kubepolicies.rego.builtins.format;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;

/**
 * The Go values that OPA hands to {@code fmt}: what {@code sprintf} makes of its arguments
 * ({@code int}, {@code *big.Int}, {@code float64}, {@code string}) and what
 * {@code strings.render_template} makes of its variables (JSON decoded with numbers kept as
 * {@code json.Number}). Each knows its Go type name, which {@code fmt} prints in messages.
 */
public sealed interface GoValue {
  String typeName();

  /** A Go {@code int}. */
  record Int(long value) implements GoValue {
    @Override
    public String typeName() {
      return "int";
    }
  }

  /** A {@code *big.Int}, which formats itself. */
  record BigInt(BigInteger value) implements GoValue {
    @Override
    public String typeName() {
      return "*big.Int";
    }
  }

  /** A {@code float64}. */
  record Float(double value) implements GoValue {
    @Override
    public String typeName() {
      return "float64";
    }
  }

  /** A value of a string kind: {@code string} itself, or {@code json.Number}. */
  record Str(String value, String typeName) implements GoValue {
    public static Str of(String value) {
      return new Str(value, "string");
    }

    public static Str number(String text) {
      return new Str(text, "json.Number");
    }
  }

  /** A {@code bool}. */
  record Bool(boolean value) implements GoValue {
    @Override
    public String typeName() {
      return "bool";
    }
  }

  /** A nil interface (JSON null). */
  record Nil() implements GoValue {
    public static final Nil NIL = new Nil();

    @Override
    public String typeName() {
      return "<nil>";
    }
  }

  /** A {@code []interface {}}. */
  record Slice(List<GoValue> elements) implements GoValue {
    public Slice {
      elements = List.copyOf(elements);
    }

    @Override
    public String typeName() {
      return "[]interface {}";
    }
  }

  /** A {@code map[string]interface {}}, kept in key order as {@code fmt} prints it. */
  record Map(SortedMap<String, GoValue> entries) implements GoValue {
    public Map {
      entries = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(entries));
    }

    @Override
    public String typeName() {
      return "map[string]interface {}";
    }
  }
}
