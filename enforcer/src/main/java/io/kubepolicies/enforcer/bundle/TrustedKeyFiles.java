package io.kubepolicies.enforcer.bundle;

import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import io.kubepolicies.signing.jws.VerificationKey;
import io.kubepolicies.signing.signature.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Loads the trusted bundle-signing keys: key id to a PEM public key or certificate, each pinned to its key type's algorithm. */
public final class TrustedKeyFiles {
  private TrustedKeyFiles() {}

  public static TrustedKeys load(Map<String, Path> files) throws ConfigException {
    Map<String, VerificationKey> keys = new LinkedHashMap<>();
    for (Map.Entry<String, Path> entry : new TreeMap<>(files).entrySet()) {
      Path file = entry.getValue();
      try {
        String pem = Files.readString(file, StandardCharsets.UTF_8);
        keys.put(entry.getKey(), VerificationKey.of(PemKeys.publicKey(pem)));
      } catch (IOException e) {
        throw new ConfigException("trusted key " + entry.getKey() + ": cannot read " + file + ": " + e.getMessage(), e);
      } catch (BundleException e) {
        throw new ConfigException("trusted key " + entry.getKey() + " (" + file + "): " + e.getMessage(), e);
      }
    }
    return TrustedKeys.of(keys);
  }
}
