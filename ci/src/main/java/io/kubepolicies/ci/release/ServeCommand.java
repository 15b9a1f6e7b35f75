package io.kubepolicies.ci.release;

import io.kubepolicies.server.BundleServer;
import io.kubepolicies.server.api.TlsFiles;
import io.kubepolicies.server.api.Tokens;
import io.kubepolicies.server.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle-server}: serve the release API until stopped (SIGTERM, Ctrl-C). */
@Command(name = "bundle-server", mixinStandardHelpOptions = true,
    description = {"Run the bundle-server: the release API (publish, promote, rollback, status, history) over the "
        + "store, with bearer-token authentication. Runs until SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  StoreOptions store;

  @Mixin
  ReleaseOptions release;

  @Option(names = "--tokens", required = true, paramLabel = "FILE",
      description = "Token file (YAML: tokens: [{name, role: release-engineer|viewer, sha256}]).")
  Path tokens;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8181", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain for HTTPS.")
  Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key for HTTPS.")
  Path tlsKey;

  @Option(names = "--plain-http", description = "Serve plain HTTP on a non-loopback address (only behind a TLS proxy).")
  boolean plainHttp;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!store.given()) {
        throw new IllegalArgumentException("--store-endpoint is required");
      }
      if ((tlsCertificate == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("give both --tls-cert and --tls-key, or neither");
      }
      if (tlsCertificate == null && !plainHttp && !InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("refusing to send bearer tokens in clear text on " + host
            + ": give --tls-cert and --tls-key (or --plain-http behind a TLS-terminating proxy)");
      }
      Optional<TlsFiles> tls = tlsCertificate == null ? Optional.empty() : Optional.of(new TlsFiles(tlsCertificate, tlsKey));
      BundleServer server = BundleServer.start(new BundleServer.Config(store.config(), release.environments(),
          release.signingKeys(), release.soak(), Tokens.load(tokens), host, port, tls));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "bundle-server-shutdown"));
      out.println("bundle-server listening on " + server.url());
      out.flush();
      stopped.await();
      return 0;
    } catch (IOException | IllegalArgumentException | StoreException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
