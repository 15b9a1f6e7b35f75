package io.kubepolicies.server;

import io.kubepolicies.server.api.ApiServer;
import io.kubepolicies.server.api.TlsFiles;
import io.kubepolicies.server.api.Tokens;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.Releases;
import io.kubepolicies.server.release.SigningKeys;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.S3ObjectStore;
import io.kubepolicies.server.store.StoreConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/** A running bundle-server: the store client and the HTTP API over the production release wiring. */
public final class BundleServer implements AutoCloseable {
  /** Everything a bundle-server needs; {@code tls} empty serves plain HTTP. */
  public record Config(StoreConfig store, Environments environments, SigningKeys keys, SoakPolicy soak, Tokens tokens,
      String host, int port, Optional<TlsFiles> tls) {}

  private final S3ObjectStore objects;
  private final Releases releases;
  private final ApiServer api;

  private BundleServer(S3ObjectStore objects, Releases releases, ApiServer api) {
    this.objects = objects;
    this.releases = releases;
    this.api = api;
  }

  public static BundleServer start(Config config) throws IOException {
    S3ObjectStore objects = S3ObjectStore.open(config.store());
    try {
      ReleaseStore store = new ReleaseStore(objects);
      store.checkConditionalWrites();
      Releases releases = ControlPlane.releases(store, config.environments(), config.keys(), config.soak(),
          Clock.systemUTC());
      ApiServer api = ApiServer.start(releases, config.tokens(), config.host(), config.port(), config.tls());
      return new BundleServer(objects, releases, api);
    } catch (IOException | RuntimeException e) {
      objects.close();
      throw e;
    }
  }

  /** The operations this server serves, for callers in the same process. */
  public Releases releases() {
    return releases;
  }

  public String url() {
    return api.url();
  }

  @Override
  public void close() {
    api.close();
    objects.close();
  }
}
