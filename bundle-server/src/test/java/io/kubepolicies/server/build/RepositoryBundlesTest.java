package io.kubepolicies.server.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.signing.bundle.ModuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository's own policies, stage table and allowlists build a bundle for every environment. */
class RepositoryBundlesTest {
  private static final Path REPOSITORY = Path.of("..");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyEnvironmentBuilds(String environment) throws BuildException, IOException {
    EnvironmentBundle built = EnvironmentBundle.build(REPOSITORY, environment);
    assertEquals(environment, built.config().environment());
    assertEquals(productionModules(), built.bundle().modules().stream().map(ModuleFile::path).toList());
    Controls controls = PolicyLibrary.load(REPOSITORY).controls();
    assertFalse(built.config().stages().isEmpty());
    built.config().stages().keySet().forEach(id -> assertFalse(controls.kinds(id).isEmpty(), id));
    String config = Json.write(built.config().toValue());
    assertTrue(config.contains("\"monitoring\":{\"node-exporter\":{\"expires_ns\":1814313600000000000,"),
        config);
    assertTrue(config.contains("\"critical\":{\"namespaces\":[\"kube-system\",\"kube-policies\"],"
        + "\"service_accounts\":[\"kube-system/kube-proxy\"],"
        + "\"workloads\":[\"kube-system/DaemonSet/kube-proxy\",\"calico-system/DaemonSet/calico-node\"]}"), config);
  }

  /** Every .rego file under policies/lib that is not a test, as the bundle names them. */
  private static List<String> productionModules() throws IOException {
    try (Stream<Path> files = Files.walk(REPOSITORY.resolve("policies/lib"))) {
      return files.filter(f -> f.toString().endsWith(".rego") && !f.toString().endsWith("_test.rego"))
          .map(f -> "policies/lib/" + REPOSITORY.resolve("policies/lib").relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
