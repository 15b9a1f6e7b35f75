package io.kubepolicies.server.release;

import io.kubepolicies.server.release.ReleaseException.Reason;
import java.util.Map;

/** One signing key per environment. */
public record SigningKeys(Map<String, EnvironmentKey> byEnvironment) {
  public SigningKeys {
    byEnvironment = Map.copyOf(byEnvironment);
  }

  public EnvironmentKey forEnvironment(String environment) {
    EnvironmentKey key = byEnvironment.get(environment);
    if (key == null) {
      throw new ReleaseException(Reason.REFUSED, "no signing key is configured for environment \"" + environment + "\"");
    }
    return key;
  }
}
