package io.kubepolicies.ci.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.value.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The patched manifests as one YAML stream, ready for {@code kubectl apply -f -}. */
final class PatchedManifests {
  private final YAMLMapper yaml = YAMLMapper.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .build();

  void write(List<CheckResult> results, PrintWriter out) {
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        out.println("---");
      }
      try {
        out.print(yaml.writeValueAsString(Json.toNode(results.get(i).patched())));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.flush();
  }
}
