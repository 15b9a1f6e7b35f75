package io.kubepolicies.rego.builtins.graphql;

import java.util.List;

/** gqlparser's {@code CommentGroup}: the {@code #} comments (with their {@code #}) before a node. */
record Comments(List<String> values) {
  Comments {
    values = List.copyOf(values);
  }
}
