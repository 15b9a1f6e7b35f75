package io.kubepolicies.server.build;

import io.kubepolicies.allowlists.Allowlist;
import io.kubepolicies.allowlists.AllowlistFile;
import io.kubepolicies.allowlists.Environment;
import io.kubepolicies.allowlists.document.ConfigException;
import io.kubepolicies.allowlists.document.ConfigProblem;
import io.kubepolicies.allowlists.document.YamlDocuments;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.server.Sha256;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.Manifest;
import io.kubepolicies.signing.bundle.Roots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One environment's bundle content, unsigned: the library's production modules under their paths,
 * {@code data.kube_policies.config} (stages, allowlist, breakglass, critical) in
 * {@value #CONFIG_PATH}, and a manifest whose revision is the source revision plus a content hash.
 * Every module compiles against that data, or nothing is built.
 */
public final class EnvironmentBundle {
  public static final String CONFIG_PATH = "kube_policies/config/data.json";
  public static final String ALLOWLISTS_DIRECTORY = "allowlists";

  private static final int REVISION_HASH_CHARS = 16;

  private final Bundle bundle;
  private final EnvironmentConfig config;
  private final String sourceRevision;
  private final String contentHash;

  private EnvironmentBundle(Bundle bundle, EnvironmentConfig config, String sourceRevision, String contentHash) {
    this.bundle = bundle;
    this.config = config;
    this.sourceRevision = sourceRevision;
    this.contentHash = contentHash;
  }

  /**
   * Builds {@code environment}'s bundle from a repository: {@code policies/lib}, {@code policies/stages.yaml}
   * and {@code allowlists/<environment>.yaml}; the source revision is the git commit, if any.
   */
  public static EnvironmentBundle build(Path repositoryRoot, String environment) throws BuildException {
    checkEnvironment(environment);
    Path allowlist = repositoryRoot.resolve(allowlistPath(environment));
    return build(PolicyLibrary.load(repositoryRoot), environment,
        controls -> StageTable.load(repositoryRoot.resolve(StageTable.FILE), controls),
        controls -> AllowlistFile.load(allowlist, controls.ids()), SourceRevision.of(repositoryRoot));
  }

  /** The same from a source snapshot, whose label (the git commit it was taken from) is the source revision. */
  public static EnvironmentBundle build(SourceSnapshot source, String environment) throws BuildException {
    checkEnvironment(environment);
    String allowlist = allowlistPath(environment);
    return build(PolicyLibrary.of(source), environment,
        controls -> StageTable.parse(StageTable.FILE, text(source, StageTable.FILE), controls),
        controls -> AllowlistFile.parse(allowlist, text(source, allowlist), controls.ids()), source.label());
  }

  /** Reads one configuration file of the build, checked against the library's controls. */
  @FunctionalInterface
  private interface ConfigReader<T> {
    T read(Controls controls) throws ConfigException;
  }

  private static EnvironmentBundle build(PolicyLibrary library, String environment, ConfigReader<StageTable> stageTable,
      ConfigReader<Allowlist> allowlistFile, String sourceRevision) throws BuildException {
    Controls controls = library.controls();
    StageTable stages;
    Allowlist allowlist;
    try {
      stages = stageTable.read(controls);
    } catch (ConfigException e) {
      throw invalid("the stage table is invalid", e);
    }
    try {
      allowlist = allowlistFile.read(controls);
    } catch (ConfigException e) {
      throw invalid("the " + environment + " allowlist is invalid", e);
    }
    return assemble(library, new EnvironmentConfig(environment, stages.stages(environment), allowlist),
        sourceRevision);
  }

  private static void checkEnvironment(String environment) throws BuildException {
    if (Environment.of(environment).isEmpty()) {
      throw new BuildException("unknown environment \"" + environment + "\" (expected one of "
          + Environment.allIds() + ")");
    }
  }

  private static String allowlistPath(String environment) {
    return ALLOWLISTS_DIRECTORY + "/" + environment + ".yaml";
  }

  private static String text(SourceSnapshot source, String path) throws ConfigException {
    byte[] content = source.files().get(path);
    if (content == null) {
      throw new ConfigException(new ConfigProblem(path, 0, null, "no such file"));
    }
    return YamlDocuments.text(path, content);
  }

  /** Assembles a bundle from parts already read: the CLI's {@code --pss} builds its own configuration. */
  public static EnvironmentBundle assemble(PolicyLibrary library, EnvironmentConfig config, String sourceRevision)
      throws BuildException {
    ObjectValue configValue = config.toValue();
    library.compile(dataOf(configValue));
    SortedMap<String, byte[]> content = new TreeMap<>();
    library.sources().forEach((path, source) -> content.put(path, source.getBytes(StandardCharsets.UTF_8)));
    content.put(CONFIG_PATH, Json.write(configValue).getBytes(StandardCharsets.UTF_8));
    String contentHash = Sha256.ofFiles(content);
    List<BundleFile> files = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> file : content.entrySet()) {
        files.add(BundleFile.of(file.getKey(), file.getValue()));
      }
      files.add(BundleFile.of(".manifest", manifest(library, config, sourceRevision, contentHash).toJson()));
      return new EnvironmentBundle(Bundle.of(files), config, sourceRevision, contentHash);
    } catch (BundleException e) {
      throw new BuildException("the bundle is invalid: " + e.getMessage());
    }
  }

  private static Manifest manifest(PolicyLibrary library, EnvironmentConfig config, String sourceRevision,
      String contentHash) throws BundleException {
    TreeSet<String> roots = new TreeSet<>(List.of("kube_policies"));
    library.packagePaths().forEach(path -> roots.add(path.get(0)));
    String metadata = Json.write(ObjectValue.builder()
        .put("environment", StringValue.of(config.environment()))
        .put("source_revision", StringValue.of(sourceRevision))
        .put("content_sha256", StringValue.of(contentHash))
        .build());
    return new Manifest(sourceRevision + "-" + contentHash.substring(0, REVISION_HASH_CHARS),
        Roots.of(List.copyOf(roots)), OptionalInt.of(1), Map.of(), Optional.of(metadata));
  }

  private static ObjectValue dataOf(ObjectValue config) {
    return ObjectValue.builder()
        .put("kube_policies", ObjectValue.builder().put("config", config).build())
        .build();
  }

  private static BuildException invalid(String summary, ConfigException e) {
    return new BuildException(summary, e.problems().stream().map(ConfigProblem::toString).toList());
  }

  /** The bundle: modules, {@value #CONFIG_PATH} and {@code .manifest}. */
  public Bundle bundle() {
    return bundle;
  }

  public EnvironmentConfig config() {
    return config;
  }

  /** The whole base document the bundle carries, {@code {"kube_policies": {"config": ...}}}. */
  public ObjectValue data() {
    return dataOf(config.toValue());
  }

  public String revision() {
    return bundle.manifest().revision();
  }

  public String sourceRevision() {
    return sourceRevision;
  }

  /** SHA-256 (hex) over the modules and the configuration, path by path. */
  public String contentHash() {
    return contentHash;
  }
}
