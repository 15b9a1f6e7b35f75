package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class AdmissionRequestsTest {
  private static Resource resource(String json) {
    return Resource.manifest("f.yaml", (ObjectValue) Json.parse(json));
  }

  private static ObjectValue request(Resource resource) {
    Value review = AdmissionRequests.review(resource, resource.object());
    return (ObjectValue) ((ObjectValue) review).get(StringValue.of("request"));
  }

  private static String field(ObjectValue request, String name) {
    return Json.write(request.get(StringValue.of(name)));
  }

  @Test
  void wrapsADeploymentInACreateReviewInTheDefaultNamespace() {
    Resource deployment = resource("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");
    ObjectValue request = request(deployment);
    assertEquals("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}", field(request, "kind"));
    assertEquals("{\"group\":\"apps\",\"resource\":\"deployments\",\"version\":\"v1\"}", field(request, "resource"));
    assertEquals("\"default\"", field(request, "namespace"));
    assertEquals("\"web\"", field(request, "name"));
    assertEquals("\"CREATE\"", field(request, "operation"));
    assertEquals("{\"groups\":[\"system:authenticated\"],\"username\":\"kube-policies-check\"}", field(request, "userInfo"));
    assertEquals("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"}}",
        field(request, "object"), "the API server fills in the namespace before admission");
    assertEquals("null", field(request, "oldObject"));
  }

  @Test
  void keepsTheManifestsNamespaceAndUsesTheCoreGroup() {
    ObjectValue request = request(resource("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"shop\"}}"));
    assertEquals("{\"group\":\"\",\"resource\":\"pods\",\"version\":\"v1\"}", field(request, "resource"));
    assertEquals("\"shop\"", field(request, "namespace"));
  }

  @Test
  void givesClusterScopedKindsNoNamespace() {
    ObjectValue request = request(resource("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}"));
    assertEquals("\"\"", field(request, "namespace"));
    assertEquals("{\"group\":\"\",\"resource\":\"namespaces\",\"version\":\"v1\"}", field(request, "resource"));
    assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}", field(request, "object"));
  }

  @Test
  void pluralisesKindsLikeTheApiServer() {
    assertEquals("\"networkpolicies\"", resourceName("NetworkPolicy"));
    assertEquals("\"ingresses\"", resourceName("Ingress"));
    assertEquals("\"gateways\"", resourceName("Gateway"));
    assertEquals("\"replicationcontrollers\"", resourceName("ReplicationController"));
  }

  @Test
  void givesEachResourceAStableUid() {
    Resource a = resource("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}");
    Resource b = resource("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}");
    assertEquals(field(request(a), "uid"), field(request(a), "uid"));
    assertNotEquals(field(request(a), "uid"), field(request(b), "uid"));
  }

  private static String resourceName(String kind) {
    ObjectValue request = request(resource("{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"x\"}}"));
    return Json.write(((ObjectValue) request.get(StringValue.of("resource")))
        .get(StringValue.of("resource")));
  }
}
