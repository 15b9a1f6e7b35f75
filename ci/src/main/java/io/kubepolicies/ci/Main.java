package io.kubepolicies.ci;

import io.kubepolicies.ci.bundle.BundleCommand;
import io.kubepolicies.ci.check.CheckCommand;
import io.kubepolicies.ci.conformance.ConformanceCommand;
import io.kubepolicies.ci.enforcer.EnforcerCommand;
import io.kubepolicies.ci.eval.EvalCommand;
import io.kubepolicies.ci.release.HistoryCommand;
import io.kubepolicies.ci.release.PromoteCommand;
import io.kubepolicies.ci.release.PublishCommand;
import io.kubepolicies.ci.release.RollbackCommand;
import io.kubepolicies.ci.release.ServeCommand;
import io.kubepolicies.ci.release.StatusCommand;
import io.kubepolicies.ci.test.TestCommand;
import io.kubepolicies.ci.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kube-policies} command line. */
@Command(
    name = "kube-policies",
    mixinStandardHelpOptions = true,
    version = "kube-policies 0.1.0",
    description = "Guardrails for Kubernetes: evaluate, test and ship Rego policy bundles.",
    subcommands = {EvalCommand.class, TestCommand.class, ConformanceCommand.class, BundleCommand.class,
        CheckCommand.class, EnforcerCommand.class, PublishCommand.class, PromoteCommand.class, RollbackCommand.class,
        StatusCommand.class, HistoryCommand.class, ServeCommand.class, UpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
