package io.kubepolicies.rego.builtins.graphql;

/**
 * The built-in definitions every schema gets (gqlparser's prelude): the standard scalars, the
 * {@code include}, {@code skip}, {@code deprecated} and {@code specifiedBy} directives, and the
 * introspection types. Descriptions are left out: OPA never shows the prelude, only validates
 * against it.
 */
final class Prelude {
  private static final String SDL = """
      scalar Int
      scalar Float
      scalar String
      scalar Boolean
      scalar ID
      directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
      directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
      directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
      directive @specifiedBy(url: String!) on SCALAR
      type __Schema {
        description: String
        types: [__Type!]!
        queryType: __Type!
        mutationType: __Type
        subscriptionType: __Type
        directives: [__Directive!]!
      }
      type __Type {
        kind: __TypeKind!
        name: String
        description: String
        fields(includeDeprecated: Boolean = false): [__Field!]
        interfaces: [__Type!]
        possibleTypes: [__Type!]
        enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
        inputFields(includeDeprecated: Boolean = false): [__InputValue!]
        ofType: __Type
        specifiedBy: String
        specifiedByURL: String
        isOneOf: Boolean
      }
      type __Field {
        name: String!
        description: String
        args(includeDeprecated: Boolean = false): [__InputValue!]!
        type: __Type!
        isDeprecated: Boolean!
        deprecationReason: String
      }
      type __InputValue {
        name: String!
        description: String
        type: __Type!
        defaultValue: String
        isDeprecated: Boolean!
        deprecationReason: String
      }
      type __EnumValue {
        name: String!
        description: String
        isDeprecated: Boolean!
        deprecationReason: String
      }
      enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
      type __Directive {
        name: String!
        description: String
        locations: [__DirectiveLocation!]!
        args(includeDeprecated: Boolean = false): [__InputValue!]!
        isRepeatable: Boolean!
      }
      enum __DirectiveLocation {
        QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT VARIABLE_DEFINITION
        SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION ENUM ENUM_VALUE INPUT_OBJECT
        INPUT_FIELD_DEFINITION
      }
      """;

  /** The parsed prelude; immutable, so one copy serves every schema. */
  static final SchemaAst.Document DOCUMENT = SchemaParser.parse(SDL, true);

  private Prelude() {}
}
