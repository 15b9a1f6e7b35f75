package io.kubepolicies.ci.up;

import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.server.build.SourceRevision;
import io.kubepolicies.server.release.ReleaseException;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.StoreConfig;
import io.kubepolicies.server.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kube-policies up}: the whole system on loopback (store, bundle-server, dev enforcer), with
 * the working tree gated, built, signed and published to dev. Runs until Ctrl-C or SIGTERM.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Run kube-policies locally: an S3-compatible store, the bundle-server and an enforcer for dev, "
        + "all on 127.0.0.1; gate, build, sign and publish policies/ and allowlists/ to dev. "
        + "Keys, tokens and a private CA are made on first run. Ctrl-C or SIGTERM stops everything."})
public final class UpCommand implements Callable<Integer> {
  private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(60);
  private static final String EXAMPLE = "examples/admission-review-pod.json";

  @Spec
  CommandSpec spec;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".kube-policies",
      description = "Keys, certificates, tokens and the store's data (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(names = "--enforcer-port", paramLabel = "PORT", defaultValue = "8443",
      description = "The enforcer's HTTPS port (default: ${DEFAULT-VALUE}).")
  int enforcerPort;

  @Option(names = "--server-port", paramLabel = "PORT", defaultValue = "8181",
      description = "The bundle-server's HTTPS port (default: ${DEFAULT-VALUE}).")
  int serverPort;

  @Option(names = "--store-port", paramLabel = "PORT", defaultValue = "9000",
      description = "The store's HTTP port (default: ${DEFAULT-VALUE}).")
  int storePort;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
      description = "Repository root holding policies/ and allowlists/ (default: the current directory).")
  Path source;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    quietLibraries();
    LocalStack stack;
    try {
      stack = LocalStack.start(new LocalStack.Options(stateDir, serverPort, storePort, Duration.ZERO));
    } catch (IOException | StoreException e) {
      err.println("error: cannot start: " + e.getMessage());
      err.flush();
      return 3;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      stack.close();
      out.println("kube-policies stopped");
      out.flush();
      stopped.countDown();
    }, "kube-policies-up-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    Optional<Integer> failed = publish(stack, out, err);
    if (failed.isEmpty()) {
      try {
        stack.startEnforcer(enforcerPort);
      } catch (ConfigException e) {
        err.println("error: cannot start the enforcer: " + e.getMessage());
        err.flush();
        failed = Optional.of(3);
      }
    }
    if (failed.isPresent()) {
      Runtime.getRuntime().removeShutdownHook(shutdown);
      stack.close();
      return failed.get();
    }
    awaitActivation(stack, out);
    printInstructions(stack, out);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private Optional<Integer> publish(LocalStack stack, PrintWriter out, PrintWriter err) {
    try {
      SourceSnapshot snapshot = SourceSnapshot.load(source, SourceRevision.of(source));
      HistoryRecord record = stack.server().releases().as(System.getProperty("user.name", "local"))
          .publish(snapshot);
      out.printf("published %s#%d (revision %s): %s%n", record.environment(), record.sequence(), record.revision(),
          String.join("; ", record.gate().checks().stream().map(c -> c.name() + ": " + c.summary()).toList()));
      return Optional.empty();
    } catch (ReleaseException e) {
      if (e.reason() == Reason.REFUSED && e.getMessage().contains("already runs")) {
        out.println(e.getMessage());
        return Optional.empty();
      }
      err.println("error: " + e.getMessage());
      return Optional.of(1);
    } catch (IOException | StoreException e) {
      err.println("error: " + e.getMessage());
      return Optional.of(3);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static void awaitActivation(LocalStack stack, PrintWriter out) {
    String environment = LocalStack.ENVIRONMENTS.first();
    long current = stack.server().releases().status(environment).current().sequence();
    long deadline = System.nanoTime() + ACTIVATION_TIMEOUT.toNanos();
    while (stack.activeSequence().orElse(-1L) < current && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (stack.activeSequence().orElse(-1L) < current) {
      out.println("warning: the enforcer has not activated " + environment + "#" + current + " yet; see its log");
    }
  }

  private void printInstructions(LocalStack stack, PrintWriter out) {
    Path ca = stack.caCertificate();
    Path example = source.normalize().equals(Path.of(""))
        ? Path.of(EXAMPLE) : source.resolve(EXAMPLE).toAbsolutePath().normalize();
    out.println();
    out.println("kube-policies is up (state in " + stateDir.toAbsolutePath().normalize() + ")");
    out.println("  store:          " + stack.storeUrl() + " (bucket " + StoreConfig.DEFAULT_BUCKET + ")");
    out.println("  bundle-server:  " + stack.server().url());
    out.println("  enforcer (dev): " + stack.enforcerUrl()
        + stack.activeSequence().map(s -> " (serving dev#" + s + ")").orElse(" (no bundle active yet)"));
    out.println("  CA certificate: " + ca);
    out.println("  tokens:         " + stack.tokens().engineerToken() + " (release-engineer), "
        + stack.tokens().viewerToken() + " (viewer)");
    out.println();
    out.println("Send an AdmissionReview to the validating webhook:");
    out.println("  curl --cacert " + ca + " -H 'Content-Type: application/json' --data @" + example + " "
        + stack.enforcerUrl() + "/v1/admit/validating");
    out.println();
    out.println("After editing policies/ or allowlists/, publish again (the enforcer hot-swaps it):");
    out.println("  ./kube-policies publish --server " + stack.server().url() + " --ca-cert " + ca
        + " --token-file " + stack.tokens().engineerToken());
    out.println();
    out.println("Ctrl-C stops everything.");
    out.flush();
  }

  /** The embedded servers log every start and stop at INFO; up prints what matters itself. */
  private static void quietLibraries() {
    for (String name : new String[] {"org.gaul", "org.eclipse.jetty", "io.javalin"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + name, System.getProperty("org.slf4j.simpleLogger.log." + name, "warn"));
    }
  }
}
