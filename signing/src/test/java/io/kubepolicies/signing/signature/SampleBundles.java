package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small bundles for signature tests. */
final class SampleBundles {
  private SampleBundles() {}

  static BundleFile file(String path, String content) throws BundleException {
    return BundleFile.of(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A bundle with every kind of file: manifest, module, JSON and YAML data, an unloaded file. */
  static Bundle sample() throws BundleException {
    return Bundle.of(List.of(
        file(".manifest", "{\"revision\": \"r7\", \"roots\": [\"acme\"]}"),
        file("acme/authz/policy.rego", "package acme.authz\n\ndefault allow := false\n"),
        file("acme/roles/data.json", "{\"admins\": [\"alice\", \"bob\"], \"limit\": 10}"),
        file("acme/zones/data.yaml", "zones:\n- eu\n- us\n"),
        file("acme/README.md", "signed but not loaded")));
  }

  /** {@code bundle}'s files and signatures with {@code replacement} in place of the file at its path (or added). */
  static Bundle replacing(Bundle bundle, BundleFile replacement) throws BundleException {
    List<BundleFile> files = new ArrayList<>(bundle.files());
    files.removeIf(file -> file.path().equals(replacement.path()));
    files.add(replacement);
    bundle.signatures().ifPresent(files::add);
    return Bundle.of(files);
  }

  static Bundle without(Bundle bundle, String path) throws BundleException {
    List<BundleFile> files = new ArrayList<>(bundle.files());
    files.removeIf(file -> file.path().equals(path));
    bundle.signatures().ifPresent(files::add);
    return Bundle.of(files);
  }
}
