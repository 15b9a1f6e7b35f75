package io.kubepolicies.ci.bundle;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleDirectory;
import io.kubepolicies.signing.bundle.BundleLimits;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.bundle.Manifest;
import io.kubepolicies.signing.bundle.ModuleFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle build DIR -o FILE}: an unsigned bundle from a source directory. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build a bundle (a gzipped tar OPA reads) from the Rego modules, data files (data.json, "
        + "data.yaml) and .manifest under DIR. Every module must parse; packages and data must lie under "
        + "the manifest's roots."})
public final class BuildCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The bundle's source directory.")
  Path directory;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the bundle.")
  Path output;

  @Option(names = "--revision", paramLabel = "R", description = "Set the manifest's revision.")
  String revision;

  @Option(names = "--v0-compatible", description = "Mark the bundle as Rego v0 (rego_version 0) and parse it so.")
  boolean v0;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Bundle source = Bundle.of(BundleDirectory.files(directory, BundleLimits.DEFAULT));
      Bundle bundle = source.withManifest(manifest(source.manifest()));
      List<RegoError> errors = parseErrors(bundle);
      if (!errors.isEmpty()) {
        errors.forEach(e -> err.println(e.describe()));
        err.println("error: " + errors.size() + " parse error(s); no bundle written");
        return 1;
      }
      BundleWriter.write(bundle, output);
      out.printf("built %s: %d files (%d modules, %d data files), revision \"%s\"%n", output, bundle.files().size(),
          bundle.modules().size(), bundle.dataFiles().size(), bundle.manifest().revision());
      return 0;
    } catch (BundleException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("error: cannot write " + output + ": " + e.getMessage());
      return 1;
    }
  }

  private Manifest manifest(Manifest existing) {
    Manifest manifest = revision == null ? existing : existing.withRevision(revision);
    if (v0) {
      return manifest.withRegoVersion(0);
    }
    return manifest.regoVersion().isPresent() ? manifest : manifest.withRegoVersion(1);
  }

  private static List<RegoError> parseErrors(Bundle bundle) {
    List<RegoError> errors = new ArrayList<>();
    for (ModuleFile module : bundle.modules()) {
      RegoVersion version = module.regoVersion().orElse(1) == 0 ? RegoVersion.V0 : RegoVersion.V1;
      try {
        Parser.parseModule(module.path(), module.source(), version);
      } catch (RegoException e) {
        errors.addAll(e.errors());
      }
    }
    return errors;
  }
}
