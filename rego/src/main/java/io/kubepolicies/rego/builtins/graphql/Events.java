package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Operation;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The validation rules' observers, by the kind of node they watch (gqlparser's {@code Events}).
 * The walker calls them when it leaves a node, in the order the rules registered them.
 */
final class Events {
  /** Reacts to one node during a walk. */
  @FunctionalInterface
  interface Observer<T> {
    void on(Walker walker, T node);
  }

  final List<Observer<Operation>> operation = new ArrayList<>();
  final List<Observer<VariableDefinition>> variable = new ArrayList<>();
  final List<Observer<Field>> field = new ArrayList<>();
  final List<Observer<FragmentDefinition>> fragment = new ArrayList<>();
  final List<Observer<InlineFragment>> inlineFragment = new ArrayList<>();
  final List<Observer<FragmentSpread>> fragmentSpread = new ArrayList<>();
  final List<Observer<Directive>> directive = new ArrayList<>();
  final List<Observer<List<Directive>>> directiveList = new ArrayList<>();
  final List<Observer<ValueNode>> value = new ArrayList<>();

  static <T> void fire(List<Observer<T>> observers, Walker walker, T node) {
    for (Observer<T> o : observers) {
      o.on(walker, node);
    }
  }
}
