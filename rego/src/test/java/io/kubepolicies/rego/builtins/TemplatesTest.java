package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

/**
 * Expected texts of the template cases were produced by Go's text/template run the way OPA runs it
 * (variables decoded as JSON with numbers kept, default missing-key handling, no value shown as
 * {@code <undefined>}).
 */
class TemplatesTest {
  private final FamilyCalls calls = new FamilyCalls(new Templates());

  private Value call(Value template, Value vars) {
    return calls.call("strings.render_template", template, vars);
  }

  private void renders(String expected, String template, String vars) {
    assertEquals(StringValue.of(expected), call(StringValue.of(template), Json.parse(vars)), template);
  }

  private void fails(String message, String template, String vars) {
    failsWith(message, StringValue.of(template), Json.parse(vars));
  }

  private void failsWith(String message, Value template, Value vars) {
    calls.assertFails(RegoError.EVAL_BUILTIN, message, "strings.render_template", template, vars);
  }

  @Test
  void aMalformedTemplateFailsTheSameWayOnEveryCall() {
    fails("template: template:1: unclosed action", "{{.a", "{}");
    fails("template: template:1: unclosed action", "{{.a", "{\"a\": 1}");
    renders("1", "{{.a}}", "{\"a\": 1}");
  }

  @Test
  void rendersTemplatesAsGoDoes() {
    renders("hello world", "{{.test}}", "{\"test\": \"hello world\"}");
    renders("2023", "{{.test}}", "{\"test\": 2023}");
    renders("hello rohan,hello john doe", "{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}", "{\"hellonames\": [\"rohan\", \"john doe\"]}");
    renders("<undefined>", "{{.testvarnotprovided}}", "{\"test\": \"hello world\"}");
    renders("test <undefined> <undefined> 1", "test {{.foo}} {{.bar}} {{.baz}}", "{\"baz\": 1}");
    renders("1.5|<undefined>|<undefined>|<undefined>", "{{.a.b.c}}|{{.a.x}}|{{.a.x.y}}|{{.n}}", "{\"a\": {\"b\": {\"c\": 1.5}}, \"n\": null}");
    renders("map[a:[true <nil>] z:1]|[1 x]|false|map[]", "{{.m}}|{{.l}}|{{.b}}|{{.e}}", "{\"m\": {\"z\": 1, \"a\": [true, null]}, \"l\": [1, \"x\"], \"b\": false, \"e\": {}}");
    renders("A|", "{{if .a}}A{{else if .b}}B{{else}}C{{end}}|{{if .z}}Z{{end}}", "{\"a\": 0, \"b\": \"\"}");
    renders("C", "{{if .a}}A{{else if .b}}B{{else}}C{{end}}", "{\"a\": \"\", \"b\": []}");
    renders("7|none", "{{with .a}}{{.b}}{{else}}none{{end}}|{{with .q}}x{{else}}none{{end}}", "{\"a\": {\"b\": 7}}");
    renders("1,2,|a=1;b=2;|empty", "{{range .m}}{{.}},{{end}}|{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}|{{range .none}}x{{else}}empty{{end}}", "{\"m\": {\"b\": 2, \"a\": 1}}");
    renders("ac", "{{range .l}}{{if eq . \"b\"}}{{continue}}{{end}}{{if eq . \"d\"}}{{break}}{{end}}{{.}}{{end}}", "{\"l\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}");
    renders("str-3-7- 2.50|%!d(json.Number=7)|1 2astr|str 1\n", "{{printf \"%s-%d-%v-%5.2f\" .s 3 .n 2.5}}|{{printf \"%d\" .n}}|{{print 1 2 \"a\" .s}}|{{println .s 1}}", "{\"s\": \"str\", \"n\": 7}");
    renders("3|3|1|5", "{{len .s}}|{{len .l}}|{{len .m}}|{{len .n}}", "{\"s\": \"h\u00e9\", \"l\": [1,2,3], \"m\": {\"a\": 1}, \"n\": 12345}");
    renders("y|1|<undefined>|q|65", "{{index .l 1}}|{{index .m \"a\"}}|{{index .m \"zz\"}}|{{index .mm \"a\" 0}}|{{index .s 0}}", "{\"l\": [\"x\", \"y\"], \"m\": {\"a\": 1}, \"mm\": {\"a\": [\"q\"]}, \"s\": \"AB\"}");
    renders("true|true|true|true|true|true|false|true", "{{eq .a \"x\"}}|{{eq .a \"y\" \"x\"}}|{{ne 1 2}}|{{lt 1 2}}|{{le 2 2}}|{{gt \"b\" \"a\"}}|{{ge 1.5 2.5}}|{{eq .n \"5\"}}", "{\"a\": \"x\", \"n\": 5}");
    renders("false|true", "{{eq .missing 1}}|{{eq .missing .alsomissing}}", "{}");
    renders("0|2|3||false|true", "{{and 1 0 2}}|{{and 1 2}}|{{or 0 \"\" 3}}|{{or 0 \"\"}}|{{not .a}}|{{not 0}}", "{\"a\": true}");
    renders("a1b|||c", "a  {{- .x -}}  b|{{/* comment */}}|{{- /* trimmed */ -}} |c", "{\"x\": 1}");
    renders("[1][<undefined>]|<2>", "{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .x}}{{template \"T\"}}|{{block \"B\" .y}}<{{.}}>{{end}}", "{\"x\": 1, \"y\": 2}");
    renders("2|3|map[a:map[b:3]]", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}|{{$y := .a}}{{$y.b}}|{{$}}", "{\"a\": {\"b\": 3}}");
    renders("&lt;a href=&#39;x&#39;&gt;&amp;&#34;y=1 \u00e9|\\u003Ca href\\u003D\\'x\\'\\u003E\\u0026\\\"y\\u003D1 \u00e9|%3Ca+href%3D%27x%27%3E%26%22y%3D1+%C3%A9|1 2", "{{html .h}}|{{js .h}}|{{urlquery .h}}|{{html 1 2}}", "{\"h\": \"<a href='x'>&\\\"y=1 \u00e9\"}");
    renders("el|[2 3]|hello", "{{slice .s 1 3}}|{{slice .l 1}}|{{slice .s}}", "{\"s\": \"hello\", \"l\": [1, 2, 3]}");
    renders("97|16|1000|-5|true|q\tq|raw", "{{'a'}}|{{0x10}}|{{1e3}}|{{-5}}|{{true}}|{{\"q\\tq\"}}|{{`raw`}}", "{}");
    renders("<undefined>", "{{.a | }}", "{}");
    renders("0:a 1:b ", "{{range $i, $e := .l}}{{$i}}:{{$e}} {{end}}", "{\"l\": [\"a\", \"b\"]}");
    renders("ab", "{{range $e := .l}}{{$e}}{{end}}", "{\"l\": [\"a\", \"b\"]}");
  }

