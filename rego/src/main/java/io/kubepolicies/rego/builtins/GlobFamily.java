package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import static io.kubepolicies.rego.types.Type.BOOLEAN;
import static io.kubepolicies.rego.types.Type.NULL;
import static io.kubepolicies.rego.types.Type.STRING;
import static io.kubepolicies.rego.types.Type.anyOf;
import static io.kubepolicies.rego.types.Type.arrayOf;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.glob.GlobCompiler;
import io.kubepolicies.rego.builtins.regex.RegexCompiler.Compiled;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/** {@code glob.match} and {@code glob.quote_meta}, with gobwas/glob semantics; compiled globs are cached per instance. */
public final class GlobFamily implements BuiltinFamily {
  private static final int CACHE_SIZE = 1_000;
  private static final int[] DOT = {'.'};
  private static final int[] NONE = {};

  private final Cache<Key, Compiled> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("glob.match",
        List.of(Type.named("pattern", STRING), Type.named("delimiters",
            anyOf(arrayOf(STRING), NULL)), Type.named("match", STRING)),
        Type.named("result", BOOLEAN), this::match);
    r.function("glob.quote_meta", List.of(Type.named("pattern", STRING)), Type.named("output", STRING),
        (ctx, args) -> StringValue.of(GlobCompiler.quoteMeta(Operands.string(args, 1))));
  }

  /**
   * The cache is keyed by the delimiter operand as given, so a hit neither reads nor checks it again:
   * only a valid one was ever compiled (a malformed one fails in the loader and is not cached).
   */
  private Value match(BuiltinContext ctx, Value[] args) {
    String glob = Operands.string(args, 1);
    Compiled compiled = cache.get(new Key(glob, args[1]), k -> compile(glob, delimiters(k.delimiters())));
    String value = Operands.string(args, 3);
    return BooleanValue.of(compiled.orThrow().matcher(value).matches());
  }

  /** An array of single characters ({@code ["."]} when empty), or {@code null} for none at all. */
  private static int[] delimiters(Value v) {
    if (v instanceof NullValue) {
      return NONE;
    }
    if (!(v instanceof ArrayValue array)) {
      throw BuiltinException.operand(2, v, "array", "null");
    }
    if (array.isEmpty()) {
      return DOT;
    }
    int[] runes = new int[array.size()];
    for (int i = 0; i < runes.length; i++) {
      Value e = array.get(i);
      if (!(e instanceof StringValue s)) {
        throw BuiltinException.operandElement(2, array, e, "string");
      }
      if (s.value().codePointCount(0, s.value().length()) != 1) {
        throw BuiltinException.type("operand 2 must be array of runes but got array containing string");
      }
      runes[i] = s.value().codePointAt(0);
    }
    return runes;
  }

  private static Compiled compile(String glob, int[] delimiters) {
    try {
      return new Compiled(GlobCompiler.compile(glob, delimiters), null);
    } catch (BuiltinException e) {
      return Compiled.failed(e.getMessage());
    }
  }

  private record Key(String glob, Value delimiters) {}
}
