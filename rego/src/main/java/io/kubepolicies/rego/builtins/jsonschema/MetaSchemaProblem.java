package io.kubepolicies.rego.builtins.jsonschema;

import com.networknt.schema.Error;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Why a schema is not a valid schema, from its violations of the meta-schema. An unknown type name
 * is worded as OPA's validator words it; anything else as the first violation in match-schema form.
 */
final class MetaSchemaProblem {
  private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "null", "object", "string");

  private MetaSchemaProblem() {}

  static String describe(List<Error> violations) {
    for (Error e : violations) {
      JsonNode instance = e.getInstanceNode();
      if (e.getSchemaLocation().toString().contains("simpleTypes") && instance != null && instance.isString()
          && !TYPES.contains(instance.asString())) {
        return "has a primitive type that is NOT VALID -- given: /" + instance.asString()
            + "/ Expected valid values are:[array boolean integer number null object string]";
      }
    }
    ArrayValue errors = ValidationErrors.of(violations);
    return ((StringValue) ((ObjectValue) errors.get(0)).get("error")).value();
  }
}
