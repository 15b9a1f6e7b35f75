package io.kubepolicies.ci.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.kubepolicies.rego.value.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The patched manifests as one YAML stream, ready for {@code kubectl apply -f -}. Strings go
 * unquoted where that is safe; any string a YAML reader would take for something else
 * ({@code "yes"}, {@code "1.10"}, {@code "12:30"}, {@code "2027-01-31"}) stays quoted.
 */
final class PatchedManifests {
  private final YAMLMapper yaml = YAMLMapper
      .builder(YAMLFactory.builder().stringQuotingChecker(new Yaml11Quoting()).build())
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

  /**
   * Jackson's own rules, plus every plain scalar that YAML 1.1 (what Kubernetes tooling reads)
   * resolves to anything but a string, plus YAML 1.2's {@code 0o} octal.
   */
  private static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern OCTAL_1_2 = Pattern.compile("[-+]?0o[0-7]+");

    private final transient Resolver resolver = new Resolver();

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || !resolver.resolve(NodeId.scalar, value, true).equals(Tag.STR)
          || OCTAL_1_2.matcher(value).matches();
    }
  }
}
