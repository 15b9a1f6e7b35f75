package io.kubepolicies.rego.builtins.graphql;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The six GraphQL built-ins: their results, OPA's error texts and OPA's operand rules. */
class GraphqlFamilyTest {
  private static final String EMPLOYEES = """
      type Employee {
        id: String!
        salary: Int!
      }
      schema {
        query: Query
      }
      type Query {
        employeeByID(id: String!): Employee
      }
      """;

  private static final String EMPLOYEES_AST = """
      {"Definitions": [
        {"BuiltIn": false, "Description": "", "Kind": "OBJECT", "Name": "Employee", "Fields": [
          {"Description": "", "Name": "id", "Type": {"NamedType": "String", "NonNull": true}},
          {"Description": "", "Name": "salary", "Type": {"NamedType": "Int", "NonNull": true}}]},
        {"BuiltIn": false, "Description": "", "Kind": "OBJECT", "Name": "Query", "Fields": [
          {"Arguments": [{"Description": "", "Name": "id", "Type": {"NamedType": "String", "NonNull": true}}],
           "Description": "", "Name": "employeeByID", "Type": {"NamedType": "Employee", "NonNull": false}}]}],
       "Schema": [{"Description": "", "OperationTypes": [{"Operation": "query", "Type": "Query"}]}]}
      """;

  private static final String ALICE = "{ employeeByID(id: \"alice\") { salary } }";

  private static final String ALICE_AST = """
      {"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [
        {"Alias": "employeeByID", "Name": "employeeByID",
         "Arguments": [{"Name": "id", "Value": {"ExpectedTypeHasDefault": false, "Kind": 3, "Raw": "alice"}}],
         "SelectionSet": [{"Alias": "salary", "Name": "salary"}]}]}]}
      """;

  private final FamilyCalls calls = new FamilyCalls(new GraphqlFamily());

  private void assertError(String message, String name, Value... args) {
    calls.assertFails(RegoError.EVAL_BUILTIN, message, name, args);
  }

  private void assertTypeError(String message, String name, Value... args) {
    calls.assertFails(RegoError.EVAL_TYPE, message, name, args);
  }

  @Test
  void registersTheSixBuiltInsWithOpaArities() {
    calls.assertRegisters(Map.of("graphql.parse", 2, "graphql.parse_and_verify", 2, "graphql.parse_query", 1,
        "graphql.parse_schema", 1, "graphql.is_valid", 2, "graphql.schema_is_valid", 1));
  }

  // graphql.parse

  @Test
  void parseReturnsBothAstsForAValidQuery() {
    assertEquals(ArrayValue.of(Json.parse(ALICE_AST), Json.parse(EMPLOYEES_AST)), calls.call("graphql.parse", str(ALICE), str(EMPLOYEES)));
  }

  @Test
  void parseAcceptsTheAstsItReturnedAsOperands() {
    Value query = calls.call("graphql.parse_query", str(ALICE));
    Value schema = calls.call("graphql.parse_schema", str(EMPLOYEES));
    assertEquals(ArrayValue.of(query, schema), calls.call("graphql.parse", query, schema));
  }

  @Test
  void parseAcceptsSchemasWithoutQueryRootThroughExtensionsOfUnknownTypes() {
    String schema = """
        extend type User { id: ID! }
        extend type Product { upc: String! }
        union _Entity = Product | User
        extend type Query { entity: _Entity }
        """;
    Value result = calls.call("graphql.parse", str("{ entity { ... on User { id } } }"), str(schema));
    assertEquals(Json.parse("""
        {"Operations": [{"Name": "", "Operation": "query", "SelectionSet": [{"Alias": "entity", "Name": "entity",
          "SelectionSet": [{"SelectionSet": [{"Alias": "id", "Name": "id"}], "TypeCondition": "User"}]}]}]}
        """), ((ArrayValue) result).get(0));
  }

