package io.kubepolicies.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.server.release.BundleBuilder;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the real environment build: the non-test modules, and the environment's name
 * and stage table as {@code data.kube_policies.config}.
 */
public final class FixtureBuilder implements BundleBuilder {
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Bundle build(SourceSnapshot source, String environment) throws Exception {
    List<BundleFile> files = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : source.under("policies").entrySet()) {
      if (file.getKey().endsWith(".rego") && !file.getKey().endsWith("_test.rego")) {
        files.add(BundleFile.of(file.getKey().substring("policies/".length()), file.getValue()));
      }
    }
    JsonNode stages = new YAMLMapper().readTree(source.files().get("policies/stages.yaml")).path("environments").path(environment);
    if (stages.isMissingNode()) {
      throw new IllegalArgumentException("policies/stages.yaml has no stages for " + environment);
    }
    ObjectNode data = json.createObjectNode();
    data.putObject("kube_policies").putObject("config").put("environment", environment).set("stages", stages);
    files.add(BundleFile.of("data.json", json.writeValueAsBytes(data)));
    return Bundle.of(files);
  }
}
