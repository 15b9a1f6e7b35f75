package io.kubepolicies.rego.builtins.jsonschema;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Schema {@code pattern} and {@code patternProperties} expressions in Go's RE2 dialect, as OPA
 * compiles them; like Go's {@code MatchString}, a pattern matches anywhere in the string.
 */
final class Re2Patterns implements RegularExpressionFactory {
  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return input -> pattern.matcher(input).find();
  }
}
