package io.kubepolicies.rego.builtins.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing queries and schemas: the AST values OPA returns and gqlparser's syntax errors. */
class GraphqlParsingTest {
  private final FamilyCalls calls = new FamilyCalls(new GraphqlFamily());

  private Value query(String text) {
    return calls.call("graphql.parse_query", StringValue.of(text));
  }

  private Value schema(String text) {
    return calls.call("graphql.parse_schema", StringValue.of(text));
  }

  private String queryError(String text) {
    return calls.failure("graphql.parse_query", StringValue.of(text)).getMessage();
  }

  private String schemaError(String text) {
    return calls.failure("graphql.parse_schema", StringValue.of(text)).getMessage();
  }

  /** The single selection of the single operation. */
  private ObjectValue firstSelection(String text) {
    ObjectValue op = (ObjectValue) ((ArrayValue) ((ObjectValue) query(text)).get("Operations")).get(0);
    return (ObjectValue) ((ArrayValue) op.get("SelectionSet")).get(0);
  }

  private static Value value(String kindAndRaw) {
    return Json.parse("{\"ExpectedTypeHasDefault\": false, " + kindAndRaw + "}");
  }

  /** The value of the argument of {@code { f(a: <literal>) }}. */
  private Value argument(String literal) {
    ArrayValue args = (ArrayValue) firstSelection("{ f(a: " + literal + ") }").get("Arguments");
    return ((ObjectValue) args.get(0)).get("Value");
  }

  @Test
  void numbersKeepTheirSpelling() {
    assertEquals(value("\"Kind\": 2, \"Raw\": \"1e3\""), argument("1e3"));
    assertEquals(value("\"Kind\": 2, \"Raw\": \"-0.50\""), argument("-0.50"));
    assertEquals(value("\"Kind\": 1, \"Raw\": \"-0\""), argument("-0"));
    assertEquals(value("\"Kind\": 1, \"Raw\": \"829384293849283498239482938\""), argument("829384293849283498239482938"));
  }

  @Test
  void literalsOfEveryKind() {
    assertEquals(value("\"Kind\": 0, \"Raw\": \"v\""), argument("$v"));
    assertEquals(value("\"Kind\": 5, \"Raw\": \"true\""), argument("true"));
    assertEquals(value("\"Kind\": 6, \"Raw\": \"null\""), argument("null"));
    assertEquals(value("\"Kind\": 7, \"Raw\": \"SIT\""), argument("SIT"));
    assertEquals(Json.parse("""
        {"ExpectedTypeHasDefault": false, "Kind": 8, "Raw": "", "Children": [
          {"Name": "", "Value": {"ExpectedTypeHasDefault": false, "Kind": 1, "Raw": "1"}},
          {"Name": "", "Value": {"ExpectedTypeHasDefault": false, "Kind": 9, "Raw": "",
            "Children": [{"Name": "x", "Value": {"ExpectedTypeHasDefault": false, "Kind": 3, "Raw": "y"}}]}}]}
        """), argument("[1, {x: \"y\"}]"));
    assertEquals(value("\"Kind\": 8, \"Raw\": \"\""), argument("[]"));
  }

  @Test
  void stringEscapesAreDecoded() {
    assertEquals(value("\"Kind\": 3, \"Raw\": \"aA\\n\\\"/\\\\\\t\""), argument("\"a\\u0041\\n\\\"\\/\\\\\\t\""));
    assertEquals(value("\"Kind\": 3, \"Raw\": \"ਊ\""), argument("\"ਊ\""));
    assertEquals(value("\"Kind\": 3, \"Raw\": \"\uFFFD\""), argument("\"\\uD83D\""));
  }

