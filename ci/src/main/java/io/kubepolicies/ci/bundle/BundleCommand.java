package io.kubepolicies.ci.bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle}: build, sign, verify and inspect OPA-compatible bundles. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = "Build, sign, verify and inspect OPA-compatible policy bundles.",
    subcommands = {BuildCommand.class, SignCommand.class, VerifyCommand.class, InspectCommand.class})
public final class BundleCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
