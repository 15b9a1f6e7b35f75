package io.kubepolicies.enforcer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart without Helm (not installed here): every template must be valid YAML once its
 * template actions are taken out (lines holding only an action are dropped, inline actions become a
 * placeholder), and the manifests must have the shape issue 6 asks for. This checks structure, not
 * rendering: expressions themselves are not evaluated.
 */
class HelmChartTest {
  private static final Path CHART = Path.of("..", "deploy", "helm", "kube-policies");
  private static final Pattern ACTION_LINE = Pattern.compile("^\\s*\\{\\{-?.*?-?}}\\s*$");
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?.*?-?}}");
  private static final Pattern COMMENT = Pattern.compile("\\{\\{-?\\s*/\\*.*?\\*/\\s*-?}}", Pattern.DOTALL);
  private static final YAMLMapper YAML = new YAMLMapper();

  private static final Map<String, JsonNode> BY_KIND = new HashMap<>();
  private static JsonNode values;

  @BeforeAll
  static void parseEveryTemplate() throws IOException {
    values = YAML.readTree(CHART.resolve("values.yaml").toFile());
    try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode doc : documents(file)) {
          assertTrue(doc.hasNonNull("apiVersion") && doc.hasNonNull("kind"), file + ": a document without apiVersion/kind");
          BY_KIND.put(doc.get("kind").asText(), doc);
        }
      }
    }
  }

  static List<JsonNode> documents(Path template) throws IOException {
    String text = COMMENT.matcher(Files.readString(template)).replaceAll("");
    StringBuilder yaml = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!ACTION_LINE.matcher(line).matches()) {
        yaml.append(ACTION.matcher(line).replaceAll("TEMPLATED")).append('\n');
      }
    }
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml.toString())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  @Test
  void everyTemplateIsYamlAndEveryKindIsThere() {
    for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget",
        "HorizontalPodAutoscaler", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "Certificate",
        "Issuer")) {
      assertTrue(BY_KIND.containsKey(kind), kind + " is missing");
    }
  }

  @Test
  void runsAtLeastTwoReplicasWithAnAutoscalerAndADisruptionBudget() {
    assertTrue(values.at("/replicaCount").asInt() >= 2);
    assertTrue(values.at("/autoscaling/minReplicas").asInt() >= 2);
    assertEquals(1, values.at("/podDisruptionBudget/minAvailable").asInt());
    assertFalse(BY_KIND.get("HorizontalPodAutoscaler").at("/spec/minReplicas").isMissingNode());
  }

  @Test
  void thePodIsNonRootReadOnlyAndRestricted() {
    JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
    assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
    assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
    assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true));
    JsonNode container = pod.at("/containers/0");
    JsonNode sc = container.at("/securityContext");
    assertTrue(sc.at("/readOnlyRootFilesystem").asBoolean());
    assertFalse(sc.at("/allowPrivilegeEscalation").asBoolean(true));
    assertFalse(sc.at("/privileged").asBoolean(true));
    assertEquals("ALL", sc.at("/capabilities/drop/0").asText());
    assertFalse(values.at("/resources/limits/cpu").isMissingNode());
    assertFalse(values.at("/resources/limits/memory").isMissingNode());
    assertEquals("HTTPS", container.at("/readinessProbe/httpGet/scheme").asText());
    assertEquals("/readyz", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/healthz", container.at("/livenessProbe/httpGet/path").asText());
  }

  @Test
  void theWebhooksExcludeKubeSystemAndTheirOwnNamespace() throws IOException {
    for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
      JsonNode webhook = BY_KIND.get(kind).at("/webhooks/0");
      JsonNode selector = webhook.at("/namespaceSelector/matchExpressions/0");
      assertEquals("kubernetes.io/metadata.name", selector.at("/key").asText());
      assertEquals("NotIn", selector.at("/operator").asText());
      assertEquals("kube-system", selector.at("/values/0").asText());
      assertEquals("TEMPLATED", selector.at("/values/1").asText(), "the release namespace");
      assertEquals("None", webhook.at("/sideEffects").asText());
      assertEquals("v1", webhook.at("/admissionReviewVersions/0").asText());
    }
    assertEquals("/v1/admit/validating",
        BY_KIND.get("ValidatingWebhookConfiguration").at("/webhooks/0/clientConfig/service/path").asText());
    assertEquals("/v1/admit/mutating",
        BY_KIND.get("MutatingWebhookConfiguration").at("/webhooks/0/clientConfig/service/path").asText());
    JsonNode kubeSystem = BY_KIND.get("ValidatingWebhookConfiguration").at("/webhooks/1");
    assertEquals("Fail", kubeSystem.at("/failurePolicy").asText(), "the kube-system webhook fails closed");
    assertEquals("In", kubeSystem.at("/namespaceSelector/matchExpressions/0/operator").asText());
  }

  @Test
  void failurePolicyAndTimeoutComeFromValues() throws IOException {
    for (String template : List.of("validatingwebhookconfiguration.yaml", "mutatingwebhookconfiguration.yaml")) {
      String text = Files.readString(CHART.resolve("templates").resolve(template));
      assertTrue(text.contains("failurePolicy: {{ .Values.webhooks.failurePolicy }}"), template);
      assertTrue(text.contains("timeoutSeconds: {{ .Values.webhooks.timeoutSeconds }}"), template);
    }
    assertEquals("Fail", values.at("/webhooks/failurePolicy").asText());
    assertTrue(values.at("/webhooks/timeoutSeconds").asInt() > 1, "well above the 1 s evaluation deadline");
  }

  @Test
  void pathStyleIsLeftToTheEnforcerUnlessSet() throws IOException {
    // The enforcer turns path-style on exactly when an endpoint is set; a fixed false here sent S3-compatible stores
    // virtual-hosted requests (bucket.host), which they usually do not serve.
    assertTrue(values.at("/bundles/store/pathStyle").isMissingNode());
    String configMap = Files.readString(CHART.resolve("templates").resolve("configmap.yaml"));
    assertTrue(configMap.contains("{{- if kindIs \"bool\" .Values.bundles.store.pathStyle }}\n"
        + "        path_style: {{ .Values.bundles.store.pathStyle }}\n"), configMap);
  }
}
