package io.kubepolicies.ci.check;

import io.kubepolicies.allowlists.ExpiryNotice;
import io.kubepolicies.enforcer.decision.Decider;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.EnvironmentBundle;
import io.kubepolicies.server.build.PolicyLibrary;
import io.kubepolicies.server.build.SourceRevision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code kube-policies check}: what the enforcer would answer for creating each resource of some
 * manifests, decided by the enforcer's own decision path over the bundle the environment gets.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check Kubernetes manifests (YAML, multi-document, List kinds, or JSON; directories are walked) "
        + "against the policies as the enforcer applies them: the environment's bundle (policies, stages, "
        + "allowlists), the mutating webhook first, then the validating webhook on the patched object.",
        "Exit status: 0 all allowed, 1 something denied, 2 unreadable input or policies."})
public final class CheckCommand implements Callable<Integer> {
  static final Duration EXPIRY_WARNING_WINDOW = Duration.ofDays(14);
  static final String DEFAULT_ENVIRONMENT = "prod";

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true)
  Target target;

  /** What to check against: one environment, or a Pod Security Standards level. */
  static final class Target {
    @Option(names = "--env", paramLabel = "ENV", description = "Environment whose bundle decides: dev, staging or prod "
        + "(default: " + DEFAULT_ENVIRONMENT + ").")
    String environment;

    @Option(names = "--pss", paramLabel = "LEVEL", converter = PssLevelConverter.class,
        description = "Decide like Pod Security Admission enforcing LEVEL (baseline or restricted): that level's "
            + "controls deny, everything else is off, no allowlists.")
    PssLevel pss;
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = FormatConverter.class, defaultValue = "text",
      description = "text (default) or json.")
  Format format;

  @Option(names = "--patched", description = "Also print each manifest with the patch-mode mutations applied: "
      + "with -o text as a YAML stream on standard output (the report then goes to standard error), "
      + "with -o json as each result's \"patched\" member.")
  boolean patched;

  @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
      description = "Repository holding policies/ and allowlists/ (default: the current directory).")
  Path repository;

  @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Manifests to check.")
  List<Path> paths;

  /** How results are printed. */
  enum Format { TEXT, JSON }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Resource> resources;
    EnvironmentBundle bundle;
    try {
      resources = ManifestReader.read(paths);
      bundle = bundle(err);
    } catch (UnreadableInputException | BuildException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Decider decider;
    try {
      decider = Decider.compile(bundle.bundle().modules().stream()
          .map(m -> Parser.parseModule(m.path(), m.source(), RegoVersion.V1)).toList(), bundle.data());
    } catch (RegoException e) {
      err.println("error: the bundle does not compile:\n  "
          + e.errors().stream().map(RegoError::describe).collect(Collectors.joining("\n  ")));
      return 2;
    }
    Checker checker = new Checker(decider);
    List<CheckResult> results = resources.stream().map(checker::check).toList();
    if (format == Format.JSON) {
      JsonReport.write(results, patched, out);
    } else if (patched) {
      TextReport.write(results, err);
      new PatchedManifests().write(results, out);
    } else {
      TextReport.write(results, out);
    }
    return results.stream().allMatch(CheckResult::allowed) ? 0 : 1;
  }

  private EnvironmentBundle bundle(PrintWriter err) throws BuildException {
    if (target != null && target.pss != null) {
      PolicyLibrary library = PolicyLibrary.load(repository);
      return EnvironmentBundle.assemble(library, PssStages.config(library, target.pss), SourceRevision.of(repository));
    }
    String environment = target != null && target.environment != null ? target.environment : DEFAULT_ENVIRONMENT;
    EnvironmentBundle bundle = EnvironmentBundle.build(repository, environment);
    for (ExpiryNotice notice : bundle.config().allowlist().expiringWithin(EXPIRY_WARNING_WINDOW, Instant.now())) {
      err.println("warning: " + notice);
    }
    return bundle;
  }

  static final class PssLevelConverter implements ITypeConverter<PssLevel> {
    @Override
    public PssLevel convert(String value) {
      for (PssLevel level : PssLevel.values()) {
        if (level.id().equals(value)) {
          return level;
        }
      }
      throw new TypeConversionException("expected baseline or restricted, not '" + value + "'");
    }
  }

  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format format : Format.values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
          return format;
        }
      }
      throw new TypeConversionException("expected text or json, not '" + value + "'");
    }
  }
}
