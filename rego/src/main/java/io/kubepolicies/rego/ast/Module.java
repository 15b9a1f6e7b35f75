package io.kubepolicies.rego.ast;

import java.util.List;

/** One parsed Rego source file. */
public record Module(String file, Package pkg, List<Import> imports, List<Rule> rules,
    List<Annotations> annotations, RegoVersion version) {
  public Module {
    imports = List.copyOf(imports);
    rules = List.copyOf(rules);
    annotations = List.copyOf(annotations);
  }
}
