package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BundlePointerTest {
  private static final String SHA = "a".repeat(64);

  private static BundlePointer parse(String json) throws BundleRejectedException {
    return BundlePointer.parse(json.getBytes(StandardCharsets.UTF_8), "dev");
  }

  private static String error(String json) {
    BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> parse(json));
    assertEquals(BundleFailure.POINTER_INVALID, e.reason());
    return e.getMessage();
  }

  @Test
  void readsThePointerOfTheContract() throws Exception {
    assertEquals(new BundlePointer("dev", 42, "r42", "bundles/dev/42.tar.gz", SHA), parse("""
        {"environment": "dev", "sequence": 42, "revision": "r42", "key": "bundles/dev/42.tar.gz",
         "sha256": "%s", "published_at": "2026-11-26T00:00:00Z"}""".formatted(SHA)));
  }

  @Test
  void refusesAnotherEnvironmentOrKeysOutsideIt() {
    assertEquals("invalid bundle pointer: environment is \"prod\", expected \"dev\"", error("""
        {"environment": "prod", "sequence": 1, "key": "bundles/prod/1.tar.gz", "sha256": "%s"}""".formatted(SHA)));
    assertEquals("invalid bundle pointer: key \"bundles/prod/1.tar.gz\" is not under bundles/dev/", error("""
        {"environment": "dev", "sequence": 1, "key": "bundles/prod/1.tar.gz", "sha256": "%s"}""".formatted(SHA)));
  }

  @Test
  void refusesMissingOrMistypedFields() {
    assertEquals("invalid bundle pointer: not valid JSON", error("{"));
    assertEquals("invalid bundle pointer: not a JSON object", error("[]"));
    assertEquals("invalid bundle pointer: \"sequence\" must be a non-negative integer", error("""
        {"environment": "dev", "sequence": -1, "key": "bundles/dev/1.tar.gz", "sha256": "%s"}""".formatted(SHA)));
    assertEquals("invalid bundle pointer: \"sequence\" must be a non-negative integer", error("""
        {"environment": "dev", "sequence": "1", "key": "bundles/dev/1.tar.gz", "sha256": "%s"}""".formatted(SHA)));
    assertEquals("invalid bundle pointer: \"sha256\" must be 64 lower-case hex digits", error("""
        {"environment": "dev", "sequence": 1, "key": "bundles/dev/1.tar.gz", "sha256": "ABC"}"""));
    assertEquals("invalid bundle pointer: \"key\" must be a non-empty string", error("""
        {"environment": "dev", "sequence": 1, "sha256": "%s"}""".formatted(SHA)));
  }
}
