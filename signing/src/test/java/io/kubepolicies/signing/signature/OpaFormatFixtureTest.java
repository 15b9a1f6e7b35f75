package io.kubepolicies.signing.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.jws.JdkKeys;
import io.kubepolicies.signing.jws.VerificationKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bundle laid out and signed by hand, following OPA's documented format (management-bundles,
 * "Signing"): a tarball with "/"-rooted names as opa build writes them, a JWT with alg/typ/kid over
 * {"files":[{name, hash, algorithm}]}, structured files hashed by their key-sorted compact form.
 * Nothing here uses the project's hashing or JWS code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpaFormatFixtureTest {
  private final KeyPair key = JdkKeys.rsa(2048);
  private final Map<String, String> files = new LinkedHashMap<>();

  OpaFormatFixtureTest() {
    files.put(".manifest", "{\n  \"revision\" : \"7864d60dd78d748dbce54b569e939f5b0dc07486\",\n"
        + "  \"roots\": [\"roles\", \"http/example/authz\"]\n}\n");
    files.put("roles/bindings/data.json", "{\n  \"user\": \"alice\",\n  \"role\": \"admin\",\n"
        + "  \"tags\": [\"<ops>\", \"r&d\", \"café\", \"tab\\there\"],\n  \"limits\": {\"b\": 2, \"a\": 1.5}\n}\n");
    files.put("http/example/authz/authz.rego", "package http.example.authz\n\nimport rego.v1\n\n"
        + "default allow := false\n\nallow if input.user == data.roles.bindings.user\n");
  }

  @Test
  void verifiesABundleSignedByHandInOpasFormat() throws Exception {
    Bundle bundle = new BundleReader().read(new ByteArrayInputStream(archive(files, signatures(files))));
    VerifiedBundle verified = verifier().verify(bundle, VerificationPolicy.ANY.withScope("write"));
    assertEquals("opa-key", verified.keyId());
    assertEquals("7864d60dd78d748dbce54b569e939f5b0dc07486", verified.bundle().manifest().revision());
    assertEquals(3, verified.claims().files().size());
  }

  @Test
  void refusesEverySingleByteChangeNamingTheFile() throws Exception {
    String signatures = signatures(files);
    for (Map.Entry<String, String> target : files.entrySet()) {
      byte[] original = target.getValue().getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < original.length; i++) {
        byte[] changed = original.clone();
        changed[i] ^= 1;
        Map<String, byte[]> tampered = new LinkedHashMap<>();
        files.forEach((name, content) -> tampered.put(name, content.getBytes(StandardCharsets.UTF_8)));
        tampered.put(target.getKey(), changed);
        byte[] archive = archiveOf(tampered, signatures);
        BundleException e = assertThrows(BundleException.class,
            () -> verifier().verify(new BundleReader().read(new ByteArrayInputStream(archive)), VerificationPolicy.ANY.withScope("write")),
            target.getKey() + " byte " + i);
        assertTrue(e.getMessage().contains(target.getKey()), target.getKey() + " byte " + i + ": " + e.getMessage());
      }
    }
  }

  private BundleVerifier verifier() throws BundleException {
    return new BundleVerifier(TrustedKeys.of(Map.of("opa-key", VerificationKey.of(key.getPublic()))));
  }

  private String signatures(Map<String, String> content) throws Exception {
    StringBuilder payload = new StringBuilder("{\"files\":[");
    String separator = "";
    for (Map.Entry<String, String> file : content.entrySet()) {
      boolean structured = file.getKey().equals(".manifest") || file.getKey().endsWith("/data.json");
      byte[] hashed = structured
          ? canonicalJson(new ObjectMapper().readTree(file.getValue())).getBytes(StandardCharsets.UTF_8)
          : file.getValue().getBytes(StandardCharsets.UTF_8);
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hashed));
      payload.append(separator).append("{\"name\":\"").append(file.getKey()).append("\",\"hash\":\"").append(hash)
          .append("\",\"algorithm\":\"SHA-256\"}");
      separator = ",";
    }
    payload.append("],\"iat\":1592248027,\"iss\":\"JWTService\",\"scope\":\"write\"}");
    JWSObject jwt = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("opa-key").build(),
        new Payload(payload.toString()));
    jwt.sign(new RSASSASigner(key.getPrivate()));
    return "{\n \"signatures\": [\n  \"" + jwt.serialize() + "\"\n ]\n}";
  }

  /**
   * The hashing form from OPA's documentation: no whitespace, object keys in sorted order, strings
   * escaped as Go's encoder does with HTML escaping off (this fixture needs only quote, backslash
   * and tab). Numbers are kept as written.
   */
  private static String canonicalJson(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
      StringBuilder out = new StringBuilder("{");
      sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':').append(canonicalJson(v)));
      return out.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("[");
      node.forEach(element -> out.append(out.length() > 1 ? "," : "").append(canonicalJson(element)));
      return out.append(']').toString();
    }
    return node.isTextual() ? quote(node.textValue()) : node.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  private static byte[] archive(Map<String, String> content, String signatures) throws IOException {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    content.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return archiveOf(bytes, signatures);
  }

  /** A gzipped tar with "/"-rooted names, as opa build writes, and .signatures.json at the root. */
  private static byte[] archiveOf(Map<String, byte[]> content, String signatures) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      Map<String, byte[]> all = new LinkedHashMap<>(content);
      all.put(".signatures.json", signatures.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : all.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry("/" + file.getKey(), true);
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }
}
