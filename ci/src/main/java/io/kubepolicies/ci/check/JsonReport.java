package io.kubepolicies.ci.check;

import io.kubepolicies.enforcer.decision.Finding;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The report for machines: {@code {"results": [{"file", "kind", "namespace", "name", "allowed",
 * "denied", "warned", "monitored", "patches", ...}]}}, plus {@code dryrun}, {@code outcome},
 * {@code errors} and, when asked, the {@code patched} manifest.
 */
final class JsonReport {
  private JsonReport() {}

  static void write(List<CheckResult> results, boolean withPatched, PrintWriter out) {
    ArrayValue items = ArrayValue.of(results.stream().map(result -> result(result, withPatched)).toList());
    out.println(Json.write(ObjectValue.builder().put("results", items).build()));
  }

  private static ObjectValue result(CheckResult result, boolean withPatched) {
    Resource resource = result.resource();
    ObjectValue.Builder out = ObjectValue.builder()
        .put("file", StringValue.of(resource.file()))
        .put("kind", StringValue.of(resource.kind()))
        .put("namespace", StringValue.of(result.namespace()))
        .put("name", StringValue.of(resource.name()))
        .put("allowed", BooleanValue.of(result.allowed()))
        .put("denied", findings(result.denied()))
        .put("warned", findings(result.warned()))
        .put("monitored", findings(result.monitored()))
        .put("patches", ArrayValue.of(result.patches()))
        .put("dryrun", ArrayValue.of(result.dryrun()))
        .put("outcome", StringValue.of(result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-')))
        .put("errors", ArrayValue.of(result.errors().stream().map(StringValue::of).toList()));
    if (withPatched) {
      out.put("patched", result.patched());
    }
    return out.build();
  }

  private static ArrayValue findings(List<Finding> findings) {
    return ArrayValue.of(findings.stream().map(f -> ObjectValue.builder()
        .put("policy", StringValue.of(f.policy()))
        .put("message", StringValue.of(f.message()))
        .build()).toList());
  }
}
