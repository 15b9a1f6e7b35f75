package io.kubepolicies.rego.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypesTest {
  private static final Type OBJECT = Type.objectOf(Type.ANY, Type.ANY);

  @Test
  void unionsPrintInOpasOrderWhateverOrderTheyAreWritten() {
    assertEquals("any<string, array[any], object[any: any], set[any]>",
        Type.anyOf(Type.setOf(Type.ANY), OBJECT, Type.arrayOf(Type.ANY), Type.STRING).toString());
    assertEquals("any<number, array<number, string>, array<number, string, string>>",
        Type.anyOf(Type.tuple(Type.NUMBER, Type.STRING, Type.STRING), Type.NUMBER, Type.tuple(Type.NUMBER, Type.STRING))
            .toString());
  }

  @Test
  void printsKnownPropertiesSortedThenTheDynamicPart() {
    Type t = Type.object(List.of(Type.property("pretty", Type.BOOLEAN), Type.property("indent", Type.STRING)),
        new Type.ObjectOf.Dynamic(Type.STRING, Type.ANY));
    assertEquals("object<indent: string, pretty: boolean>[string: any]", t.toString());
    assertEquals("x: number", Type.named("x", Type.NUMBER).toString());
    assertEquals("(number, any) => ???", Type.function(List.of(Type.named("a", Type.NUMBER), Type.ANY), null).toString());
    assertEquals("???", Type.print(null));
  }

  @Test
  void unionAbsorbsWhatItContains() {
    assertEquals(Type.NUMBER, Types.or(Type.NUMBER, Type.NUMBER));
    assertEquals(Type.ANY, Types.or(Type.ANY, Type.STRING));
    assertEquals("any<number, string>", Types.or(Type.STRING, Type.NUMBER).toString());
    assertEquals("any<null, number, string>", Types.or(Type.anyOf(Type.STRING, Type.NUMBER), Type.NULL).toString());
    assertEquals(Type.STRING, Types.or(null, Type.STRING));
    assertNull(Types.or(Type.function(List.of(), Type.NUMBER), Type.NUMBER));
  }

  @Test
  void tuplesAndArraysUnifyPositionByPosition() {
    Type pair = Type.tuple(Type.NUMBER, Type.STRING);
    assertTrue(Types.unifies(pair, Type.arrayOf(Type.ANY)));
    assertTrue(Types.unifies(Type.arrayOf(Type.NUMBER), Type.tuple(Type.NUMBER)));
    assertFalse(Types.unifies(pair, Type.arrayOf(Type.NUMBER)));
    assertFalse(Types.unifies(pair, Type.tuple(Type.NUMBER, Type.STRING, Type.STRING)));
  }

  @Test
  void objectsUnifyWhenEveryKnownPropertyDoes() {
    Type op = Type.object(List.of(Type.property("op", Type.STRING)), new Type.ObjectOf.Dynamic(Type.ANY, Type.ANY));
    assertTrue(Types.unifies(Type.object(List.of(Type.property("op", Type.STRING)), null), op));
    assertFalse(Types.unifies(Type.object(List.of(Type.property("op", Type.NUMBER)), null), op));
    assertFalse(Types.unifies(Type.object(List.of(Type.property("a", Type.NUMBER)), null),
        Type.object(List.of(Type.property("b", Type.NUMBER)), null)));
  }

  @Test
  void anyUnifiesWithEverythingButFunctionsAndUnknown() {
    assertTrue(Types.unifies(Type.ANY, Type.setOf(Type.NUMBER)));
    assertTrue(Types.unifies(Type.anyOf(Type.NUMBER, Type.STRING), Type.STRING));
    assertFalse(Types.unifies(Type.anyOf(Type.NUMBER, Type.STRING), Type.BOOLEAN));
    assertFalse(Types.unifies(Type.ANY, Type.function(List.of(), Type.NUMBER)));
    assertFalse(Types.unifies(null, Type.ANY));
  }

  @Test
  void selectsMembersByConstantKey() {
    Type pair = Type.tuple(Type.NUMBER, Type.STRING);
    assertEquals(Type.STRING, Types.select(pair, NumberValue.of(1)));
    assertNull(Types.select(pair, NumberValue.of(2)));
    assertNull(Types.select(pair, NumberValue.parse("0.5")));
    assertNull(Types.select(pair, NumberValue.of(-1)));
    assertEquals(Type.ANY, Types.select(Type.objectOf(Type.STRING, Type.ANY), StringValue.of("k")));
    assertNull(Types.select(Type.objectOf(Type.NUMBER, Type.ANY), StringValue.of("k")));
    assertEquals(Type.STRING, Types.select(Type.setOf(Type.anyOf(Type.NUMBER, Type.STRING)), StringValue.of("s")));
    assertNull(Types.select(Type.NUMBER, StringValue.of("k")));
  }

  @Test
  void keysAndValuesOfWhatCanBeIterated() {
    Type object = Type.object(List.of(Type.property("a", Type.NUMBER)), new Type.ObjectOf.Dynamic(Type.NUMBER, Type.BOOLEAN));
    assertEquals("any<number, string>", Types.keys(object).toString());
    assertEquals("any<boolean, number>", Types.values(object).toString());
    assertEquals(Type.NUMBER, Types.keys(Type.arrayOf(Type.STRING)));
    assertNull(Types.keys(Type.STRING));
    assertNull(Types.values(Type.NULL));
  }

  @Test
  void unknownPartsMakeATypeUnknown() {
    assertTrue(Types.hasUnknown(null));
    assertTrue(Types.hasUnknown(Type.tuple(Type.NUMBER, null)));
    assertTrue(Types.hasUnknown(Type.setOf(null)));
    assertFalse(Types.hasUnknown(Type.objectOf(Type.STRING, Type.ANY)));
  }
}
