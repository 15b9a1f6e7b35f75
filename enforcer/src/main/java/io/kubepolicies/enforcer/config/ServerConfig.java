package io.kubepolicies.enforcer.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the webhooks listen: HTTPS only, with a certificate chain and key read from PEM files
 * and read again whenever their content changes (checked every {@code tlsReloadInterval}).
 *
 * @param port 0 picks a free port (see {@code Enforcer.port()})
 */
public record ServerConfig(String host, int port, Path certFile, Path keyFile, Duration tlsReloadInterval) {
  public ServerConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    Durations.requirePositive("tls reload interval", tlsReloadInterval);
  }
}