  @Test
  void parseReportsTheFirstValidationErrorWithItsLocation() {
    String schema = "extend type Query { myAction(myEnum: Locale!): SomeResult! }\n"
        + "type SomeResult { id: String }\nenum Locale { EN LT DE }";
    String query = "query SomeOperation {\n  # a comment\n  myAction {\n    id\n  }\n}";
    assertError("Field \"myAction\" argument \"myEnum\" of type \"Locale!\" is required, but it was not provided"
        + " in GraphQL query string at location 3:3", "graphql.parse", str(query), str(schema));
  }

  @Test
  void parseKeepsFurtherValidationErrorsAfterTheFirstAsOpaCutsThem() {
    assertError("Cannot query field \"a\" on type \"Query\". Did you mean \"x\"?\ninput:1:5: Cannot query field \"b\" on"
        + " type \"Query\". Did you mean \"x\"?\n in GraphQL query string at location 1:3",
        "graphql.parse", str("{ a b }"), str("type Query { x: Int }"));
  }

  @Test
  void parseReportsSyntaxErrorsOfQueryBeforeThoseOfSchema() {
    assertError("Expected Name, found <EOF> in GraphQL string at location 1:2", "graphql.parse", str("{"), str("type"));
    assertError("Expected Name, found <EOF> in GraphQL string at location 1:5", "graphql.parse", str("{ a }"), str("type"));
  }

  @Test
  void parseReportsSchemasThatDoNotValidate() {
    assertError("Error in gqlparser SchemaDocument to Schema conversion: input:1:17: Undefined type Foo.",
        "graphql.parse", str("{ x }"), str("type Query { x: Foo }"));
  }

  @Test
  void parseRejectsOperandsThatAreNeitherStringNorObject() {
    assertTypeError("operand 0 must be one of {string, object} but got number", "graphql.parse",
        NumberValue.of(1), str(EMPLOYEES));
    assertTypeError("operand 1 must be one of {string, object} but got array", "graphql.parse",
        str(ALICE), ArrayValue.EMPTY);
  }

  @Test
  void parseReportsMistypedAstObjectsWithGoJsonMessages() {
    assertError("json: cannot unmarshal number into Go struct field QueryDocument.Operations of type ast.OperationList",
        "graphql.parse", Json.parse("{\"Operations\": 5}"), str(EMPLOYEES));
    assertError("json: cannot unmarshal number into Go struct field QueryDocument.Operations of type string",
        "graphql.parse", Json.parse("{\"Operations\": [{\"Name\": 5}]}"), str(EMPLOYEES));
    assertError("json: cannot unmarshal number into Go struct field Type.Definitions.Fields.Type.NamedType of type string",
        "graphql.parse", str(ALICE),
        Json.parse("{\"Definitions\": [{\"Kind\": \"OBJECT\", \"Name\": \"Q\", \"Fields\": [{\"Type\": {\"NamedType\": 5}}]}]}"));
  }

  @Test
  void astObjectsMatchKeysIgnoringCaseAsGoDoes() {
    Value schema = Json.parse("{\"definitions\": [{\"kind\": \"OBJECT\", \"NAME\": \"Query\", \"fields\": [{\"name\":"
        + " \"x\", \"type\": {\"namedType\": \"Int\"}}]}]}");
    assertEquals(BooleanValue.TRUE, calls.call("graphql.is_valid", str("{ x }"), schema));
  }

