package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidTest {
  private static final Pattern V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private final FamilyCalls calls = new FamilyCalls(new Uuid());

  private Value parse(String text) {
    return calls.call("uuid.parse", StringValue.of(text));
  }

  private static ObjectValue object(Object... keyValues) {
    ObjectValue.Builder b = ObjectValue.builder();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      b.put((String) keyValues[i], v instanceof String s ? StringValue.of(s) : NumberValue.of(((Number) v).longValue()));
    }
    return b.build();
  }

  @Test
  void generatesVersion4Uuids() {
    Value u = calls.call("uuid.rfc4122", StringValue.of("k"));
    assertTrue(V4.matcher(((StringValue) u).value()).matches(), u.toString());
    assertEquals(object("variant", "RFC4122", "version", 4), parse(((StringValue) u).value()));
  }

  @Test
  void isStableForAKeyWithinAQuery() {
    TestContext query = new TestContext();
    Value first = calls.call(query, "uuid.rfc4122", StringValue.of("key"));
    assertEquals(first, calls.call(query, "uuid.rfc4122", StringValue.of("key")));
    assertNotEquals(first, calls.call(query, "uuid.rfc4122", StringValue.of("other")));
    assertNotEquals(first, calls.call("uuid.rfc4122", StringValue.of("key")));
  }

  @Test
  void decodesVersion4AndVersion3AsVersionAndVariantOnly() {
    assertEquals(object("variant", "RFC4122", "version", 4), parse("00000000-0000-4000-8000-000000000000"));
    assertEquals(object("variant", "RFC4122", "version", 3), parse("38074da4-0b00-388d-9c3c-362de965547a"));
    assertEquals(object("variant", "RFC4122", "version", 5), parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
  }

  @Test
  void decodesVersion1TimeNodeAndClockSequence() {
    // The version 1 example of RFC 9562 (A.1): 2022-02-22 14:22:22 -05:00.
    assertEquals(object("variant", "RFC4122", "version", 1, "time", 1645557742000000000L,
        "nodeid", "9f-6b-de-ce-d8-46", "macvariables", "local:multicast", "clocksequence", 0x33c8),
        parse("C232AB00-9414-11EC-B3C8-9F6BDECED846"));
  }

  @Test
  void decodesVersion2IdAndDomain() {
    ObjectValue expected = object("variant", "RFC4122", "version", 2, "time", 1693566990121469600L,
        "nodeid", "32-50-96-b3-9f-47", "macvariables", "local:unicast", "clocksequence", 12800,
        "id", 1000, "domain", "Person");
    assertEquals(expected, parse("000003e8-48b9-21ee-b200-325096b39f47"));
    assertEquals(StringValue.of("Group"), ((ObjectValue) parse("000003e8-48b9-21ee-b201-325096b39f47")).get("domain"));
    assertEquals(StringValue.of("Domain5"), ((ObjectValue) parse("000003e8-48b9-21ee-b205-325096b39f47")).get("domain"));
  }

  @Test
  void classifiesMacAddressBits() {
    assertEquals(StringValue.of("global:unicast"),
        ((ObjectValue) parse("c232ab00-9414-11ec-b3c8-006bdeced846")).get("macvariables"));
    assertEquals(StringValue.of("global:multicast"),
        ((ObjectValue) parse("c232ab00-9414-11ec-b3c8-016bdeced846")).get("macvariables"));
  }

  @Test
  void namesEveryVariant() {
    assertEquals(StringValue.of("Reserved"), ((ObjectValue) parse("00000000-0000-4000-0000-000000000000")).get("variant"));
    assertEquals(StringValue.of("Microsoft"), ((ObjectValue) parse("00000000-0000-4000-c000-000000000000")).get("variant"));
    assertEquals(StringValue.of("Future"), ((ObjectValue) parse("00000000-0000-4000-e000-000000000000")).get("variant"));
  }

  @Test
  void acceptsGoogleUuidsOtherForms() {
    ObjectValue v4 = object("variant", "RFC4122", "version", 4);
    assertEquals(v4, parse("{00000000-0000-4000-8000-000000000000}"));
    assertEquals(v4, parse("(00000000-0000-4000-8000-000000000000)"));
    assertEquals(v4, parse("urn:uuid:00000000-0000-4000-8000-000000000000"));
    assertEquals(v4, parse("URN:UUID:00000000-0000-4000-8000-000000000000"));
    assertEquals(v4, parse("00000000000040008000000000000000"));
    assertEquals(v4, parse("00000000-0000-4000-8000-00000000000A"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "00000000-0000-4000-8000-00000000000", "00000000-0000-4000-8000-0000000000000",
    "00000000-0000-4000-8000-00000000000g", "00000000_0000-4000-8000-000000000000",
    "0000000-00000-4000-8000-000000000000", "urn:uuix:00000000-0000-4000-8000-000000000000",
    "0000000000004000800000000000000z", "00000000-0000-4000-8000-00000000000\u00e9", "not a uuid"
  })
  void isUndefinedForMalformedText(String text) {
    assertNull(parse(text));
  }

  @Test
  void requiresAStringToParse() {
    calls.assertFails(RegoError.EVAL_TYPE, "operand 1 must be string but got number", "uuid.parse", NumberValue.of(123));
  }
}
