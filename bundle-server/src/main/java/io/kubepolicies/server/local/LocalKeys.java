package io.kubepolicies.server.local;

import io.kubepolicies.server.release.EnvironmentKey;
import io.kubepolicies.server.release.SigningKeys;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import io.kubepolicies.signing.jws.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EC P-256 signing key per environment for local use: {@code <env>.key.pem} (PKCS#8, owner
 * only) and {@code <env>.pub.pem} in one directory, made on first use and kept; key ids are
 * {@code <env>-local}.
 */
public final class LocalKeys {
  private final Path dir;
  private final List<String> environments;

  private LocalKeys(Path dir, List<String> environments) {
    this.dir = dir;
    this.environments = List.copyOf(environments);
  }

  public static LocalKeys ensure(Path dir, List<String> environments) throws IOException {
    Files.createDirectories(dir);
    LocalKeys keys = new LocalKeys(dir, environments);
    for (String environment : environments) {
      if (Files.exists(keys.privateKey(environment)) && Files.exists(keys.publicKey(environment))) {
        continue;
      }
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        PrivateFiles.write(keys.privateKey(environment), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(keys.publicKey(environment), Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot make a signing key for " + environment + ": " + e.getMessage(), e);
      }
    }
    return keys;
  }

  public static String keyId(String environment) {
    return environment + "-local";
  }

  public Path privateKey(String environment) {
    return dir.resolve(environment + ".key.pem");
  }

  public Path publicKey(String environment) {
    return dir.resolve(environment + ".pub.pem");
  }

  public SigningKeys signingKeys() throws IOException {
    Map<String, EnvironmentKey> keys = new LinkedHashMap<>();
    for (String environment : environments) {
      try {
        SigningKey key = SigningKey.of(PemKeys.privateKey(Files.readString(privateKey(environment))));
        keys.put(environment, new EnvironmentKey(keyId(environment), key));
      } catch (BundleException e) {
        throw new IOException(privateKey(environment) + ": " + e.getMessage(), e);
      }
    }
    return new SigningKeys(keys);
  }
}
