package io.kubepolicies.ci.release;

import io.kubepolicies.server.ControlPlane;
import io.kubepolicies.server.client.ReleaseClient;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.S3ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where release commands act: a bundle-server ({@code --server}, which holds the signing keys and
 * records the token's holder as the actor), or the store itself ({@code --store-endpoint}, with
 * the signing keys given here and {@code --actor} recorded).
 */
public final class TargetOptions {
  @Option(names = "--server", paramLabel = "URL", description = "The bundle-server, e.g. https://127.0.0.1:8181.")
  URI server;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:KUBE_POLICIES_TOKEN}",
      description = "Bearer token for --server (default: $KUBE_POLICIES_TOKEN).")
  String token;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token.")
  Path tokenFile;

  @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA certificate(s) to trust for --server.")
  Path caCertificate;

  @Mixin
  StoreOptions store;

  @Mixin
  ReleaseOptions release;

  @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${sys:user.name}",
      description = "Who is recorded in history when using the store directly (default: the OS user).")
  String actor;

  /** The operations and what to close after them. */
  public record Session(ReleaseOperations operations, Runnable release) implements AutoCloseable {
    @Override
    public void close() {
      release.run();
    }
  }

  /** @param writes whether the command publishes: then a direct store must prove it honours conditional writes */
  Session open(boolean writes) throws IOException {
    if ((server == null) == !store.given()) {
      throw new IllegalArgumentException("give either --server URL (a bundle-server) or --store-endpoint URL (the store)");
    }
    if (server != null) {
      String bearer = tokenFile != null ? Files.readString(tokenFile).strip() : token;
      ReleaseClient client = ReleaseClient.connect(server, bearer, Optional.ofNullable(caCertificate));
      return new Session(client, () -> { });
    }
    S3ObjectStore objects = S3ObjectStore.open(store.config());
    try {
      ReleaseStore releaseStore = new ReleaseStore(objects);
      if (writes) {
        releaseStore.checkConditionalWrites();
      }
      ReleaseOperations operations = ControlPlane.releases(releaseStore, release.environments(),
          release.signingKeys(), release.soak(), Clock.systemUTC()).as(actor);
      return new Session(operations, objects::close);
    } catch (IOException | RuntimeException e) {
      objects.close();
      throw e;
    }
  }
}
