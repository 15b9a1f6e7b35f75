package io.kubepolicies.rego.builtins.template;

import io.kubepolicies.rego.builtins.format.GoValue;

/** A parsed Go text/template, ready to run any number of times. */
public final class Template {
  private final String name;
  private final String source;
  private final Parser.Parsed parsed;

  private Template(String name, String source, Parser.Parsed parsed) {
    this.name = name;
    this.source = source;
    this.parsed = parsed;
  }

  /** Parses {@code source}; {@link TemplateException} with Go's message if it does not parse. */
  public static Template parse(String name, String source) {
    return new Template(name, source, Parser.parse(source, name));
  }

  /** Runs the template with {@code data} as dot and {@code $}. */
  public String execute(GoValue data) {
    return Executor.execute(source, name, parsed, data);
  }
}
