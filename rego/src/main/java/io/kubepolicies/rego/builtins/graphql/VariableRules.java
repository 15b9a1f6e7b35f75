package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Operation;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import java.util.HashSet;
import java.util.Set;

/** Validation rules about variables. */
final class VariableRules {
  private VariableRules() {}

  /** NoUndefinedVariables: variables used must be defined by the operation. */
  static void noUndefinedVariables(Events events, ValidationErrors errors) {
    events.value.add((walker, value) -> {
      Operation op = walker.currentOperation();
      if (op == null || value.kind() != ValueKind.VARIABLE || walker.annotations.value(value).variableDefinition != null) {
        return;
      }
      errors.add(op.name().isEmpty()
          ? "Variable \"" + value.text() + "\" is not defined."
          : "Variable \"" + value.text() + "\" is not defined by operation \"" + op.name() + "\".", value.position());
    });
  }

  /** NoUnusedVariables: variables defined must be used by the operation or its fragments. */
  static void noUnusedVariables(Events events, ValidationErrors errors) {
    events.operation.add((walker, op) -> {
      for (VariableDefinition v : op.variableDefinitions()) {
        if (!walker.annotations.variable(v).used) {
          errors.add(op.name().isEmpty()
              ? "Variable \"$" + v.variable() + "\" is never used."
              : "Variable \"$" + v.variable() + "\" is never used in operation \"" + op.name() + "\".", v.position());
        }
      }
    });
  }

  /** UniqueVariableNames: an operation defines each variable once. */
  static void uniqueVariableNames(Events events, ValidationErrors errors) {
    events.operation.add((walker, op) -> {
      Set<String> seen = new HashSet<>();
      for (VariableDefinition v : op.variableDefinitions()) {
        if (!seen.add(v.variable())) {
          errors.add("There can be only one variable named \"$" + v.variable() + "\".", v.position());
        }
      }
    });
  }

  /** VariablesAreInputTypes: variables have scalar, enum or input object types. */
  static void variablesAreInputTypes(Events events, ValidationErrors errors) {
    events.variable.add((walker, v) -> {
      TypeDef type = walker.annotations.variable(v).definition;
      if (type != null && !type.isInputType()) {
        errors.add("Variable \"$" + v.variable() + "\" cannot be non-input type \"" + v.type() + "\".", v.position());
      }
    });
  }

  /** VariablesInAllowedPosition: a variable's type must fit where it is used. */
  static void variablesInAllowedPosition(Events events, ValidationErrors errors) {
    events.value.add((walker, value) -> {
      Annotations.ValueInfo info = walker.annotations.value(value);
      if (value.kind() != ValueKind.VARIABLE || info.expectedType == null || info.variableDefinition == null
          || walker.currentOperation() == null) {
        return;
      }
      TypeRef expected = info.expectedType;
      VariableDefinition v = info.variableDefinition;
      boolean nullable = v.defaultValue() != null && v.defaultValue().kind() != ValueKind.NULL && expected.nonNull()
          || info.expectedTypeHasDefault;
      TypeRef allowed = nullable ? new TypeRef(expected.namedType(), expected.elem(), false, expected.position()) : expected;
      if (!v.type().isCompatible(allowed)) {
        errors.add("Variable \"" + value.text() + "\" of type \"" + v.type() + "\" used in position expecting type \""
            + expected + "\".", value.position());
      }
    });
  }
}
