package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.AstJson;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import java.util.List;

/**
 * Built-ins about Rego and the runtime itself: {@code rego.parse_module}, {@code opa.runtime},
 * {@code trace}, and {@code rego.metadata.rule}/{@code chain} (which the compiler replaces with a
 * rule's annotations; called outside a rule they have none).
 */
public final class RegoRuntime implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("rego.parse_module", List.of(Type.named("filename", Type.STRING), Type.named("rego", Type.STRING)),
        Type.named("output", Type.objectOf(Type.STRING, Type.ANY)), (ctx, a) -> {
      try {
        return AstJson.module(Parser.parseModule(Operands.string(a, 1), Operands.string(a, 2), RegoVersion.V1));
      } catch (RegoException e) {
        throw BuiltinException.error(e.first().toString());
      }
    });
    r.function("opa.runtime", List.of(), Type.named("output", Type.objectOf(Type.STRING, Type.ANY)),
        (ctx, a) -> ctx.runtime());
    r.function("trace", List.of(Type.named("note", Type.STRING)), Type.named("result", Type.BOOLEAN), (ctx, a) -> {
      Operands.string(a, 1);
      return BooleanValue.TRUE;
    });
    r.function("rego.metadata.chain", List.of(), Type.named("chain", Type.arrayOf(Type.ANY)),
        (ctx, a) -> ArrayValue.EMPTY);
    r.function("rego.metadata.rule", List.of(), Type.named("output", Type.ANY), (ctx, a) -> ObjectValue.EMPTY);
  }
}