  @Test
  void blockStringsLoseCommonIndentAndBlankEdgeLines() {
    assertEquals(value("\"Kind\": 4, \"Raw\": \"hello\\n  world\""), argument("\"\"\"\n    hello\n      world\n    \"\"\""));
    assertEquals(value("\"Kind\": 4, \"Raw\": \"long\""), argument("\"\"\"long\"\"\""));
    assertEquals(value("\"Kind\": 4, \"Raw\": \"a \\\"\\\"\\\" b\""), argument("\"\"\"a \\\"\"\" b\"\"\""));
    assertEquals(value("\"Kind\": 4, \"Raw\": \"x\\ny\""), argument("\"\"\"x\r\ny\"\"\""));
  }

  @Test
  void operationsFragmentsAndVariablesHaveGqlparsersShape() {
    assertEquals(Json.parse("""
        {"Operations": [{"Name": "Q", "Operation": "mutation",
          "VariableDefinitions": [
            {"Variable": "a", "Used": false, "Type": {"NamedType": "", "NonNull": true,
              "Elem": {"NamedType": "Int", "NonNull": true}},
             "DefaultValue": {"ExpectedTypeHasDefault": false, "Kind": 8, "Raw": ""},
             "Directives": [{"Location": "", "Name": "d"}]}],
          "SelectionSet": [
            {"Alias": "x", "Name": "y"},
            {"SelectionSet": [{"Alias": "z", "Name": "z"}], "TypeCondition": ""},
            {"Name": "F", "Directives": [{"Location": "", "Name": "skip",
              "Arguments": [{"Name": "if", "Value": {"ExpectedTypeHasDefault": false, "Kind": 5, "Raw": "true"}}]}]}]}],
         "Fragments": [{"Name": "F", "TypeCondition": "T", "SelectionSet": [{"Alias": "z", "Name": "z"}],
          "VariableDefinition": [{"Variable": "v", "Used": false, "Type": {"NamedType": "Boolean", "NonNull": false}}]}]}
        """), query("mutation Q($a: [Int!]! = [] @d) { x: y ... { z } ...F @skip(if: true) }\n"
        + "fragment F($v: Boolean) on T { z }"));
  }

  @Test
  void commentsAreKeptWhereGqlparserKeepsThem() {
    assertEquals(Json.parse("""
        {"Comment": {"List": [{"Value": "# trailing"}]},
         "Operations": [{"Name": "Q", "Operation": "query", "Comment": {"List": [{"Value": "# before Q"}]},
           "SelectionSet": [{"Alias": "a", "Name": "a", "Comment": {"List": [{"Value": "# one"}, {"Value": "# two"}]}}]}]}
        """), query("# before Q\nquery Q {\n  # one\n  # two\n  a\n}\n# trailing"));
  }

  @Test
  void theShorthandOperationDropsItsCommentAsGoEvaluatesIt() {
    assertEquals(Json.parse("{\"Operations\": [{\"Name\": \"\", \"Operation\": \"query\","
        + " \"SelectionSet\": [{\"Alias\": \"a\", \"Name\": \"a\"}]}]}"), query("# ਊ multi-byte comment\n{ a }"));
  }

  @Test
  void keywordsMayBeNames() {
    assertEquals(Json.parse("""
        {"Operations": [{"Name": "on", "Operation": "query", "SelectionSet": [
          {"Name": "a"}, {"SelectionSet": [{"Alias": "field", "Name": "field"}], "TypeCondition": "on"}]}],
         "Fragments": [{"Name": "a", "TypeCondition": "Type", "SelectionSet": [{"Alias": "on", "Name": "on",
           "Arguments": [{"Name": "on", "Value": {"ExpectedTypeHasDefault": false, "Kind": 0, "Raw": "on"}}]}]}]}
        """), query("query on { ... a ... on on { field } } fragment a on Type { on(on: $on) }"));
  }

