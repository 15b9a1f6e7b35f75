package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.arr;
import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.obj;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private final FamilyCalls calls = new FamilyCalls(new JsonPathFamily());

  private Value patch(Value doc, String patches) {
    return calls.call("json.patch", doc, json(patches));
  }

  private Value patch(String doc, String patches) {
    return patch(json(doc), patches);
  }

  @Test
  void addsObjectMembersAndArrayElements() {
    assertEquals(json("{\"baz\":\"qux\",\"foo\":\"bar\"}"), patch("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]"));
    assertEquals(json("{\"foo\":[\"bar\",\"qux\",\"baz\"]}"), patch("{\"foo\":[\"bar\",\"baz\"]}", "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]"));
    assertEquals(json("[\"foo\",\"sil\",\"bar\"]"), patch("[\"foo\",\"sil\"]", "[{\"op\":\"add\",\"path\":\"/2\",\"value\":\"bar\"}]"));
    assertEquals(json("[\"bar\",\"foo\",\"sil\"]"), patch("[\"foo\",\"sil\"]", "[{\"op\":\"add\",\"path\":\"/0\",\"value\":\"bar\"}]"));
    assertEquals(json("{\"foo\":[\"bar\",[\"abc\",\"def\"]]}"), patch("{\"foo\":[\"bar\"]}", "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]"));
    assertEquals(json("[1,2,[3,[4,5,{\"foo\":1}]]]"), patch("[1,2,[3,[4,5]]]", "[{\"op\":\"add\",\"path\":\"/2/1/-\",\"value\":{\"foo\":1}}]"));
    assertEquals(json("{\"foo\":1}"), patch("{\"foo\":null}", "[{\"op\":\"add\",\"path\":\"/foo\",\"value\":1}]"));
    assertEquals(json("{\"foo\":1,\"0\":\"bar\"}"), patch("{\"foo\":1}", "[{\"op\":\"add\",\"path\":\"/0\",\"value\":\"bar\"}]"));
  }

  @Test
  void emptyAndSlashPaths() {
    assertEquals(json("[]"), patch("{}", "[{\"op\":\"add\",\"path\":\"\",\"value\":[]}]"));
    assertEquals(json("{\"baz\":\"qux\"}"), patch("{\"foo\":\"bar\"}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"baz\":\"qux\"}}]"));
    assertEquals(json("{\"\":1}"), patch("{}", "[{\"op\":\"add\",\"path\":\"/\",\"value\":1}]"));
    assertEquals(json("{\"foo\":{\"\":1}}"), patch("{\"foo\":{}}", "[{\"op\":\"add\",\"path\":\"/foo/\",\"value\":1}]"));
    assertEquals(json("{\"foo\":\"bar\",\"baz\":1}"), patch("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"baz\",\"value\":1}]"));
  }

  @Test
  void removingTheRootLeavesNothing() {
    assertNull(patch("{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"\"}]"));
    assertNull(patch("{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"\"},{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]"));
    assertEquals(json("2"), patch("{\"a\":1}", "[{\"op\":\"remove\",\"path\":\"\"},{\"op\":\"add\",\"path\":\"\",\"value\":2}]"));
  }

  @Test
  void removesAndReplaces() {
    assertEquals(json("{\"foo\":\"bar\"}"), patch("{\"baz\":\"qux\",\"foo\":\"bar\"}", "[{\"op\":\"remove\",\"path\":\"/baz\"}]"));
    assertEquals(json("[1,3]"), patch("[1,2,3,4]", "[{\"op\":\"remove\",\"path\":\"/1\"},{\"op\":\"remove\",\"path\":\"/2\"}]"));
    assertEquals(json("{\"foo\":1,\"baz\":[{}]}"), patch("{\"foo\":1,\"baz\":[{\"qux\":\"hello\"}]}", "[{\"op\":\"remove\",\"path\":\"/baz/0/qux\"}]"));
    assertEquals(json("[\"foo\",[\"bar\",\"baz\"]]"), patch("[\"foo\",\"sil\"]", "[{\"op\":\"replace\",\"path\":\"/1\",\"value\":[\"bar\",\"baz\"]}]"));
    assertEquals(json("{\"foo\":null}"), patch("{\"foo\":\"bar\"}", "[{\"op\":\"replace\",\"path\":\"/foo\",\"value\":null}]"));
  }

  @Test
  void movesAndCopies() {
    assertEquals(json("{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}"),
        patch("{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}", "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]"));
    assertEquals(json("{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}"),
        patch("{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}", "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]"));
    assertEquals(json("{\"foo\":1}"), patch("{\"foo\":1}", "[{\"op\":\"move\",\"from\":\"/foo\",\"path\":\"/foo\"}]"));
    assertEquals(json("{\"baz\":[{},\"hello\"],\"bar\":1}"), patch("{\"baz\":[{\"qux\":\"hello\"}],\"bar\":1}", "[{\"op\":\"move\",\"from\":\"/baz/0/qux\",\"path\":\"/baz/1\"}]"));
    assertEquals(json("{\"foo\":null,\"bar\":null}"), patch("{\"foo\":null}", "[{\"op\":\"copy\",\"from\":\"/foo\",\"path\":\"/bar\"}]"));
    assertNull(patch("{\"a\":{\"b\":1}}", "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/c\"}]"));
  }

  @Test
  void testOpComparesByValue() {
    assertEquals(json("{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}"), patch("{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
        "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]"));
    assertEquals(json("{\"/\":9,\"~1\":10}"), patch("{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]"));
    assertEquals(json("{\"foo\":{\"foo\":1,\"bar\":2}}"), patch("{\"foo\":{\"foo\":1,\"bar\":2}}", "[{\"op\":\"test\",\"path\":\"/foo\",\"value\":{\"bar\":2,\"foo\":1}}]"));
    assertEquals(json("{\"1e0\":\"foo\"}"), patch("{\"1e0\":\"foo\"}", "[{\"op\":\"test\",\"path\":\"/1e0\",\"value\":\"foo\"}]"));
    assertEquals(json("{\"a\":1}"), patch("{\"a\":1}", "[{\"op\":\"test\",\"path\":\"\",\"value\":{\"a\":1}}]"));
    assertNull(patch("{\"baz\":\"qux\"}", "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]"));
    assertNull(patch("{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]"));
  }

  @Test
  void extraMembersAreIgnored() {
    assertEquals(json("{\"foo\":\"bar\",\"baz\":\"qux\"}"), patch("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]"));
    assertEquals(json("{\"foo\":1}"), patch("{\"foo\":1}", "[{\"op\":\"test\",\"path\":\"/foo\",\"value\":1,\"spurious\":1}]"));
  }

  @Test
  void emptyPatchListReturnsTheDocument() {
    assertEquals(json("{\"foo\":1}"), patch("{\"foo\":1}", "[]"));
    assertEquals(json("\"scalar\""), patch("\"scalar\"", "[]"));
  }

  @Test
  void failingPatchesAreUndefined() {
    String[][] cases = {
        {"{\"q\":{\"bar\":2}}", "[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":1}]"},
        {"{\"bar\":[1,2]}", "[{\"op\":\"add\",\"path\":\"/bar/8\",\"value\":\"5\"}]"},
        {"{\"bar\":[1,2]}", "[{\"op\":\"add\",\"path\":\"/bar/-1\",\"value\":\"5\"}]"},
        {"[\"foo\",\"sil\"]", "[{\"op\":\"add\",\"path\":\"/3\",\"value\":\"bar\"}]"},
        {"[\"foo\",\"bar\"]", "[{\"op\":\"test\",\"path\":\"/1e0\",\"value\":\"bar\"}]"},
        {"[\"foo\",\"sil\"]", "[{\"op\":\"add\",\"path\":\"/bar\",\"value\":42}]"},
        {"{\"bar\":\"baz\"}", "[{\"op\":\"replace\",\"path\":\"/foo/bar\",\"value\":false}]"},
        {"{\"foo\":{\"bar\":[1,2,5,4]}}", "[{\"op\":\"test\",\"path\":\"/foo\",\"value\":[1,2]}]"},
        {"[1,2,3,4]", "[{\"op\":\"remove\",\"path\":\"/1e0\"}]"},
        {"{\"baz\":[1,2,3],\"bar\":1}", "[{\"op\":\"copy\",\"from\":\"/baz/1e0\",\"path\":\"/boo\"}]"},
        {"{}", "[{\"op\":\"add\",\"value\":\"bar\"}]"},
        {"{}", "[{\"op\":\"add\",\"path\":null,\"value\":\"bar\"}]"},
        {"[1]", "[{\"op\":\"add\",\"path\":\"/-\"}]"},
        {"[1]", "[{\"op\":\"replace\",\"path\":\"/0\"}]"},
        {"[null]", "[{\"op\":\"test\",\"path\":\"/0\"}]"},
        {"[1]", "[{\"op\":\"copy\",\"path\":\"/-\"}]"},
        {"{\"foo\":1}", "[{\"op\":\"copy\",\"from\":\"/bar\",\"path\":\"/foo\"}]"},
        {"{\"foo\":1}", "[{\"op\":\"move\",\"path\":\"\"}]"},
        {"{\"foo\":1}", "[{\"op\":\"spam\",\"path\":\"/foo\",\"value\":1}]"},
        {"{\"foo\":1}", "[{\"path\":\"/foo\",\"value\":1}]"},
        {"{\"foo\":1}", "[{\"op\":1,\"path\":\"/foo\",\"value\":1}]"},
        {"[\"foo\",\"bar\"]", "[{\"op\":\"test\",\"path\":\"/00\",\"value\":\"foo\"}]"},
        {"[\"foo\",\"bar\"]", "[{\"op\":\"test\",\"path\":\"/01\",\"value\":\"bar\"}]"},
        {"{\"foo\":\"bar\"}", "[{\"op\":\"remove\",\"path\":\"/baz\"}]"},
        {"{\"foo\":\"bar\"}", "[{\"op\":\"remove\",\"path\":\"/missing1/missing2\"}]"},
        {"[\"foo\",\"bar\"]", "[{\"op\":\"remove\",\"path\":\"/2\"}]"},
        {"[\"foo\",\"bar\"]", "[{\"op\":\"remove\",\"path\":\"/-\"}]"},
        {"[1,2,3]", "[{\"op\":\"add\",\"path\":\"1.2\",\"value\":\"foo\"}]"},
        {"\"scalar\"", "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1}]"},
        {"{\"a\":1}", "[1]"},
        {"{\"a\":1}", "[{\"op\":\"add\",\"path\":\"/b\",\"value\":1},{\"op\":\"remove\",\"path\":\"/zz\"}]"},
    };
    for (String[] c : cases) {
      assertNull(patch(c[0], c[1]), () -> "expected undefined for " + c[0] + " patched with " + c[1]);
    }
  }

  @Test
  void acceptsSignedAndNumericArrayIndexes() {
    assertEquals(json("[\"x\",1]"), patch("[1]", "[{\"op\":\"add\",\"path\":\"/+0\",\"value\":\"x\"}]"));
    assertEquals(json("[2]"), patch("[1,2]", "[{\"op\":\"remove\",\"path\":[0]}]"));
    assertNull(patch("[1,2]", "[{\"op\":\"remove\",\"path\":\"/\u0661\"}]"));
  }

  @Test
  void editsSetsByMember() {
    Value doc = obj(str("foo"), set(str("a"), str("b"), str("c")));
    assertEquals(obj(str("foo"), set(str("a"), str("c"))), patch(doc, "[{\"op\":\"remove\",\"path\":\"foo/b\"}]"));
    assertEquals(obj(str("foo"), set(str("a"), str("b"), str("c"), str("d"))), patch(doc, "[{\"op\":\"add\",\"path\":\"foo/d\",\"value\":\"d\"}]"));
    assertNull(patch(doc, "[{\"op\":\"add\",\"path\":\"foo/d\",\"value\":\"e\"}]"));
    assertNull(patch(doc, "[{\"op\":\"remove\",\"path\":\"foo/z\"}]"));
  }

  @Test
  void movesBetweenSets() {
    Value doc = obj(str("foo"), set(str("a"), str("b")), str("bar"), set(str("c"), str("d")));
    assertEquals(obj(str("foo"), set(str("b")), str("bar"), set(str("a"), str("c"), str("d"))),
        patch(doc, "[{\"op\":\"move\",\"from\":\"foo/a\",\"path\":\"bar/a\"}]"));
  }

  @Test
  void editsInsideACompositeSetMember() {
    assertEquals(set(json("[1,2]")), calls.call("json.patch", set(json("[1]")),
        arr(obj(str("op"), str("add"), str("path"), arr(json("[1]"), num(1)), str("value"), num(2)))));
  }

  @Test
  void rejectsANonArrayPatchList() {
    assertEquals("operand 2 must be array but got object", calls.failure("json.patch", json("{}"), json("{}")).getMessage());
  }

  @Test
  void leavesItsInputUnchanged() {
    Value doc = json("{\"a\":[1,2],\"b\":{\"c\":1}}");
    patch(doc, "[{\"op\":\"remove\",\"path\":\"/a/0\"},{\"op\":\"add\",\"path\":\"/b/d\",\"value\":2}]");
    assertEquals(json("{\"a\":[1,2],\"b\":{\"c\":1}}"), doc);
  }
}
