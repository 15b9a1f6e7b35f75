package io.kubepolicies.ci.conformance;

import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * One OPA compliance case (see {@code shared/conformance/FORMAT.md}), identified by topic, file and
 * index. Absent fields are null; {@code wantResult} rows map variable names to values.
 */
record ConformanceCase(String topic, String file, int index, String note, String query, List<String> modules,
    Value data, Value input, String inputTerm, List<Value> wantResult, String wantErrorCode, String wantError,
    boolean strictError, boolean sortBindings, boolean ignoreGeneratedVars) {

  String id() {
    return topic + "/" + file + "#" + index;
  }
}
