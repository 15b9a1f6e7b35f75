package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemaFamilyTest {
  private static final String ID_SCHEMA = "{\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}";

  private final FamilyCalls calls = new FamilyCalls(new JsonSchemaFamily());

  private Value verify(Value schema) {
    return calls.call("json.verify_schema", schema);
  }

  private Value match(Value document, Value schema) {
    return calls.call("json.match_schema", document, schema);
  }

  private static Value invalid(String why) {
    return ArrayValue.of(BooleanValue.FALSE, str("jsonschema: " + why));
  }

  /** The {@code type} and {@code error} texts of each error of a failed match. */
  private List<String> errors(String document, String schema) {
    ArrayValue result = (ArrayValue) match(str(document), str(schema));
    assertEquals(BooleanValue.FALSE, result.get(0));
    List<String> out = new ArrayList<>();
    for (Value e : ((ArrayValue) result.get(1)).elements()) {
      ObjectValue o = (ObjectValue) e;
      assertEquals(o.get("error"), str(((StringValue) o.get("field")).value() + ": " + ((StringValue) o.get("desc")).value()));
      out.add(((StringValue) o.get("type")).value() + " " + ((StringValue) o.get("error")).value());
    }
    return out;
  }

  // json.verify_schema

  @Test
  void verifyAcceptsSchemasAsStringsOrObjects() {
    Value valid = ArrayValue.of(BooleanValue.TRUE, NullValue.NULL);
    assertEquals(valid, verify(str("{}")));
    assertEquals(valid, verify(str(ID_SCHEMA)));
    assertEquals(valid, verify(json(ID_SCHEMA)));
    assertEquals(valid, verify(json("{}")));
    assertEquals(valid, verify(str("true")));
  }

  @Test
  void verifyReportsBrokenJsonAndWrongTypes() {
    assertEquals(invalid("invalid JSON string"), verify(str("{ \"a\": \"")));
    assertEquals(invalid("wrong type, expected string or object"), verify(num(5)));
    assertEquals(invalid("wrong type, expected string or object"), verify(set()));
  }

  @Test
  void verifyReportsAnUnknownTypeAsOpaDoes() {
    assertEquals(invalid("has a primitive type that is NOT VALID -- given: /UNKNOWN/ Expected valid values are:"
            + "[array boolean integer number null object string]"),
        verify(str("{\"properties\":{\"id\":{\"type\":\"UNKNOWN\"}},\"required\":[\"id\"]}")));
  }

  @Test
  void verifyReportsOtherMetaSchemaViolations() {
    assertEquals(invalid("required: Invalid type. Expected: array, given: string"), verify(str("{\"required\":\"x\"}")));
    assertEquals(invalid("minLength: Must be greater than or equal to 0"), verify(str("{\"minLength\":-1}")));
    assertEquals(invalid("(root): Invalid type. Expected: [object,boolean], given: integer"), verify(str("5")));
  }

  @Test
  void verifyChecksPatternsAreRe2() {
    assertEquals(invalid("pattern: Does not match format 'regex'"), verify(str("{\"pattern\":\"(?<=a)b\"}")));
    assertEquals(invalid("pattern: Does not match format 'regex'"), verify(str("{\"pattern\":\"[\"}")));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verify(str("{\"pattern\":\"^\\\\p{L}+$\"}"))).get(0));
  }

  @Test
  void verifyReportsUnresolvableReferences() {
    assertEquals(invalid("Reference /definitions/missing cannot be resolved"), verify(str("{\"$ref\":\"#/definitions/missing\"}")));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verify(str("{\"definitions\":{\"s\":{\"type\":\"string\"}},\"$ref\":\"#/definitions/s\"}"))).get(0));
  }

  @Test
  void verifyKnowsTheDraftsByTheirMetaSchemaIds() {
    for (String id : List.of("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#",
        "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft/2020-12/schema")) {
      assertEquals(BooleanValue.TRUE, ((ArrayValue) verify(str("{\"$schema\":\"" + id + "\",\"type\":\"string\"}"))).get(0), id);
    }
    assertEquals(invalid("unsupported $schema \"http://example.com/custom\""), verify(str("{\"$schema\":\"http://example.com/custom\"}")));
  }

  @Test
  void neverReadsFileReferences(@TempDir Path dir) throws Exception {
    Path referenced = dir.resolve("string.json");
    Files.writeString(referenced, "{\"type\":\"string\"}");
    String ref = referenced.toUri().toString();
    assertEquals(invalid("cannot resolve " + ref + ": references may only point into the schema or to the draft meta-schemas"),
        verify(str("{\"$ref\":\"" + ref + "\"}")));
  }

  @Test
  void neverFetchesRemoteReferences() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String ref = "http://127.0.0.1:" + server.getAddress().getPort() + "/s.json";
      assertEquals(BooleanValue.FALSE, ((ArrayValue) verify(str("{\"$ref\":\"" + ref + "\"}"))).get(0));
      assertEquals(0, requests.get());
    } finally {
      server.stop(0);
    }
  }

  // json.match_schema

  @Test
  void matchingDocumentsGiveNoErrors() {
    Value ok = ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY);
    assertEquals(ok, match(str("{}"), str("{}")));
    assertEquals(ok, match(str("{ \"id\": 5 }"), str(ID_SCHEMA)));
    assertEquals(ok, match(json("{\"id\":5}"), json(ID_SCHEMA)));
    assertEquals(ok, match(json("[1,2]"), str("{\"items\":{\"type\":\"integer\"}}")));
  }

  @Test
  void reportsErrorsInOpasFormat() {
    Value result = match(str("{ \"id\": \"test\" }"), str(ID_SCHEMA));
    Value expected = json("[false,[{\"error\":\"id: Invalid type. Expected: integer, given: string\",\"type\":\"invalid_type\","
        + "\"field\":\"id\",\"desc\":\"Invalid type. Expected: integer, given: string\"}]]");
    assertEquals(expected, result);
  }

  @Test
  void describesEachKeywordAsGojsonschemaDoes() {
    assertEquals(List.of("required (root): name is required"), errors("{\"id\":1}", "{\"required\":[\"id\",\"name\"]}"));
    assertEquals(List.of("invalid_type (root): Invalid type. Expected: [string,null], given: number"), errors("1.5", "{\"type\":[\"string\",\"null\"]}"));
    assertEquals(List.of("invalid_type (root): Invalid type. Expected: string, given: integer"), errors("2.0", "{\"type\":\"string\"}"));
    assertEquals(List.of("enum (root): (root) must be one of the following: 1, \"a\", null"), errors("2", "{\"enum\":[1,\"a\",null]}"));
    assertEquals(List.of("const a: a does not match: {\"b\":1}"), errors("{\"a\":2}", "{\"properties\":{\"a\":{\"const\":{\"b\":1}}}}"));
    assertEquals(List.of("format (root): Does not match format 'email'"), errors("\"x\"", "{\"format\":\"email\"}"));
    assertEquals(List.of("string_gte (root): String length must be greater than or equal to 3"), errors("\"bb\"", "{\"minLength\":3}"));
    assertEquals(List.of("string_lte (root): String length must be less than or equal to 1"), errors("\"bb\"", "{\"maxLength\":1}"));
    assertEquals(List.of("pattern (root): Does not match pattern '^a+$'"), errors("\"bb\"", "{\"pattern\":\"^a+$\"}"));
    assertEquals(List.of("number_gte (root): Must be greater than or equal to 3"), errors("2", "{\"minimum\":3}"));
    assertEquals(List.of("number_lte (root): Must be less than or equal to 1e+21"), errors("1e22", "{\"maximum\":1e21}"));
    assertEquals(List.of("number_gt (root): Must be greater than 3"), errors("3", "{\"exclusiveMinimum\":3}"));
    assertEquals(List.of("number_lt (root): Must be less than 0.5"), errors("3", "{\"exclusiveMaximum\":0.5}"));
    assertEquals(List.of("multiple_of (root): Must be a multiple of 2.5"), errors("7", "{\"multipleOf\":2.5}"));
    assertEquals(List.of("array_min_items (root): Array must have at least 5 items"), errors("[1]", "{\"minItems\":5}"));
    assertEquals(List.of("array_max_items (root): Array must have at most 1 items"), errors("[1,2]", "{\"maxItems\":1}"));
    assertEquals(List.of("unique (root): array items[0,1] must be unique", "unique (root): array items[1,2] must be unique"),
        errors("[1,1,1]", "{\"uniqueItems\":true}"));
    assertEquals(List.of("contains (root): At least one of the items must match"), errors("[1]", "{\"contains\":{\"type\":\"string\"}}"));
    assertEquals(List.of("array_min_properties (root): Must have at least 2 properties"), errors("{\"a\":1}", "{\"minProperties\":2}"));
    assertEquals(List.of("array_max_properties (root): Must have at most 1 properties"), errors("{\"a\":1,\"b\":2}", "{\"maxProperties\":1}"));
    assertEquals(List.of("additional_property_not_allowed (root): Additional property b is not allowed"),
        errors("{\"a\":1,\"b\":2}", "{\"properties\":{\"a\":{}},\"additionalProperties\":false}"));
    assertEquals(List.of("invalid_type a.0: Invalid type. Expected: string, given: integer", "array_no_additional_items a: No additional items allowed on array"),
        errors("{\"a\":[1,2,3]}", "{\"properties\":{\"a\":{\"items\":[{\"type\":\"string\"}],\"additionalItems\":false}}}"));
    assertEquals(List.of("invalid_property_name (root): Property name of \"ab\" does not match"), errors("{\"ab\":1}", "{\"propertyNames\":{\"maxLength\":1}}"));
    assertEquals(List.of("missing_dependency (root): Has a dependency on b"), errors("{\"a\":1,\"c\":1}", "{\"dependencies\":{\"a\":[\"b\",\"c\"]}}"));
    assertEquals(List.of("number_not (root): Must not validate the schema (not)"), errors("true", "{\"not\":{\"type\":\"boolean\"}}"));
    assertEquals(List.of("false (root): False always fails validation"), errors("1", "false"));
    assertEquals(List.of("invalid_type xa: Invalid type. Expected: string, given: integer"), errors("{\"xa\":1}", "{\"patternProperties\":{\"^x\":{\"type\":\"string\"}}}"));
  }

  @Test
  void anyOfReportsItselfAndTheClosestBranch() {
    assertEquals(List.of("number_any_of (root): Must validate at least one schema (anyOf)", "invalid_type (root): Invalid type. Expected: string, given: boolean"),
        errors("true", "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\",\"minimum\":5}]}"));
    assertEquals(List.of("number_any_of x: Must validate at least one schema (anyOf)", "invalid_type x: Invalid type. Expected: string, given: integer"),
        errors("{\"x\":2}", "{\"properties\":{\"x\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\",\"minimum\":5}]}}}"));
  }

  @Test
  void anyOfIsReportedPerArrayElement() {
    assertEquals(List.of("number_any_of 0: Must validate at least one schema (anyOf)", "invalid_type 0: Invalid type. Expected: string, given: boolean",
            "number_any_of 2: Must validate at least one schema (anyOf)", "invalid_type 2: Invalid type. Expected: string, given: null"),
        errors("[true,1,null]", "{\"items\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}"));
  }

  @Test
  void oneOfListsBranchErrorsOnlyWhenNoBranchMatched() {
    assertEquals(List.of("number_one_of (root): Must validate one and only one schema (oneOf)", "invalid_type (root): Invalid type. Expected: string, given: boolean"),
        errors("true", "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}"));
    assertEquals(List.of("number_one_of (root): Must validate one and only one schema (oneOf)"),
        errors("1", "{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"integer\"},{\"type\":\"string\"}]}"));
  }

  @Test
  void allOfListsEveryBranchThenItself() {
    assertEquals(List.of("invalid_type (root): Invalid type. Expected: string, given: boolean", "invalid_type (root): Invalid type. Expected: integer, given: boolean",
            "number_all_of (root): Must validate all the schemas (allOf)"),
        errors("true", "{\"allOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}"));
  }

  @Test
  void conditionalsReportTheFailedBranch() {
    String schema = "{\"if\":{\"type\":\"string\"},\"then\":{\"minLength\":3},\"else\":{\"minimum\":3}}";
    assertEquals(List.of("condition_else (root): Must validate \"else\" as \"if\" was not valid", "number_gte (root): Must be greater than or equal to 3"),
        errors("1", schema));
    assertEquals(List.of("condition_then (root): Must validate \"then\" as \"if\" was valid", "string_gte (root): String length must be greater than or equal to 3"),
        errors("\"a\"", schema));
  }

  @Test
  void formatsAreAssertedInEveryDraftAndUnknownFormatsPass() {
    assertEquals(List.of("format (root): Does not match format 'email'"),
        errors("\"x\"", "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"format\":\"email\"}"));
    assertEquals(List.of("format (root): Does not match format 'date-time'"), errors("\"2020-01-01\"", "{\"format\":\"date-time\"}"));
    assertEquals(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY), match(str("\"x\""), str("{\"format\":\"kubernetes-quantity\"}")));
  }

  @Test
  void referencesIntoTheSchemaAndToMetaSchemasResolve() {
    assertEquals(List.of("additional_property_not_allowed c.c: Additional property x is not allowed"), errors("{\"c\":{\"c\":{\"x\":1}}}",
        "{\"definitions\":{\"n\":{\"type\":\"object\",\"properties\":{\"c\":{\"$ref\":\"#/definitions/n\"}},\"additionalProperties\":false}},"
            + "\"$ref\":\"#/definitions/n\"}"));
    assertEquals(List.of("number_any_of type: Must validate at least one schema (anyOf)",
            "enum type: type must be one of the following: \"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\""),
        errors("{\"type\":5}", "{\"$ref\":\"http://json-schema.org/draft-07/schema#\"}"));
  }

  @Test
  void patternsFollowRe2AndMatchAnywhere() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY), match(str("\"a1\""), str("{\"pattern\":\"\\\\d\"}")));
    assertEquals(List.of("pattern (root): Does not match pattern '^\\d+$'"), errors("\"a1\"", "{\"pattern\":\"^\\\\d+$\"}"));
  }

  @Test
  void matchFailsOnUnusableOperands() {
    BuiltinException doc = assertThrows(BuiltinException.class, () -> match(str("{ \"a\": \""), str("{}")));
    assertEquals(RegoError.EVAL_BUILTIN, doc.code());
    assertEquals("invalid JSON string", doc.getMessage());
    assertEquals("invalid JSON string", assertThrows(BuiltinException.class, () -> match(str("{}"), str("{ \"a\": \""))).getMessage());
    assertEquals("wrong type, expected string or object", assertThrows(BuiltinException.class, () -> match(num(1), str("{}"))).getMessage());
    assertEquals("has a primitive type that is NOT VALID -- given: /UNKNOWN/ Expected valid values are:[array boolean integer number null object string]",
        assertThrows(BuiltinException.class, () -> match(str("{\"id\":5}"), str("{\"type\":\"UNKNOWN\"}"))).getMessage());
  }

  @Test
  void nestedSetsAreSeenAsSortedArrays() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, ArrayValue.EMPTY), match(TestTerms.obj(str("s"), set(num(2), num(1))),
        str("{\"properties\":{\"s\":{\"type\":\"array\",\"items\":[{\"const\":1},{\"const\":2}]}}}")));
  }

  @Test
  void aSetIsNotADocument() {
    assertEquals("wrong type, expected string or object", assertThrows(BuiltinException.class, () -> match(set(num(1)), str("{}"))).getMessage());
  }
}