  @Test
  void queryErrorsAreGqlparsersWithOpasLocation() {
    assertEquals("Expected Name, found <EOF> in GraphQL string at location 1:2", queryError("{"));
    assertEquals("Expected \"on\", found Name \"Type\" in GraphQL string at location 2:20",
        queryError("{ ...MissingOn }\nfragment MissingOn Type"));
    assertEquals("Expected Name, found { in GraphQL string at location 1:10", queryError("{ field: {} }"));
    assertEquals("Unexpected Name \"notanoperation\" in GraphQL string at location 1:1",
        queryError("notanoperation Foo { field }"));
    assertEquals("Unexpected ... in GraphQL string at location 1:1", queryError("..."));
    assertEquals("Unexpected $ in GraphQL string at location 1:37",
        queryError("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }"));
    assertEquals("Unexpected Name \"on\" in GraphQL string at location 1:10", queryError("fragment on on on { on }"));
    assertEquals("Expected Name, found } in GraphQL string at location 1:9", queryError("{ ...on }"));
    assertEquals("Expected {, found } in GraphQL string at location 1:16", queryError("{__typename{...}}"));
    assertEquals("expected at least one definition, found } in GraphQL string at location 1:21",
        queryError("{...{__typename{...{}}}}"));
  }

  @Test
  void malformedTokensSurfaceAsTheParserMeetsThem() {
    assertEquals("Unexpected <Invalid> in GraphQL string at location 1:12", queryError("{ f(a: \"abc"));
    assertEquals("Unexpected <Invalid> in GraphQL string at location 1:8", queryError("{ f(a: 'x') }"));
    assertEquals("Unexpected <Invalid> in GraphQL string at location 1:9", queryError("{ f(a: 01) }"));
    assertEquals("Expected Name, found <Invalid> in GraphQL string at location 1:5", queryError("{ a é }"));
    assertEquals("Unexpected <Invalid> in GraphQL string at location 1:6", queryError("{ a }\u0001"));
  }

  @Test
  void columnsAfterCrLfAreOneFurtherAsInGqlparser() {
    assertEquals("Unexpected ) in GraphQL string at location 2:9", queryError("{\r\n  a(x: ) }"));
    assertEquals("Unexpected ) in GraphQL string at location 2:8", queryError("{\n  a(x: ) }"));
  }

  @Test
  void byteOrderMarksAndCommasAreIgnored() {
    assertEquals(query("{ a b }"), query("\uFEFF{ a, b, }"));
  }

  @Test
  void deepNestingFailsWithAClearError() {
    assertEquals("Nesting exceeds the maximum depth of 256 in GraphQL string at location 1:263",
        queryError("{ f(a: " + "[".repeat(10_000)));
    assertEquals("Nesting exceeds the maximum depth of 256 in GraphQL string at location 1:513",
        queryError("{a".repeat(100_000)));
    assertEquals("Nesting exceeds the maximum depth of 256 in GraphQL string at location 1:269",
        queryError("query ($v: " + "[".repeat(10_000)));
  }

