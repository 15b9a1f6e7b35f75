package io.kubepolicies.server.gate;

import io.kubepolicies.allowlists.AllowlistFile;
import io.kubepolicies.allowlists.document.ConfigException;
import io.kubepolicies.allowlists.document.ConfigProblem;
import io.kubepolicies.allowlists.document.YamlDocuments;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.PolicyLibrary;
import io.kubepolicies.server.source.SourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every allowlist file of the source ({@code allowlists/<env>.yaml}) passes the allowlist schema
 * and its semantic checks, and names only policies the library defines.
 */
public final class AllowlistCheck implements SourceCheck {
  public static final String NAME = "allowlists valid";

  @Override
  public GateCheck check(SourceSnapshot source) {
    Set<String> policies;
    try {
      policies = PolicyLibrary.of(source).controls().ids();
    } catch (BuildException e) {
      return GateCheck.fail(NAME, "the policy library does not parse, so policy ids cannot be checked",
          List.of(e.getMessage()));
    }
    List<String> failures = new ArrayList<>();
    int files = 0;
    for (Map.Entry<String, byte[]> file : source.under("allowlists").entrySet()) {
      String path = file.getKey();
      if (!path.endsWith(".yaml") || path.indexOf('/', "allowlists/".length()) >= 0) {
        continue;
      }
      files++;
      try {
        AllowlistFile.parse(path, YamlDocuments.text(path, file.getValue()), policies);
      } catch (ConfigException e) {
        e.problems().stream().map(ConfigProblem::toString).forEach(failures::add);
      }
    }
    return failures.isEmpty()
        ? GateCheck.pass(NAME, files + " files")
        : GateCheck.fail(NAME, failures.size() + " problems", failures);
  }
}
