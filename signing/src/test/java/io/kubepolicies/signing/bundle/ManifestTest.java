package io.kubepolicies.signing.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.signing.BundleException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static Manifest parse(String json) throws BundleException {
    return Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String rejection(String json) {
    return assertThrows(BundleException.class, () -> parse(json)).getMessage();
  }

  @Test
  void readsEveryField() throws BundleException {
    Manifest manifest = parse("{\"revision\":\"abc\",\"roots\":[\"/a/\",\"b/c\"],\"rego_version\":0,"
        + "\"file_rego_versions\":{\"/legacy/*.rego\":1},\"metadata\":{\"n\":1.10},\"unknown\":true}");
    assertEquals("abc", manifest.revision());
    assertEquals(List.of("a", "b/c"), manifest.roots().paths());
    assertEquals(OptionalInt.of(0), manifest.regoVersion());
    assertEquals(Map.of("/legacy/*.rego", 1), manifest.fileRegoVersions());
    assertEquals(Optional.of("{\"n\":1.10}"), manifest.metadataJson());
  }

  @Test
  void defaultsMissingAndNullFields() throws BundleException {
    assertEquals(Manifest.DEFAULT, parse("{}"));
    assertEquals(Manifest.DEFAULT, parse("{\"revision\":null,\"roots\":null}"));
  }

  @Test
  void rejectsWrongFieldTypes() {
    assertEquals("must be a JSON object", rejection("[]"));
    assertEquals("\"revision\" must be a string", rejection("{\"revision\":7}"));
    assertEquals("\"roots\" must be an array of strings", rejection("{\"roots\":\"a\"}"));
    assertEquals("\"roots[1]\" must be a string", rejection("{\"roots\":[\"a\",1]}"));
    assertEquals("\"rego_version\" must be 0 or 1, not 2", rejection("{\"rego_version\":2}"));
    assertEquals("\"metadata\" must be an object", rejection("{\"metadata\":[]}"));
    assertEquals("wasm modules are not supported", rejection("{\"wasm\":[{\"entrypoint\":\"a\",\"module\":\"/policy.wasm\"}]}"));
  }

  @Test
  void rejectsDuplicateFields() {
    assertEquals("invalid JSON: Duplicate field 'revision'", rejection("{\"revision\":\"a\",\"revision\":\"b\"}"));
  }

  @Test
  void picksTheRegoVersionOfAFileByPatternThenBundle() throws BundleException {
    Manifest manifest = parse("{\"rego_version\":1,\"file_rego_versions\":{\"/legacy/*.rego\":0,\"old_{a,b}.rego\":0,\"x/[!y]?.rego\":0}}");
    assertEquals(OptionalInt.of(0), manifest.regoVersionFor("legacy/deep/p.rego"));
    assertEquals(OptionalInt.of(0), manifest.regoVersionFor("old_b.rego"));
    assertEquals(OptionalInt.of(0), manifest.regoVersionFor("x/z1.rego"));
    assertEquals(OptionalInt.of(1), manifest.regoVersionFor("x/y1.rego"));
    assertEquals(OptionalInt.of(1), manifest.regoVersionFor("old_c.rego"));
    assertEquals(OptionalInt.empty(), Manifest.DEFAULT.regoVersionFor("p.rego"));
  }

  @Test
  void rejectsMalformedGlobs() {
    assertEquals("unbalanced '{' in glob {a", rejection("{\"file_rego_versions\":{\"{a\":0}}"));
    assertEquals("unclosed '[' in glob [a", rejection("{\"file_rego_versions\":{\"[a\":0}}"));
    assertEquals("invalid glob [z-a]: Illegal character range", rejection("{\"file_rego_versions\":{\"[z-a]\":0}}"));
  }

  @Test
  void writesWhatItReads() throws BundleException {
    Manifest manifest = parse("{\"revision\":\"r\",\"roots\":[\"a\"],\"rego_version\":1,\"metadata\":{\"k\":[1.50]}}");
    assertEquals("{\"revision\":\"r\",\"roots\":[\"a\"],\"rego_version\":1,\"metadata\":{\"k\":[1.50]}}",
        new String(manifest.toJson(), StandardCharsets.UTF_8));
    assertEquals(manifest, Manifest.parse(manifest.toJson()));
  }
}
