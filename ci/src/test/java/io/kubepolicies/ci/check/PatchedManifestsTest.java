package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.allowlists.document.YamlDocuments;
import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatchedManifestsTest {
  private static final List<String> AMBIGUOUS = List.of("yes", "No", "on", "OFF", "y", "true", "null", "~", "",
      "1.10", "012", "0x1F", "0o17", "1e3", "1_000", "12:30", ".inf", "-.5", "+1", "2027-01-31", "#comment", "a: b",
      "- item", "*alias", "&anchor", "!tag", "'quoted'", "\"double\"", " padded ", "multi\nline");

  @Test
  void writesStringsThatReadBackAsTheSameStrings() throws Exception {
    ObjectValue.Builder labels = ObjectValue.builder();
    for (int i = 0; i < AMBIGUOUS.size(); i++) {
      labels.put("k" + i, StringValue.of(AMBIGUOUS.get(i)));
    }
    ObjectValue manifest = (ObjectValue) Json.parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    manifest = manifest.with(StringValue.of("data"), labels.build());
    String yaml = write(manifest);
    assertEquals(Json.write(manifest), Json.write(Json.fromNode(YamlDocuments.parseOne("out.yaml", yaml).root())), yaml);
    assertTrue(yaml.contains("k12: \"0o17\"\n"), "YAML 1.2 readers take 0o17 for a number:\n" + yaml);
  }

  @Test
  void separatesManifestsWithDocumentMarkers() {
    ObjectValue a = (ObjectValue) Json.parse("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}");
    ObjectValue b = (ObjectValue) Json.parse("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}");
    assertEquals("kind: Pod\nmetadata:\n  name: a\n---\nkind: Pod\nmetadata:\n  name: b\n", write(a, b));
  }

  private static String write(ObjectValue... manifests) {
    StringWriter out = new StringWriter();
    List<CheckResult> results = Arrays.stream(manifests).map(PatchedManifestsTest::result).toList();
    new PatchedManifests().write(results, new PrintWriter(out));
    return out.toString();
  }

  private static CheckResult result(ObjectValue manifest) {
    Decision quiet = new Decision("uid", Webhook.MUTATING, true, Decision.Outcome.DEFAULT_ALLOW, List.of(), List.of(),
        List.of(), List.of(), List.of(), null, null, false, 0);
    return new CheckResult(Resource.manifest("f.yaml", manifest), "default", quiet, quiet, manifest, Optional.empty());
  }
}
