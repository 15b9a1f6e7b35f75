package io.kubepolicies.rego.builtins.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

/** Schema validation and each query validation rule, through graphql.parse and graphql.is_valid. */
class GraphqlValidationTest {
  private static final String PETS = """
      interface Pet { name(surname: Boolean): String }
      enum DogCommand { SIT HEEL DOWN }
      enum FurColor { BROWN BLACK TAN }
      type Dog implements Pet {
        name(surname: Boolean): String
        nickname: String
        barks: Boolean
        doesKnowCommand(dogCommand: DogCommand): Boolean
        isHouseTrained(atOtherHomes: Boolean = true): Boolean
        owner: Human
      }
      type Cat implements Pet { name(surname: Boolean): String meows: Boolean furColor: FurColor }
      union CatOrDog = Cat | Dog
      type Human { name(surname: Boolean): String pets: [Pet] relatives: [Human] }
      input ComplexInput { requiredField: Boolean! intField: Int stringListField: [String] withDefault: Int! = 1 }
      type ComplicatedArgs {
        intArgField(intArg: Int): String
        nonNullIntArgField(nonNullIntArg: Int!): String
        stringArgField(stringArg: String): String
        enumArgField(enumArg: FurColor): String
        floatArgField(floatArg: Float): String
        idArgField(idArg: ID): String
        stringListArgField(stringListArg: [String]): String
        complexArgField(complexArg: ComplexInput): String
        multipleReqs(req1: Int!, req2: Int!): String
        withDefault(arg: Int! = 3): String
      }
      type Query { dog: Dog cat: Cat pet: Pet catOrDog: CatOrDog human(id: ID): Human complicatedArgs: ComplicatedArgs }
      type Subscription { newMessage: String importantEmails: [String] }
      directive @onField on FIELD
      """;

  private final FamilyCalls calls = new FamilyCalls(new GraphqlFamily());

  private boolean valid(String query) {
    return valid(query, PETS);
  }

  private boolean valid(String query, String schema) {
    Value result = calls.call("graphql.is_valid", StringValue.of(query), StringValue.of(schema));
    return ((BooleanValue) result).value();
  }

  /** The error graphql.parse reports for {@code query} against the pet schema. */
  private String error(String query) {
    return error(query, PETS);
  }

  private String error(String query, String schema) {
    return calls.failure("graphql.parse", StringValue.of(query), StringValue.of(schema)).getMessage();
  }

  private String schemaError(String schema) {
    assertEquals(BooleanValue.FALSE, calls.call("graphql.schema_is_valid", StringValue.of(schema)));
    return error("{ __typename }", schema);
  }

  // Schema validation

  @Test
  void schemaErrorsNameTheDefinitionAndItsPosition() {
    String prefix = "Error in gqlparser SchemaDocument to Schema conversion: ";
    assertEquals(prefix + "input:1:8: Cannot redeclare type String.", schemaError("scalar String"));
    assertEquals(prefix + "input:2:6: Cannot redeclare type A.", schemaError("type A { a: Int }\ntype A { b: Int }"));
    assertEquals(prefix + "input:1:42: Cannot extend type S because the base type is a SCALAR, not OBJECT.",
        schemaError("scalar S type Query { s: S } extend type S { a: Int }"));
    assertEquals(prefix + "input:1:28: Schema root query refers to a type Foo that does not exist.",
        schemaError("type A { a: Int } schema { query: Foo }"));
    assertEquals(prefix + "input:1:46: Cannot have multiple schema entry points, consider schema extensions instead.",
        schemaError("type A { a: Int } schema { query: A } schema { query: A }"));
    assertEquals(prefix + "input:1:29: For T to implement I it must have a field called a.",
        schemaError("interface I { a: Int } type T implements I { b: Int }"));
    assertEquals(prefix + "input:1:47: For T to implement I the field a must have type Int!.",
        schemaError("interface I { a: Int! } type T implements I { a: Int }"));
    assertEquals(prefix + "input:1:7: UNION type \"I\" must be OBJECT.", schemaError("union U = I interface I { a: Int }"));
    assertEquals(prefix + "input:1:6: Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection.",
        schemaError("type __T { a: Int }"));
    assertEquals(prefix + "input:1:6: ENUM E: non-enum value true.", schemaError("enum E { A true }"));
    assertEquals(prefix + "input:1:16: cannot use Query as argument a because OBJECT is not a valid input type",
        schemaError("type Query { f(a: Query): Int }"));
    assertEquals(prefix + "input:1:21: Field Query.a can only be defined once.", schemaError("type Query { a: Int a: Int }"));
    assertEquals(prefix + "input:1:23: Directive deprecated is not applicable on SCALAR.",
        schemaError("extend scalar String @deprecated"));
    assertEquals(prefix + "input:1:22: Undefined directive nope.", schemaError("type Query { a: Int @nope }"));
    assertEquals(prefix + "input:1:6: Type A must implement I because it is implemented by J.",
        schemaError("type A implements J { a: Int } interface I { a: Int } interface J implements I { a: Int }"));
  }

