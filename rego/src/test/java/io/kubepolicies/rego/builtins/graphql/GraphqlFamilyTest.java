package io.kubepolicies.rego.builtins.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  private final Builtins builtins = Builtins.of(List.of(new GraphqlFamily()));
  private final TestContext ctx = new TestContext();

  private Value call(String name, Value... args) {
    return ctx.call(builtins, name, args);
  }

  private static StringValue str(String s) {
    return StringValue.of(s);
  }

  private void assertError(String message, String name, Value... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(RegoError.EVAL_BUILTIN, e.code(), "error code");
    assertEquals(message, e.getMessage());
  }

  private void assertTypeError(String message, String name, Value... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(RegoError.EVAL_TYPE, e.code(), "error code");
    assertEquals(message, e.getMessage());
  }

  @Test
  void registersTheSixBuiltInsWithOpaArities() {
    Map<String, Integer> arities = new TreeMap<>();
    for (String name : builtins.names()) {
      arities.put(name, builtins.get(name).arity());
    }
    assertEquals(Map.of("graphql.parse", 2, "graphql.parse_and_verify", 2, "graphql.parse_query", 1,
        "graphql.parse_schema", 1, "graphql.is_valid", 2, "graphql.schema_is_valid", 1), arities);
    Builtins standard = Builtins.standard();
    arities.keySet().forEach(name -> assertEquals(arities.get(name), standard.get(name).arity(), name));
  }

  // graphql.parse

  @Test
  void parseReturnsBothAstsForAValidQuery() {
    assertEquals(ArrayValue.of(Json.parse(ALICE_AST), Json.parse(EMPLOYEES_AST)), call("graphql.parse", str(ALICE), str(EMPLOYEES)));
  }

  @Test
  void parseAcceptsTheAstsItReturnedAsOperands() {
    Value query = call("graphql.parse_query", str(ALICE));
    Value schema = call("graphql.parse_schema", str(EMPLOYEES));
    assertEquals(ArrayValue.of(query, schema), call("graphql.parse", query, schema));
  }

  @Test
  void parseAcceptsSchemasWithoutQueryRootThroughExtensionsOfUnknownTypes() {
    String schema = """
        extend type User { id: ID! }
        extend type Product { upc: String! }
        union _Entity = Product | User
        extend type Query { entity: _Entity }
        """;
    Value result = call("graphql.parse", str("{ entity { ... on User { id } } }"), str(schema));
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
    assertEquals(BooleanValue.TRUE, call("graphql.is_valid", str("{ x }"), schema));
  }

  @Test
  void fragmentsGivenAsObjectsComeBackAsFieldsAsInGqlparser() {
    Value query = call("graphql.parse_query", str("{ employeeByID(id: \"a\") { ... on Employee { id } } }"));
    assertEquals(BooleanValue.TRUE, call("graphql.is_valid", str("{ employeeByID(id: \"a\") { ... on Employee { id } } }"),
        str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, call("graphql.is_valid", query, str(EMPLOYEES)));
  }

  // graphql.parse_and_verify

  @Test
  void parseAndVerifyReturnsTrueAndBothAsts() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, Json.parse(ALICE_AST), Json.parse(EMPLOYEES_AST)),
        call("graphql.parse_and_verify", str(ALICE), str(EMPLOYEES)));
  }

  @Test
  void parseAndVerifyReturnsFalseAndEmptyObjectsWhateverFails() {
    Value unverified = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    assertEquals(unverified, call("graphql.parse_and_verify", str("{employeeByID(\"alice\""), str(EMPLOYEES)));
    assertEquals(unverified, call("graphql.parse_and_verify", str("{ employeeByID(id: \"bob\") }"), str(EMPLOYEES)));
    assertEquals(unverified, call("graphql.parse_and_verify", str(ALICE), str("type Broken {")));
    assertEquals(unverified, call("graphql.parse_and_verify", str(ALICE), str("")));
    assertEquals(unverified, call("graphql.parse_and_verify", NumberValue.of(1), str(EMPLOYEES)));
    assertEquals(unverified, call("graphql.parse_and_verify", str(ALICE), SetValue.EMPTY));
  }

  @Test
  void parseAndVerifyAcceptsAnEmptyQuery() {
    assertEquals(ArrayValue.of(BooleanValue.TRUE, ObjectValue.EMPTY, Json.parse(EMPLOYEES_AST)),
        call("graphql.parse_and_verify", str(""), str(EMPLOYEES)));
  }

  // graphql.is_valid and graphql.schema_is_valid

  @Test
  void isValidChecksTheQueryAgainstTheSchema() {
    assertEquals(BooleanValue.TRUE, call("graphql.is_valid", str(ALICE), str(EMPLOYEES)));
    assertEquals(BooleanValue.TRUE, call("graphql.is_valid", Json.parse(ALICE_AST), str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, call("graphql.is_valid", str("{ employeeByID(id: \"bob\") }"), str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, call("graphql.is_valid", str(ALICE), str("type Query {")));
    assertEquals(BooleanValue.FALSE, call("graphql.is_valid", BooleanValue.TRUE, str(EMPLOYEES)));
    assertEquals(BooleanValue.FALSE, call("graphql.is_valid", str(ALICE), NumberValue.of(3)));
  }

  @Test
  void schemaIsValidAcceptsEmptySchemasAndSchemasWithoutRoots() {
    assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", str(EMPLOYEES)));
    assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", Json.parse(EMPLOYEES_AST)));
    assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", str("")));
    assertEquals(BooleanValue.TRUE, call("graphql.schema_is_valid", str("type A { x: Int }")));
  }

  @Test
  void schemaIsValidRejectsBrokenSchemasAndOtherOperands() {
    assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", str("type Broken {\n fixme\n type Query { a: Int }")));
    assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", str("type Query { a: Missing }")));
    assertEquals(BooleanValue.FALSE, call("graphql.schema_is_valid", NumberValue.of(1)));
  }

  @Test
  void aSchemaIsParsedOnceForManyCalls() {
    Value first = call("graphql.parse_schema", str(EMPLOYEES));
    Value second = ((ArrayValue) call("graphql.parse", str(ALICE), str(EMPLOYEES))).get(1);
    assertSame(first, second);
  }

  // graphql.parse_query and graphql.parse_schema

  @Test
  void parseQueryReturnsAnEmptyObjectForAnEmptyDocument() {
    assertEquals(ObjectValue.EMPTY, call("graphql.parse_query", str("")));
    assertEquals(ObjectValue.EMPTY, call("graphql.parse_schema", str("")));
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
        """), call("graphql.parse_schema", str("type Query { a: Missing }")));
  }
}
