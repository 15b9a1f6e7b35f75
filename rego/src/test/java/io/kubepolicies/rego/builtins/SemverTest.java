package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemverTest {
  private final FamilyCalls calls = new FamilyCalls(new Semver());

  private Value isValid(Value v) {
    return calls.call("semver.is_valid", v);
  }

  private Value compare(String a, String b) {
    return calls.call("semver.compare", StringValue.of(a), StringValue.of(b));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1.0.0", "0.0.0", "v1.0.0", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
    "1.0.0-x-y-z.--", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD",
    "01.002.0003", "1.0.0-", "1.0.0+", "9223372036854775807.0.0"
  })
  void acceptsOpaValidVersions(String v) {
    assertEquals(BooleanValue.TRUE, isValid(StringValue.of(v)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1", "1.0", "1.2.3.4", "", "v", "vv1.0.0", " 1.0.0", "1.0.0 ", "a.b.c", "1.0.x", "1..0", "-1.0.0",
    "1.0.0-alpha..1", "1.0.0-al_pha", "1.0.0+meta+data", "+1.-2.3+meta", "1.0.0+.meta", "9223372036854775808.0.0", "1.0.0-é"
  })
  void rejectsInvalidVersions(String v) {
    assertEquals(BooleanValue.FALSE, isValid(StringValue.of(v)));
  }

  @Test
  void anyNonStringIsInvalidRatherThanAnError() {
    assertEquals(BooleanValue.FALSE, isValid(NumberValue.of(1)));
    assertEquals(BooleanValue.FALSE, isValid(NullValue.NULL));
    assertEquals(BooleanValue.FALSE, isValid(ArrayValue.of(StringValue.of("1.0.0"))));
  }

  @Test
  void ordersByMajorMinorPatch() {
    assertEquals(NumberValue.of(-1), compare("1.0.0", "2.0.0"));
    assertEquals(NumberValue.of(-1), compare("2.0.0", "2.1.0"));
    assertEquals(NumberValue.of(1), compare("2.1.1", "2.1.0"));
    assertEquals(NumberValue.of(1), compare("10.0.0", "9.99.99"));
    assertEquals(NumberValue.of(0), compare("1.2.3", "1.2.3"));
  }

  @Test
  void ordersPreReleasesAsTheSemverSpecification() {
    List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    for (int i = 0; i < ascending.size(); i++) {
      for (int j = 0; j < ascending.size(); j++) {
        assertEquals(NumberValue.of(Integer.signum(Integer.compare(i, j))), compare(ascending.get(i), ascending.get(j)),
            ascending.get(i) + " vs " + ascending.get(j));
      }
    }
  }

  @Test
  void ignoresBuildMetadataAndALeadingV() {
    assertEquals(NumberValue.of(0), compare("1.0.0+build.1", "1.0.0+build.2"));
    assertEquals(NumberValue.of(0), compare("v1.0.0", "1.0.0"));
    assertEquals(NumberValue.of(0), compare("01.0.0", "1.0.0"));
  }

  @Test
  void numericPreReleaseIdentifiersCompareAsInt64() {
    assertEquals(NumberValue.of(-1), compare("1.0.0-2", "1.0.0-10"));
    assertEquals(NumberValue.of(0), compare("1.0.0-01", "1.0.0-1"));
    // Beyond int64 OPA's Atoi clamps both to the maximum, so they tie.
    assertEquals(NumberValue.of(0), compare("1.0.0-99999999999999999999", "1.0.0-88888888888888888888"));
  }

  @Test
  void reportsTheInvalidOperand() {
    calls.assertFails(RegoError.EVAL_BUILTIN, "operand 1: string \"1.0\" is not a valid SemVer", "semver.compare",
        StringValue.of("1.0"), StringValue.of("1.0.0"));
    assertEquals("operand 2: string \"x\\\"y\" is not a valid SemVer",
        calls.failure("semver.compare", StringValue.of("1.0.0"), StringValue.of("x\"y")).getMessage());
  }

  @Test
  void requiresStringOperandsToCompare() {
    calls.assertFails(RegoError.EVAL_TYPE, "operand 1 must be string but got number", "semver.compare", NumberValue.of(1),
        StringValue.of("1.0.0"));
  }
}