  @Test
  void schemasNeedNoRootAndMayRedeclareBuiltInDirectives() {
    assertEquals(BooleanValue.TRUE, calls.call("graphql.schema_is_valid",
        StringValue.of("type A { a: Int } directive @skip(if: Boolean!) on FIELD")));
    assertEquals("Schema does not support operation type \"query\"\n in GraphQL query string at location 1:1",
        error("{ a }", "type A { a: Int }"));
  }

  @Test
  void aSchemaBlockTurnsOffRootsByName() {
    String schema = "type Q { a: Int } type Mutation { m: Int } schema { query: Q }";
    assertEquals(true, valid("{ a }", schema));
    assertEquals(false, valid("mutation { m }", schema));
  }

  // Query rules, in gqlparser's order

  @Test
  void fieldsMustExistOnTheirType() {
    assertEquals(true, valid("{ dog { name nickname __typename } }"));
    assertEquals("Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?\n"
        + " in GraphQL query string at location 1:9", error("{ dog { nam } }"));
    assertEquals("Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?\n"
        + " in GraphQL query string at location 1:9", error("{ pet { meows } }"));
  }

  @Test
  void fragmentsMustConditionOnCompositeTypes() {
    assertEquals("Fragment cannot condition on non composite type \"DogCommand\" in GraphQL query string at location 1:13",
        error("{ dog { ... on DogCommand { __typename } } }"));
  }

  @Test
  void argumentsMustBeKnown() {
    assertEquals("Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?\n"
        + " in GraphQL query string at location 1:25", error("{ dog { doesKnowCommand(dogcommand: SIT) } }"));
    assertEquals("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?\n"
        + "input:1:8: Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided"
        + " in GraphQL query string at location 1:13", error("{ dog @skip(iff: true) { name } }"));
  }

  @Test
  void directivesMustBeKnownAndAllowedWhereTheyStand() {
    assertEquals(true, valid("{ dog @onField { name @include(if: true) } }"));
    assertEquals("Unknown directive \"@unknown\" in GraphQL query string at location 1:8", error("{ dog @unknown { name } }"));
    assertEquals("Directive \"@onField\" may not be used on QUERY in GraphQL query string at location 1:10",
        error("query Q @onField { dog { name } }"));
    assertEquals("Unknown directive \"@d\".\ninput:1:9: Variable \"$v\" is never used in operation \"Q\""
        + " in GraphQL query string at location 1:18", error("query Q($v: Int @d) { dog { name } }"));
  }

  @Test
  void fragmentsMustBeKnownUsedAndAcyclic() {
    assertEquals("Unknown fragment \"Missing\" in GraphQL query string at location 1:12", error("{ dog { ...Missing } }"));
    assertEquals("Fragment \"F\" is never used in GraphQL query string at location 1:18",
        error("{ dog { name } } fragment F on Dog { name }"));
    assertEquals("Cannot spread fragment \"A\" within itself via B in GraphQL query string at location 1:68",
        error("{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...A }"));
  }

  @Test
  void operationsNeedARootTypeInTheSchema() {
    assertEquals("Schema does not support operation type \"mutation\"\n in GraphQL query string at location 1:1",
        error("mutation { dog { name } }"));
  }

  @Test
  void typesNamedByQueriesMustExist() {
    assertEquals("Unknown type \"Foo\".\ninput:1:9: Variable \"$x\" is never used in operation \"Q\""
        + " in GraphQL query string at location 1:9", error("query Q($x: Foo) { dog { name } }"));
    assertEquals("Unknown type \"Dgo\" in GraphQL query string at location 1:13", error("{ dog { ... on Dgo { name } } }"));
    assertEquals("Unknown type \"Dogg\". Did you mean \"Dog\"?\n in GraphQL query string at location 1:18",
        error("{ dog { ...F } } fragment F on Dogg { name }"));
    assertEquals("Unknown type \"Dgo\" in GraphQL query string at location 1:18",
        error("{ dog { ...F } } fragment F on Dgo { name }"), "a swap of two letters is two edits to gqlparser");
  }