  @Test
  void schemaDefinitionsOfEveryKind() {
    assertEquals(Json.parse("""
        {"Definitions": [
          {"BuiltIn": false, "Description": "Description", "Kind": "OBJECT", "Name": "Hello", "Interfaces": ["Wo", "rld"],
           "Directives": [{"Location": "", "Name": "deprecated"}],
           "Fields": [{"Description": "", "Name": "world", "Type": {"NamedType": "String", "NonNull": false},
             "Arguments": [{"Description": "", "Name": "flag", "Type": {"NamedType": "Boolean", "NonNull": false},
               "DefaultValue": {"ExpectedTypeHasDefault": false, "Kind": 5, "Raw": "true"}}]}]},
          {"BuiltIn": false, "Description": "", "Kind": "UNION", "Name": "U", "Types": ["A", "B"]},
          {"BuiltIn": false, "Description": "", "Kind": "ENUM", "Name": "E",
           "EnumValues": [{"Description": "first", "Name": "A"}, {"Description": "", "Name": "B"}]},
          {"BuiltIn": false, "Description": "", "Kind": "INPUT_OBJECT", "Name": "I", "Fields": [{"Description": "",
            "Name": "a", "Type": {"NamedType": "Int", "NonNull": false},
            "DefaultValue": {"ExpectedTypeHasDefault": false, "Kind": 1, "Raw": "1"}}]},
          {"BuiltIn": false, "Description": "", "Kind": "SCALAR", "Name": "S"}],
         "Directives": [{"Description": "", "IsRepeatable": true, "Locations": ["FIELD", "QUERY"], "Name": "foo"}],
         "Extensions": [{"BuiltIn": false, "Description": "", "Kind": "UNION", "Name": "U",
           "Directives": [{"Location": "", "Name": "d"}]}],
         "Schema": [{"Description": "", "OperationTypes": [{"Operation": "query", "Type": "Hello"}]}],
         "SchemaExtension": [{"Description": "", "Directives": [{"Location": "", "Name": "d"}]}]}
        """), schema("""
        \"""
          Description
          \"""
        type Hello implements & Wo & rld @deprecated { world(flag: Boolean = true): String }
        directive @foo repeatable on | FIELD | QUERY
        union U = | A | B
        enum E { "first" A B }
        input I { a: Int = 1 }
        scalar S
        schema { query: Hello }
        extend schema @d
        extend union U @d
        """));
  }

  @Test
  void schemaCommentsAreKeptBeforeAndAfterDescriptionsAndBeforeClosingBraces() {
    assertEquals(Json.parse("""
        {"Comment": {"List": [{"Value": "# eof"}]},
         "Definitions": [{"BuiltIn": false, "Description": "desc", "Kind": "OBJECT", "Name": "A",
           "BeforeDescriptionComment": {"List": [{"Value": "# top"}]},
           "AfterDescriptionComment": {"List": [{"Value": "# after desc"}]},
           "EndOfDefinitionComment": {"List": [{"Value": "# end"}]},
           "Fields": [{"Description": "", "Name": "f", "Type": {"NamedType": "Int", "NonNull": false},
             "AfterDescriptionComment": {"List": [{"Value": "# before field"}]}}]}]}
        """), schema("# top\n\"desc\" # after desc\ntype A {\n  # before field\n  f: Int\n  # end\n}\n# eof"));
  }

  @Test
  void schemaErrorsAreGqlparsersWithOpasLocation() {
    assertEquals("expected at least one definition, found } in GraphQL string at location 1:13", schemaError("type Hello {}"));
    assertEquals("Unexpected <EOF> in GraphQL string at location 1:18", schemaError("extend type Hello"));
    assertEquals("Unexpected <EOF> in GraphQL string at location 1:14", schemaError("extend schema"));
    assertEquals("Unexpected String \"Description\" in GraphQL string at location 1:2",
        schemaError("\"Description\"\nextend type Hello { world: String }"));
    assertEquals("Unexpected String \"Description\" in GraphQL string at location 1:9",
        schemaError("extend \"Description\" type Hello { world: String }"));
    assertEquals("Expected :, found ( in GraphQL string at location 1:20", schemaError("input Hello { world(foo: Int): String }"));
    assertEquals("Unexpected Name \"INCORRECT_LOCATION\" in GraphQL string at location 1:27",
        schemaError("directive @foo on FIELD | INCORRECT_LOCATION"));
    assertEquals("Expected Name, found | in GraphQL string at location 1:16", schemaError("union Hello = || Wo | Rld"));
    assertEquals("Expected Name, found <EOF> in GraphQL string at location 1:27", schemaError("union Hello = | Wo | Rld |"));
    assertEquals("Expected Name, found <EOF> in GraphQL string at location 1:13", schemaError("type o{d(g:["));
    assertEquals("Unexpected <Invalid> in GraphQL string at location 2:1", schemaError("\"\"\"\r"));
    assertEquals("Unexpected Name \"query\" in GraphQL string at location 1:1", schemaError("query { a }"));
  }
}
