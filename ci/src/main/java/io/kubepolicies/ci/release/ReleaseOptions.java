package io.kubepolicies.ci.release;

import io.kubepolicies.server.release.EnvironmentKey;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.SigningKeys;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import io.kubepolicies.signing.jws.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How releases are made where the store is used directly: environments, signing keys, soak times. */
public final class ReleaseOptions {
  @Option(names = "--environments", split = ",", paramLabel = "ENV", defaultValue = "dev,staging,prod",
      description = "Environments in promotion order (default: ${DEFAULT-VALUE}).")
  List<String> environments;

  @Option(names = "--signing-key", paramLabel = "ENV:KEY_ID=FILE",
      description = "An environment's signing key (PEM private key) and the key id enforcers know it by, "
          + "e.g. prod:prod-2026-11=/keys/prod.pem. Repeat per environment.")
  List<String> signingKeys = List.of();

  @Option(names = "--soak", paramLabel = "DURATION", defaultValue = "1h",
      description = "How long a revision must have been current in an environment before promotion out of it "
          + "(default: ${DEFAULT-VALUE}).")
  String soak;

  @Option(names = "--soak-in", paramLabel = "ENV=DURATION",
      description = "The soak time in one environment, e.g. staging=24h.")
  Map<String, String> soakIn = Map.of();

  Environments environments() {
    return new Environments(environments);
  }

  SoakPolicy soak() {
    Map<String, Duration> per = new LinkedHashMap<>();
    soakIn.forEach((env, duration) -> per.put(env, Durations.parse(duration)));
    return new SoakPolicy(Durations.parse(soak), per);
  }

  SigningKeys signingKeys() throws IOException {
    Map<String, EnvironmentKey> keys = new LinkedHashMap<>();
    for (String spec : signingKeys) {
      int colon = spec.indexOf(':');
      int equals = spec.indexOf('=', colon + 1);
      if (colon <= 0 || equals <= colon + 1 || equals == spec.length() - 1) {
        throw new IllegalArgumentException("--signing-key " + spec + ": expected ENV:KEY_ID=FILE");
      }
      String environment = spec.substring(0, colon);
      Path file = Path.of(spec.substring(equals + 1));
      try {
        SigningKey key = SigningKey.of(PemKeys.privateKey(Files.readString(file)));
        if (keys.put(environment, new EnvironmentKey(spec.substring(colon + 1, equals), key)) != null) {
          throw new IllegalArgumentException("--signing-key: two keys for " + environment);
        }
      } catch (BundleException e) {
        throw new IllegalArgumentException("--signing-key " + file + ": " + e.getMessage(), e);
      }
    }
    return new SigningKeys(keys);
  }
}
