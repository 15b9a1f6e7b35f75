package io.kubepolicies.ci.check;

import io.kubepolicies.enforcer.decision.Finding;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.PrintWriter;
import java.util.List;

/**
 * The report for people: one headline per resource ({@code file: Kind namespace/name: allowed}), then
 * one line per finding, patch and error, then a count.
 */
final class TextReport {
  private TextReport() {}

  static void write(List<CheckResult> results, PrintWriter out) {
    for (CheckResult result : results) {
      out.println(headline(result));
      findings(out, "deny", result.denied());
      findings(out, "warn", result.warned());
      findings(out, "monitor", result.monitored());
      operations(out, "patch", result.patches());
      operations(out, "dryrun", result.dryrun());
      result.errors().forEach(error -> line(out, "error", error));
    }
    long denied = results.stream().filter(r -> !r.allowed()).count();
    out.printf("checked %d resource%s: %d allowed, %d denied%n", results.size(), results.size() == 1 ? "" : "s",
        results.size() - denied, denied);
  }

  private static String headline(CheckResult result) {
    Resource resource = result.resource();
    String where = result.namespace().isEmpty() ? resource.name() : result.namespace() + "/" + resource.name();
    return resource.file() + ": " + resource.kind() + " " + where + ": " + (result.allowed() ? "allowed" : "denied")
        + note(result);
  }

  private static String note(CheckResult result) {
    return switch (result.outcome()) {
      case CRITICAL -> " (critical allowlist: " + result.exemption() + ")";
      case BREAKGLASS -> " (breakglass: " + result.exemption() + ")";
      case DEFAULT_ALLOW -> " (no policy applies)";
      case FAIL_OPEN, FAIL_CLOSED -> " (evaluation failed)";
      case EVALUATED -> "";
    };
  }

  private static void findings(PrintWriter out, String mode, List<Finding> findings) {
    findings.forEach(finding -> line(out, mode, finding.message()));
  }

  private static void operations(PrintWriter out, String mode, List<Value> operations) {
    for (Value op : operations) {
      ObjectValue o = (ObjectValue) op;
      String value = o.get("value") == null ? "" : " " + Json.write(o.get("value"));
      line(out, mode, text(o, "policy") + ": " + text(o, "op") + " " + text(o, "path") + value);
    }
  }

  private static void line(PrintWriter out, String mode, String text) {
    out.printf("  %-8s %s%n", mode, text);
  }

  private static String text(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }
}