  @Test
  void reportsTemplateErrorsAsGoDoes() {
    fails("template: template:1:4: executing \"template\" at <.n.x>: nil pointer evaluating interface {}.x", "{{.n.x}}", "{\"n\": null}");
    fails("template: template:1:4: executing \"template\" at <.s.x>: can't evaluate field x in type interface {}", "{{.s.x}}", "{\"s\": \"str\"}");
    fails("template: template:1:8: executing \"template\" at <.s>: range can't iterate over abc", "{{range .s}}x{{end}}", "{\"s\": \"abc\"}");
    fails("template: template:1:8: executing \"template\" at <.n>: range can't iterate over 5", "{{range .n}}x{{end}}", "{\"n\": 5}");
    fails("template: template:1:2: executing \"template\" at <len .b>: error calling len: len of type bool", "{{len .b}}", "{\"b\": true}");
    fails("template: template:1:2: executing \"template\" at <index .l 5>: error calling index: index out of range: 5", "{{index .l 5}}", "{\"l\": [\"x\", \"y\"]}");
    fails("template: template:1:2: executing \"template\" at <index .l .i>: error calling index: cannot index slice/array with type json.Number", "{{index .l .i}}", "{\"l\": [\"x\", \"y\"], \"i\": 1}");
    fails("template: template:1:2: executing \"template\" at <eq .n 5>: error calling eq: incompatible types for comparison", "{{eq .n 5}}", "{\"n\": 5}");
    fails("template: template:1:2: executing \"template\" at <lt .b true>: error calling lt: invalid type for comparison", "{{lt .b true}}", "{\"b\": true}");
    fails("template: template:1:53: executing \"template\" at <.a>: can't evaluate field b in type json.Number", "{{.a | printf \"%v!\"}}|{{\"x\" | printf \"%s%s\" \"y\"}}|{{(.a).b}}|{{(index .l 0).k}}", "{\"a\": 1, \"l\": [{\"k\": \"v\"}]}");
    fails("template: template:1:2: executing \"template\" at <.a>: a is not a method but has arguments", "{{.a 1}}", "{\"a\": 1}");
    fails("template: template:1:2: executing \"template\" at <nil>: nil is not a command", "{{nil}}", "{}");
    fails("template: template:1:2: executing \"template\" at <1>: can't give argument to non-function 1", "{{1 2}}", "{}");
    fails("template: template:1:9: executing \"template\" at <5>: expected string; found 5", "{{printf 5}}", "{}");
    fails("template: template:1:9: executing \"template\" at <.n>: wrong type for value; expected string; got json.Number", "{{printf .n}}", "{\"n\": 1}");
    fails("template: template:1:2: executing \"template\" at <len>: wrong number of args for len: want 1 got 0", "{{len}}", "{}");
    fails("template: template:1:2: executing \"template\" at <eq>: wrong number of args for eq: want at least 1 got 0", "{{eq}}", "{}");
    fails("template: template:1:11: executing \"template\" at <{{template \"nope\"}}>: template \"nope\" not defined", "{{template \"nope\"}}", "{}");
    fails("template: template:1: unclosed action", "{{.a", "{}");
    fails("template: template:1: unexpected EOF", "{{if .a}}x", "{}");
    fails("template: template:1: unexpected {{end}}", "{{end}}", "{}");
    fails("template: template:1: function \"foo\" not defined", "{{foo}}", "{}");
    fails("template: template:1: undefined variable \"$nope\"", "{{$nope}}", "{}");
    fails("template: template:1: {{break}} outside {{range}}", "{{break}}", "{}");
    fails("template: template:1: unclosed comment", "{{/* x }}", "{}");
    fails("template: template:1: unterminated quoted string", "{{\"abc}}", "{}");
    fails("template: template:1: unexpected \"#\" in command", "{{#}}", "{}");
    fails("template: template:1: missing value for if", "{{if}}{{end}}", "{}");
    fails("template: template:1: unclosed left paren", "{{(1}}", "{}");
    fails("template: template:1: unexpected \")\" in command", "{{1)}}", "{}");
    fails("template: template:2:10: executing \"template\" at <.a.b>: can't evaluate field b in type interface {}", "line1\nline2 {{.a.b}}", "{\"a\": 5}");
  }

