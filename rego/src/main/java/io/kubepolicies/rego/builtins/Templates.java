package io.kubepolicies.rego.builtins;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.format.GoValue;
import io.kubepolicies.rego.builtins.template.Template;
import io.kubepolicies.rego.builtins.template.TemplateData;
import io.kubepolicies.rego.builtins.template.TemplateException;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * {@code strings.render_template} ({@code v1/topdown/template.go}): Go's text/template with OPA's
 * choices: the template is named "template", the variables reach it as decoded JSON, and a missing
 * value prints as {@code <undefined>} (Go's {@code <no value>}). Parsed templates are cached.
 */
public final class Templates implements BuiltinFamily {
  private static final String NAME = "template";

  /** Parsed templates, and the parse errors of malformed ones, so neither is parsed again per call. */
  private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(1_000).build();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("strings.render_template",
        List.of(Type.STRING, Type.objectOf(Type.STRING, Type.ANY)), Type.STRING, (ctx, a) -> render(a));
  }

  private Value render(Value[] a) {
    String source = Operands.string(a, 1);
    Value vars = Operands.object(a, 2);
    try {
      GoValue data = TemplateData.of(vars);
      Template template = parsed.get(source, Templates::parse).orThrow();
      return StringValue.of(template.execute(data).replace("<no value>", "<undefined>"));
    } catch (TemplateException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static Parsed parse(String source) {
    try {
      return new Parsed(Template.parse(NAME, source), null);
    } catch (TemplateException e) {
      return new Parsed(null, e.getMessage());
    }
  }

  /** A parsed template or why it does not parse. */
  private record Parsed(Template template, String error) {
    Template orThrow() {
      if (template == null) {
        throw new TemplateException(error);
      }
      return template;
    }
  }
}
