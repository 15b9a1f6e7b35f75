package io.kubepolicies.rego.builtins.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading AST objects back as Go's encoding/json and gqlparser's unmarshallers read them. */
class AstDecoderTest {
  private static ObjectValue obj(String json) {
    return (ObjectValue) Json.parse(json);
  }

  private static String failure(Runnable decode) {
    return assertThrows(AstDecoder.InvalidAst.class, decode::run).getMessage();
  }

  @Test
  void parsedAstsReadBackToTheSameValue() {
    String query = "query Q($v: [Int!] = [1]) @d { a(x: {y: $v}) { b } } fragment F on T { b }";
    ObjectValue ast = AstValues.query(QueryParser.parse(query));
    assertEquals(ast, AstValues.query(AstDecoder.query(ast)));
    String schema = "\"d\" type T implements I @k { f(a: Int = 1): [String!]! } enum E { A } directive @k on OBJECT";
    ObjectValue schemaAst = AstValues.schema(SchemaParser.parse(schema));
    assertEquals(schemaAst, AstValues.schema(AstDecoder.schema(schemaAst)));
  }

  @Test
  void selectionsReadAsFieldsWhateverTheyWere() {
    ObjectValue inline = obj("{\"Operations\": [{\"SelectionSet\": [{\"TypeCondition\": \"T\", \"SelectionSet\": [{\"Name\": \"a\"}]}]}]}");
    assertEquals(obj("{\"Operations\": [{\"Name\": \"\", \"Operation\": \"\", \"SelectionSet\": [{\"Alias\": \"\", \"Name\": \"\","
        + " \"SelectionSet\": [{\"Alias\": \"\", \"Name\": \"a\"}]}]}]}"), AstValues.query(AstDecoder.query(inline)));
  }

  @Test
  void aSelectionThatIsNoFieldIsTriedAsSpreadThenDropped() {
    ObjectValue badArguments = obj("{\"Operations\": [{\"SelectionSet\": [{\"Name\": \"F\", \"Arguments\": 1}, 7]}]}");
    QueryAst.Operation op = AstDecoder.query(badArguments).operations().get(0);
    assertEquals(1, op.selectionSet().size());
    assertEquals(QueryAst.FragmentSpread.class, op.selectionSet().get(0).getClass());
  }

  @Test
  void keysMatchFieldNamesIgnoringCaseAndTheLastFoldedKeyWins() {
    SchemaAst.Definition def = AstDecoder.schema(obj("{\"DEFINITIONS\": [{\"Name\": \"A\", \"name\": \"B\", \"kind\": \"ENUM\"}]}"))
        .definitions().get(0);
    assertEquals("B", def.name());
    assertEquals("ENUM", def.kind());
  }

  @Test
  void setsReadAsArraysAndNonStringKeysAsTheirJson() {
    Value interfaces = SetValue.of(StringValue.of("J"), StringValue.of("I"));
    ObjectValue schema = ObjectValue.of(Map.of(StringValue.of("Definitions"), io.kubepolicies.rego.value.ArrayValue.of(
        ObjectValue.of(Map.of(StringValue.of("Interfaces"), interfaces, NumberValue.of(1), StringValue.of("x"))))));
    assertEquals(java.util.List.of("I", "J"), AstDecoder.schema(schema).definitions().get(0).interfaces());
  }

  @Test
  void mistypedMembersFailWithGoMessages() {
    assertEquals("json: cannot unmarshal string into Go struct field Value.Definitions.Fields.DefaultValue.Kind of type"
        + " ast.ValueKind", failure(() -> AstDecoder.schema(obj("{\"Definitions\": [{\"Fields\": [{\"Type\": {},"
        + " \"DefaultValue\": {\"Kind\": \"1\"}}]}]}"))));
    assertEquals("json: cannot unmarshal number 1.5 into Go struct field Value.Definitions.Fields.DefaultValue.Kind of"
        + " type ast.ValueKind", failure(() -> AstDecoder.schema(obj("{\"Definitions\": [{\"Fields\": [{\"Type\": {},"
        + " \"DefaultValue\": {\"Kind\": 1.5}}]}]}"))));
    assertEquals("json: cannot unmarshal bool into Go struct field Definition.Definitions.Interfaces of type string",
        failure(() -> AstDecoder.schema(obj("{\"Definitions\": [{\"Interfaces\": [true]}]}"))));
    assertEquals("json: cannot unmarshal string into Go struct field QueryDocument.Fragments of type"
        + " map[string]json.RawMessage", failure(() -> AstDecoder.query(obj("{\"Fragments\": [\"F\"]}"))));
  }

  @Test
  void membersGoCannotDoWithoutFailClearly() {
    assertEquals("GraphQL AST object: field definition \"f\" has no Type",
        failure(() -> AstDecoder.schema(obj("{\"Definitions\": [{\"Fields\": [{\"Name\": \"f\"}]}]}"))));
    assertEquals("GraphQL AST object has an unknown value kind 12",
        failure(() -> AstDecoder.schema(obj("{\"Definitions\": [{\"Fields\": [{\"Type\": {}, \"DefaultValue\": {\"Kind\": 12}}]}]}"))));
  }

  @Test
  void deeplyNestedObjectsFailClearly() {
    String value = "{\"Kind\": 1, \"Raw\": \"1\"}";
    for (int i = 0; i < 300; i++) {
      value = "{\"Kind\": 8, \"Children\": [{\"Value\": " + value + "}]}";
    }
    String schema = "{\"Definitions\": [{\"Fields\": [{\"Type\": {}, \"DefaultValue\": " + value + "}]}]}";
    assertEquals("GraphQL AST object nests deeper than 256 levels", failure(() -> AstDecoder.schema(obj(schema))));
  }
}