  @Test
  void anAnonymousOperationMustBeAlone() {
    assertEquals("This anonymous operation must be the only defined operation in GraphQL query string at location 1:1",
        error("{ dog { name } } query Q { cat { meows } }"));
  }

  @Test
  void introspectionMayNestListFieldsThreeDeepOnly() {
    assertEquals(true, valid("{ __schema { types { fields { type { name } } } } }"));
    assertEquals(true, valid("{ __type(name: \"Dog\") { name kind } }"));
    assertEquals("Maximum introspection depth exceeded\n in GraphQL query string at location 1:3",
        error("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"));
  }

  @Test
  void variablesMustBeDefinedAndUsed() {
    assertEquals("Variable \"$cmd\" is not defined by operation \"Q\" in GraphQL query string at location 1:45",
        error("query Q { dog { doesKnowCommand(dogCommand: $cmd) } }"));
    assertEquals("Variable \"$cmd\" is not defined in GraphQL query string at location 1:37",
        error("{ dog { doesKnowCommand(dogCommand: $cmd) } }"));
    assertEquals("Variable \"$x\" is never used in operation \"Q\" in GraphQL query string at location 1:9",
        error("query Q($x: Int) { dog { name } }"));
  }

  @Test
  void variablesUsedInFragmentsCount() {
    assertEquals(true, valid("query Q($flag: Boolean!) { ...F } fragment F on Query { dog @include(if: $flag) { name } }"));
  }

  @Test
  void fieldsAnsweringUnderOneNameMustMerge() {
    assertEquals(true, valid("{ dog { name name } }"));
    assertEquals(true, valid("{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) } }"));
    assertEquals("Fields \"name\" conflict because nickname and name are different fields. Use different aliases on"
        + " the fields to fetch both if this was intentional in GraphQL query string at location 1:24",
        error("{ dog { name: nickname name } }"));
    assertEquals("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on"
        + " the fields to fetch both if this was intentional in GraphQL query string at location 1:42",
        error("{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }"));
    assertEquals(true, valid("{ catOrDog { ... on Dog { x: nickname } ... on Cat { x: name } } }"),
        "fields of exclusive object types need not be the same field");
    assertEquals(false, valid("{ catOrDog { ... on Dog { x: barks } ... on Cat { x: name } } }"),
        "but must not return conflicting types");
  }

  @Test
  void spreadsMustBePossible() {
    assertEquals("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\""
        + " in GraphQL query string at location 1:13", error("{ dog { ... on Cat { meows } } }"));
    assertEquals(true, valid("{ pet { ... on Dog { barks } ... on Cat { meows } } }"));
  }

  @Test
  void requiredArgumentsMustBeGiven() {
    assertEquals(true, valid("{ complicatedArgs { withDefault multipleReqs(req1: 1, req2: 2) } }"));
    assertEquals("Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided"
        + " in GraphQL query string at location 1:21", error("{ complicatedArgs { multipleReqs(req1: 1) } }"));
    assertEquals("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided"
        + " in GraphQL query string at location 1:8", error("{ dog @include { name } }"));
  }

  @Test
  void leafFieldsTakeNoSelectionAndOthersNeedOne() {
    assertEquals("Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"?\n"
        + " in GraphQL query string at location 1:3", error("{ dog }"));
    assertEquals("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields"
        + " in GraphQL query string at location 1:9", error("{ dog { barks { __typename } } }"));
  }

  @Test
  void subscriptionsSelectOneNonIntrospectionField() {
    assertEquals(true, valid("subscription S { newMessage }"));
    assertEquals("Subscription \"S\" must select only one top level field in GraphQL query string at location 1:29",
        error("subscription S { newMessage importantEmails }"));
    assertEquals("Anonymous Subscription must not select an introspection top level field"
        + " in GraphQL query string at location 1:16", error("subscription { __typename }"));
  }

