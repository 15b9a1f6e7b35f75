package io.kubepolicies.rego.builtins.graphql;

/** A type reference: a named type or a list of {@code elem}, either of them possibly non-null. */
record TypeRef(String namedType, TypeRef elem, boolean nonNull, Position position) {
  static TypeRef named(String name, boolean nonNull) {
    return new TypeRef(name, null, nonNull, null);
  }

  /** The innermost named type. */
  String name() {
    return !namedType.isEmpty() || elem == null ? namedType : elem.name();
  }

  /** gqlparser's {@code Type.String()}: {@code [Int!]!} and the like. */
  @Override
  public String toString() {
    String bang = nonNull ? "!" : "";
    return !namedType.isEmpty() || elem == null ? namedType + bang : "[" + elem + "]" + bang;
  }

  /** gqlparser's {@code IsCompatible}: whether a value of this type may be used where {@code other} is expected. */
  boolean isCompatible(TypeRef other) {
    if (!namedType.equals(other.namedType)) {
      return false;
    }
    if (elem != null && other.elem == null) {
      return false;
    }
    if (elem != null && !elem.isCompatible(other.elem)) {
      return false;
    }
    return !other.nonNull || nonNull;
  }
}
