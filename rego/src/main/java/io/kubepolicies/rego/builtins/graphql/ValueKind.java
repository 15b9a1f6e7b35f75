package io.kubepolicies.rego.builtins.graphql;

/** gqlparser's value kinds; OPA shows a value's kind as this ordinal. */
enum ValueKind {
  VARIABLE,
  INT,
  FLOAT,
  STRING,
  BLOCK,
  BOOLEAN,
  NULL,
  ENUM,
  LIST,
  OBJECT
}