  @Test
  void namesMustBeUniqueWhereGraphqlSaysSo() {
    assertEquals("There can be only one argument named \"dogCommand\" in GraphQL query string at location 1:42",
        error("{ dog { doesKnowCommand(dogCommand: SIT, dogCommand: SIT) } }"));
    assertEquals("The directive \"@include\" can only be used once at this location in GraphQL query string at location 1:27",
        error("{ dog @include(if: true) @include(if: true) { name } }"));
    assertEquals("There can be only one fragment named \"F\" in GraphQL query string at location 1:45",
        error("{ dog { ...F } } fragment F on Dog { name } fragment F on Dog { name }"));
    assertEquals("There can be only one input field named \"requiredField\" in GraphQL query string at location 1:71",
        error("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }"));
    assertEquals("There can be only one operation named \"Q\" in GraphQL query string at location 1:26",
        error("query Q { dog { name } } query Q { cat { meows } }"));
    assertEquals("Variable \"$x\" is never used in operation \"Q\".\ninput:1:18: There can be only one variable"
        + " named \"$x\" in GraphQL query string at location 1:18",
        error("query Q($x: Int, $x: Int) { complicatedArgs { intArgField(intArg: $x) } }"));
  }

  @Test
  void valuesMustFitTheirTypes() {
    assertEquals(true, valid("{ complicatedArgs { intArgField(intArg: -2) floatArgField(floatArg: 1) idArgField(idArg: 1)"
        + " stringListArgField(stringListArg: \"one\") enumArgField(enumArg: TAN) } }"));
    assertEquals("Int cannot represent non-integer value: \"3\"\n in GraphQL query string at location 1:42",
        error("{ complicatedArgs { intArgField(intArg: \"3\") } }"));
    assertEquals("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938\n"
        + " in GraphQL query string at location 1:41", error("{ complicatedArgs { intArgField(intArg: 829384293849283498239482938) } }"));
    assertEquals("Int cannot represent non-integer value: 1.5\n in GraphQL query string at location 1:41",
        error("{ complicatedArgs { intArgField(intArg: 1.5) } }"));
    assertEquals("Float cannot represent non numeric value: 1e400\n in GraphQL query string at location 1:45",
        error("{ complicatedArgs { floatArgField(floatArg: 1e400) } }"));
    assertEquals("String cannot represent a non string value: 2\n in GraphQL query string at location 1:63",
        error("{ complicatedArgs { stringListArgField(stringListArg: [\"one\", 2]) } }"));
    assertEquals("ID cannot represent a non-string and non-integer value: true\n in GraphQL query string at location 1:39",
        error("{ complicatedArgs { idArgField(idArg: true) } }"));
    assertEquals("Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?\n"
        + " in GraphQL query string at location 1:43", error("{ complicatedArgs { enumArgField(enumArg: brown) } }"));
    assertEquals("Enum \"FurColor\" cannot represent non-enum value: \"TAN\". Did you mean the enum value \"TAN\"?\n"
        + " in GraphQL query string at location 1:44", error("{ complicatedArgs { enumArgField(enumArg: \"TAN\") } }"));
    assertEquals("Expected value of type \"Int!\", found null in GraphQL query string at location 1:55",
        error("{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }"));
  }

  @Test
  void inputObjectsNeedTheirRequiredFieldsAndNoOthers() {
    assertEquals(true, valid("{ complicatedArgs { complexArgField(complexArg: {requiredField: true}) } }"));
    assertEquals("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided"
        + " in GraphQL query string at location 1:49", error("{ complicatedArgs { complexArgField(complexArg: {intField: 1}) } }"));
    assertEquals("Field \"intFeld\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?\n"
        + " in GraphQL query string at location 1:71",
        error("{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intFeld: 1}) } }"));
  }

  @Test
  void variablesMustBeInputTypesUsedWhereTheirTypeFits() {
    assertEquals("Variable \"$d\" cannot be non-input type \"Dog\".\ninput:1:9: Variable \"$d\" is never used in"
        + " operation \"Q\" in GraphQL query string at location 1:9",
        error("query Q($d: Dog) { dog { name } }"));
    assertEquals("Variable \"$x\" of type \"Int\" used in position expecting type \"Int!\""
        + " in GraphQL query string at location 1:72",
        error("query Q($x: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }"));
    assertEquals(true, valid("query Q($x: Int = 3) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }"));
    assertEquals(true, valid("query Q($x: Int) { complicatedArgs { withDefault(arg: $x) } }"),
        "an argument with a default accepts a nullable variable");
  }

  @Test
  void deeplySpreadFragmentsFailWithAClearErrorInsteadOfOverflowingTheStack() {
    StringBuilder chain = new StringBuilder("{ ...F0 }\n");
    for (int i = 0; i < 5_000; i++) {
      chain.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" }\n");
    }
    chain.append("fragment F5000 on Query { __typename }");
    assertEquals(false, valid(chain.toString()));
    assertEquals("Selections nest deeper than 256 levels, counting fragment spreads in GraphQL query string at location 257:29",
        error(chain.toString()));
  }
}
