package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import static io.kubepolicies.rego.types.Type.BOOLEAN;
import static io.kubepolicies.rego.types.Type.NUMBER;
import static io.kubepolicies.rego.types.Type.STRING;
import static io.kubepolicies.rego.types.Type.arrayOf;

import com.google.re2j.Pattern;
import io.kubepolicies.rego.builtins.regex.GlobIntersection;
import io.kubepolicies.rego.builtins.regex.GoRegexp;
import io.kubepolicies.rego.builtins.regex.RegexCompiler;
import io.kubepolicies.rego.builtins.regex.RegexTemplates;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code regex.*} built-ins: Go (RE2) regular expressions through RE2/J, with Go's semantics for
 * repeated matching, splitting and replacement. Compiled patterns are cached per instance.
 */
public final class RegexFamily implements BuiltinFamily {
  private static final int CACHE_SIZE = 1_000;

  private final RegexCompiler regexes = new RegexCompiler(CACHE_SIZE);
  private final RegexTemplates templates = new RegexTemplates(CACHE_SIZE);

  @Override
  public void register(Builtins.Registrar r) {
    r.function("regex.match", List.of(Type.named("pattern", STRING), Type.named("value", STRING)),
        Type.named("result", BOOLEAN), this::match);
    r.function("regex.is_valid", List.of(Type.named("pattern", STRING)), Type.named("result", BOOLEAN), this::isValid);
    r.function("regex.find_n",
        List.of(Type.named("pattern", STRING), Type.named("value", STRING), Type.named("number", NUMBER)),
        Type.named("output", arrayOf(STRING)), this::findN);
    r.function("regex.find_all_string_submatch_n",
        List.of(Type.named("pattern", STRING), Type.named("value", STRING), Type.named("number", NUMBER)),
        Type.named("output", arrayOf(arrayOf(STRING))), this::findAllSubmatch);
    r.function("regex.split", List.of(Type.named("pattern", STRING), Type.named("value", STRING)),
        Type.named("output", arrayOf(STRING)), this::split);
    r.function("regex.replace",
        List.of(Type.named("s", STRING), Type.named("pattern", STRING), Type.named("value", STRING)),
        Type.named("output", STRING), this::replace);
    r.function("regex.template_match",
        List.of(Type.named("template", STRING), Type.named("value", STRING), Type.named("delimiter_start",
            STRING), Type.named("delimiter_end", STRING)),
        Type.named("result", BOOLEAN), this::templateMatch);
    r.function("regex.globs_match", List.of(Type.named("glob1", STRING), Type.named("glob2", STRING)),
        Type.named("result", BOOLEAN),
        (ctx, args) -> BooleanValue.of(
            GlobIntersection.nonEmpty(Operands.string(args, 1), Operands.string(args, 2), ctx)));
  }

  private Value match(BuiltinContext ctx, Value[] args) {
    String pattern = Operands.string(args, 1);
    String value = Operands.string(args, 2);
    return BooleanValue.of(regexes.compile(pattern).matcher(value).find());
  }

  /** A non-string pattern is not valid, rather than a type error. */
  private Value isValid(BuiltinContext ctx, Value[] args) {
    return BooleanValue.of(args[0] instanceof StringValue s && regexes.isValid(s.value()));
  }

  private Value findN(BuiltinContext ctx, Value[] args) {
    String pattern = Operands.string(args, 1);
    String value = Operands.string(args, 2);
    int n = matchLimit(args, 3);
    List<Value> found = new ArrayList<>();
    for (int[] m : GoRegexp.findAll(regexes.compile(pattern), value, n, ctx)) {
      found.add(StringValue.of(value.substring(m[0], m[1])));
    }
    return ArrayValue.of(found);
  }

  private Value findAllSubmatch(BuiltinContext ctx, Value[] args) {
    String pattern = Operands.string(args, 1);
    String value = Operands.string(args, 2);
    int n = matchLimit(args, 3);
    List<Value> matches = new ArrayList<>();
    for (int[] m : GoRegexp.findAll(regexes.compile(pattern), value, n, ctx)) {
      Value[] groups = new Value[m.length / 2];
      for (int g = 0; g < groups.length; g++) {
        groups[g] = m[2 * g] < 0 ? StringValue.EMPTY : StringValue.of(value.substring(m[2 * g], m[2 * g + 1]));
      }
      matches.add(ArrayValue.of(groups));
    }
    return ArrayValue.of(matches);
  }

  private Value split(BuiltinContext ctx, Value[] args) {
    String pattern = Operands.string(args, 1);
    String value = Operands.string(args, 2);
    List<Value> pieces = new ArrayList<>();
    for (String piece : GoRegexp.split(regexes.compile(pattern), value, ctx)) {
      pieces.add(StringValue.of(piece));
    }
    return ArrayValue.of(pieces);
  }

  private Value replace(BuiltinContext ctx, Value[] args) {
    String base = Operands.string(args, 1);
    String pattern = Operands.string(args, 2);
    String replacement = Operands.string(args, 3);
    return StringValue.of(GoRegexp.replaceAll(regexes.compile(pattern), base, replacement, ctx));
  }

  private Value templateMatch(BuiltinContext ctx, Value[] args) {
    String template = Operands.string(args, 1);
    String value = Operands.string(args, 2);
    String start = Operands.string(args, 3);
    String end = Operands.string(args, 4);
    int startLength = utf8Length(start);
    if (startLength != 1) {
      throw BuiltinException.error(
          "start delimiter has to be exactly one character long but is " + startLength + " long");
    }
    if (utf8Length(end) != 1) {
      // OPA reports the start delimiter's length here (which is 1 by now); kept for identical messages.
      throw BuiltinException.error("end delimiter has to be exactly one character long but is 1 long");
    }
    Pattern p = templates.compile(template, start.charAt(0), end.charAt(0));
    return BooleanValue.of(p.matcher(value).find());
  }

  /**
   * The match count operand: an integer, negative meaning all matches. Go reads it as an int64; a count
   * beyond the int range cannot be reached by a Java string's matches, so it is clamped.
   */
  private static int matchLimit(Value[] args, int position) {
    long v = Operands.longInteger(args, position);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : v < 0 ? -1 : (int) v;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