  @Test
  void fragmentsGivenAsObjectsComeBackAsFieldsAsInGqlparser() {
    Value query = calls.call("graphql.parse_query", str("{ employeeByID(id: \"a\") { ... on Employee { id } } }"));
    assertEquals(BooleanValue.TRUE, calls.call("graphql.is_valid", str("{ employeeByID(id: \"a\") { ... on Employee { id } } }"),
        str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.is_valid", query, str(EMPLOYEES)));
  }

  // graphql.parse_and_verify

  @Test
  void parseAndVerifyReturnsTrueAndBothAsts() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, Json.parse(ALICE_AST), Json.parse(EMPLOYEES_AST)),
        calls.call("graphql.parse_and_verify", str(ALICE), str(EMPLOYEES)));
  }

  @Test
  void parseAndVerifyReturnsFalseAndEmptyObjectsWhateverFails() {
    Value unverified = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    assertEquals(unverified, calls.call("graphql.parse_and_verify", str("{employeeByID(\"alice\""), str(EMPLOYEES)));
    assertEquals(unverified, calls.call("graphql.parse_and_verify", str("{ employeeByID(id: \"bob\") }"), str(EMPLOYEES)));
    assertEquals(unverified, calls.call("graphql.parse_and_verify", str(ALICE), str("type Broken {")));
    assertEquals(unverified, calls.call("graphql.parse_and_verify", str(ALICE), str("")));
    assertEquals(unverified, calls.call("graphql.parse_and_verify", NumberValue.of(1), str(EMPLOYEES)));
    assertEquals(unverified, calls.call("graphql.parse_and_verify", str(ALICE), SetValue.EMPTY));
  }

  @Test
  void parseAndVerifyAcceptsAnEmptyQuery() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, ObjectValue.EMPTY, Json.parse(EMPLOYEES_AST)),
        calls.call("graphql.parse_and_verify", str(""), str(EMPLOYEES)));
  }

  // graphql.is_valid and graphql.schema_is_valid

  @Test
  void isValidChecksTheQueryAgainstTheSchema() {
    assertEquals(BooleanValue.TRUE, calls.call("graphql.is_valid", str(ALICE), str(EMPLOYEES)));
    assertEquals(BooleanValue.TRUE, calls.call("graphql.is_valid", Json.parse(ALICE_AST), str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.is_valid", str("{ employeeByID(id: \"bob\") }"), str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.is_valid", str(ALICE), str("type Query {")));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.is_valid", BooleanValue.TRUE, str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.is_valid", str(ALICE), NumberValue.of(3)));
  }

  @Test
  void schemaIsValidAcceptsEmptySchemasAndSchemasWithoutRoots() {
    assertEquals(BooleanValue.TRUE, calls.call("graphql.schema_is_valid", str(EMPLOYEES)));
    assertEquals(BooleanValue.TRUE, calls.call("graphql.schema_is_valid", Json.parse(EMPLOYEES_AST)));
    assertEquals(BooleanValue.TRUE, calls.call("graphql.schema_is_valid", str("")));
    assertEquals(BooleanValue.TRUE, calls.call("graphql.schema_is_valid", str("type A { x: Int }")));
  }

  @Test
  void schemaIsValidRejectsBrokenSchemasAndOtherOperands() {
    assertEquals(BooleanValue.FALSE, calls.call("graphql.schema_is_valid", str("type Broken {\n fixme\n type Query { a: Int }")));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.schema_is_valid", str("type Query { a: Missing }")));
    assertEquals(BooleanValue.FALSE, calls.call("graphql.schema_is_valid", NumberValue.of(1)));
  }

  @Test
  void aSchemaIsParsedOnceForManyCalls() {
    Value first = calls.call("graphql.parse_schema", str(EMPLOYEES));
    Value second = ((ArrayValue) calls.call("graphql.parse", str(ALICE), str(EMPLOYEES))).get(1);
    assertSame(first, second);
  }

  // graphql.parse_query and graphql.parse_schema

  @Test
  void parseQueryReturnsAnEmptyObjectForAnEmptyDocument() {
    assertEquals(ObjectValue.EMPTY, calls.call("graphql.parse_query", str("")));
    assertEquals(ObjectValue.EMPTY, calls.call("graphql.parse_schema", str("")));
  }

  @Test
  void parseQueryAndSchemaTakeStringsOnly() {
    assertTypeError("operand 1 must be string but got number", "graphql.parse_query", NumberValue.of(1));
    assertTypeError("operand 1 must be string but got object", "graphql.parse_schema", Json.parse(EMPLOYEES_AST));
  }

  @Test
  void parseSchemaDoesNotValidate() {
    assertEquals(Json.parse("""
        {"Definitions": [{"BuiltIn": false, "Description": "", "Kind": "OBJECT", "Name": "Query",
          "Fields": [{"Description": "", "Name": "a", "Type": {"NamedType": "Missing", "NonNull": false}}]}]}
        """), calls.call("graphql.parse_schema", str("type Query { a: Missing }")));
  }
}