  @Test
  void rejectsVariablesThatAreNotJson() {
    Value set = ObjectValue.builder().put("s", SetValue.of(StringValue.of("a"), StringValue.of("b"))).build();
    failsWith("invalid character ',' after object key", StringValue.of("{{.s}}"), set);
    Value single = ObjectValue.builder().put("s", SetValue.of(StringValue.of("a"))).build();
    failsWith("invalid character '}' after object key", StringValue.of("{{.s}}"), single);
    Value numbers = ObjectValue.builder().put("s", SetValue.of(NumberValue.of(1))).build();
    failsWith("invalid character '1' looking for beginning of object key string", StringValue.of("x"), numbers);
    Value empty = ObjectValue.builder().put("s", SetValue.EMPTY).build();
    failsWith("invalid character 's' looking for beginning of value", StringValue.of("x"), empty);
    Value numberKey = ObjectValue.builder().put(NumberValue.of(1), StringValue.of("a")).build();
    failsWith("invalid character '1' looking for beginning of object key string", StringValue.of("x"), numberKey);
    Value control = ObjectValue.builder().put("c", StringValue.of("\u0001")).build();
    failsWith("invalid character 'x' in string escape code", StringValue.of("x"), control);
  }

  @Test
  void boundsRecursionAndNesting() {
    fails("template: template:1:25: executing \"template\" at <{{template \"r\" .}}>: "
        + "exceeded maximum template depth (100)", "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", "{}");
    fails("template: template:1: max expression depth exceeded", "{{" + "(".repeat(5000) + "1" + ")".repeat(5000) + "}}", "{}");
    fails("template: template:1: max expression depth exceeded", "{{if 1}}".repeat(5000), "{}");
  }

  @Test
  void rangesOverIntegersAsNewerGoDoes() {
    renders("012|x", "{{range 3}}{{.}}{{end}}|{{range $i := 0}}{{$i}}{{else}}x{{end}}", "{}");
    fails("template: template:1:18: executing \"template\" at <2>: can't use 2 to iterate over more than one variable",
        "{{range $i, $e := 2}}{{end}}", "{}");
  }

  @Test
  void reusesParsedTemplates() {
    renders("a1", "a{{.x}}", "{\"x\": 1}");
    renders("a2", "a{{.x}}", "{\"x\": 2}");
  }

  @Test
  void rejectsWrongOperandTypes() {
    assertEquals("operand 1 must be string but got number",
        calls.failure("strings.render_template", NumberValue.of(1), ObjectValue.EMPTY).getMessage());
    assertEquals("operand 2 must be object but got set",
        calls.failure("strings.render_template", StringValue.of("x"), SetValue.EMPTY).getMessage());
  }
}
