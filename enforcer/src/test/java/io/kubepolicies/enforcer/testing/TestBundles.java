package io.kubepolicies.enforcer.testing;

import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.bundle.Manifest;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.signature.BundleSigner;
import io.kubepolicies.signing.signature.Publication;
import io.kubepolicies.signing.signature.SignOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed test bundles built from the Rego and data in {@code src/test/resources/bundle}. Each carries
 * {@code data.bundle_marker.revision}, which the test policy repeats as a warning, so a response
 * shows which bundle decided it.
 */
public final class TestBundles {
  public static final String KEY_ID = "dev-test";

  private final KeyPair keys;
  private final SigningKey signingKey;

  public TestBundles() throws Exception {
    keys = TestPki.ecKeyPair();
    signingKey = SigningKey.of(keys.getPrivate());
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /** Writes the public key as PEM, for the enforcer's trusted keys. */
  public Path writePublicKey(Path file) throws IOException {
    Files.writeString(file, TestPki.pem(keys.getPublic()));
    return file;
  }

  /** The standard test bundle for {@code environment} at {@code sequence}, signed by the trusted key. */
  public byte[] build(String environment, long sequence, String revision) throws Exception {
    return build(environment, sequence, revision, List.of("validating.rego", "mutating.rego"), signingKey);
  }

  public byte[] build(String environment, long sequence, String revision, List<String> modules, SigningKey key)
      throws Exception {
    return BundleWriter.toBytes(signed(environment, sequence, revision, modules, key));
  }

  public Bundle signed(String environment, long sequence, String revision, List<String> modules, SigningKey key)
      throws Exception {
    List<BundleFile> files = new ArrayList<>();
    files.add(BundleFile.of(".manifest", Manifest.DEFAULT.withRevision(revision).withRegoVersion(1).toJson()));
    for (String module : modules) {
      files.add(BundleFile.of(module, resource(module)));
    }
    files.add(BundleFile.of("kube_policies/config/data.json", resource("config.json")));
    files.add(BundleFile.of("bundle_marker/data.json",
        ("{\"revision\": \"" + revision + "\"}").getBytes(StandardCharsets.UTF_8)));
    SignOptions options = SignOptions.defaults().withKeyId(KEY_ID).withPublication(new Publication(environment, sequence));
    return BundleSigner.sign(Bundle.of(files), key, options);
  }

  public SigningKey signingKey() {
    return signingKey;
  }

  static byte[] resource(String name) {
    try (InputStream in = TestBundles.class.getResourceAsStream("/bundle/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource bundle/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
