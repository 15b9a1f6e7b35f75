package io.kubepolicies.ci.enforcer;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.ConfigFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kube-policies enforcer --config FILE}: runs the admission webhooks until the process is stopped. */
@Command(name = "enforcer", mixinStandardHelpOptions = true,
    description = {"Run the admission webhooks (HTTPS) that enforce the environment's signed policy bundle, "
        + "polled from object storage. Runs until stopped (SIGTERM or Ctrl-C). Configuration keys: docs/enforcer.md."})
public final class EnforcerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The enforcer's YAML configuration.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    Enforcer enforcer;
    try {
      enforcer = Enforcer.start(ConfigFile.load(config));
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      enforcer.close();
      stopped.countDown();
    }, "kube-policies-shutdown"));
    spec.commandLine().getOut().println("kube-policies enforcer listening on port " + enforcer.port());
    stopped.await();
    return 0;
  }
}
