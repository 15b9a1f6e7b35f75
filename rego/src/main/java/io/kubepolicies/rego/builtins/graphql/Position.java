package io.kubepolicies.rego.builtins.graphql;

/** A 1-based line and column in GraphQL source text, as gqlparser reports them (columns in runes). */
record Position(int line, int column) {}
