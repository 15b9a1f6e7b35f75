package io.kubepolicies.rego.builtins.graphql;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * gqlparser's {@code validator.Validate} with the rules OPA runs: every standard rule, registered
 * in gqlparser's order (its rule files' alphabetical order), so that errors come in gqlparser's
 * order too: by the walk first, then by rule.
 */
final class QueryValidator {
  private static final List<BiConsumer<Events, ValidationErrors>> RULES = List.of(
      FieldRules::fieldsOnCorrectType,
      FragmentRules::fragmentsOnCompositeTypes,
      FieldRules::knownArgumentNames,
      FieldRules::knownDirectives,
      FragmentRules::knownFragmentNames,
      OperationRules::knownRootType,
      OperationRules::knownTypeNames,
      OperationRules::loneAnonymousOperation,
      FieldRules::maxIntrospectionDepth,
      FragmentRules::noFragmentCycles,
      VariableRules::noUndefinedVariables,
      FragmentRules::noUnusedFragments,
      VariableRules::noUnusedVariables,
      OverlappingFields::register,
      FragmentRules::possibleFragmentSpreads,
      FieldRules::providedRequiredArguments,
      FieldRules::scalarLeafs,
      OperationRules::singleFieldSubscriptions,
      FieldRules::uniqueArgumentNames,
      FieldRules::uniqueDirectivesPerLocation,
      FragmentRules::uniqueFragmentNames,
      ValueRules::uniqueInputFieldNames,
      OperationRules::uniqueOperationNames,
      VariableRules::uniqueVariableNames,
      ValueRules::valuesOfCorrectType,
      VariableRules::variablesAreInputTypes,
      VariableRules::variablesInAllowedPosition);

  private QueryValidator() {}

  /**
   * The validation errors of {@code document} against {@code schema}; empty when the document is
   * valid. A document nested too deeply to walk yields that one error.
   */
  static List<GraphqlError> validate(Schema schema, QueryAst.Document document) {
    Events events = new Events();
    ValidationErrors errors = new ValidationErrors();
    RULES.forEach(rule -> rule.accept(events, errors));
    try {
      new Walker(schema, document, events).walk();
    } catch (GraphqlError tooDeep) {
      return List.of(tooDeep);
    }
    return errors.list();
  }
}
