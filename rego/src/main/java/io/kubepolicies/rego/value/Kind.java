package io.kubepolicies.rego.value;

/** The type of a value, declared in OPA's sort order across types. */
public enum Kind {
  NULL("null"),
  BOOLEAN("boolean"),
  NUMBER("number"),
  STRING("string"),
  ARRAY("array"),
  OBJECT("object"),
  SET("set");

  private final String typeName;

  Kind(String typeName) {
    this.typeName = typeName;
  }

  /** The name OPA uses in messages and in {@code type_name}. */
  public String typeName() {
    return typeName;
  }
}
