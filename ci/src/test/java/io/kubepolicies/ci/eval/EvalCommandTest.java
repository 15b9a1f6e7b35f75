package io.kubepolicies.ci.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.rego.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir
  Path dir;

  @Test
  void printsTheResultSetLikeOpaEval() throws IOException {
    Files.writeString(dir.resolve("p.rego"), "package p\nallow if input.user == \"alice\"\n");
    Files.writeString(dir.resolve("input.json"), "{\"user\": \"alice\"}");
    Cli.Run run = Cli.run("eval", "-d", dir.resolve("p.rego").toString(), "-i", dir.resolve("input.json").toString(),
        "data.p.allow");
    assertEquals(0, run.exit(), run.err());
    assertEquals(Json.parse("{\"result\": [{\"expressions\": [{\"value\": true, \"text\": \"data.p.allow\"}]}]}"),
        Json.parse(run.out()));
  }

  @Test
  void reportsBindingsAndAnEmptyObjectWhenUndefined() throws IOException {
    Cli.Run bound = Cli.run("eval", "x := [1, 2][_]");
    assertEquals(Json.parse("""
        {"result": [{"expressions": [{"value": true, "text": "x := [1, 2][_]"}], "bindings": {"x": 1}},
                    {"expressions": [{"value": true, "text": "x := [1, 2][_]"}], "bindings": {"x": 2}}]}"""),
        Json.parse(bound.out()));
    Cli.Run undefined = Cli.run("eval", "1 == 2");
    assertEquals(0, undefined.exit());
    assertEquals(Json.parse("{}"), Json.parse(undefined.out()));
  }

  @Test
  void loadsDataFilesAndYamlInput() throws IOException {
    Files.writeString(dir.resolve("data.json"), "{\"limits\": {\"max\": 3}}");
    Files.writeString(dir.resolve("input.yaml"), "n: 5\n");
    Cli.Run run = Cli.run("eval", "-d", dir.toString(), "-i", dir.resolve("input.yaml").toString(),
        "x := input.n > data.limits.max");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("\"x\": true"), run.out());
  }

  @Test
  void syntaxErrorsPrintTheLocationAndExitOne() throws IOException {
    Files.writeString(dir.resolve("bad.rego"), "package p\nallow if {\n  input.x ==\n");
    Cli.Run run = Cli.run("eval", "-d", dir.resolve("bad.rego").toString(), "data.p.allow");
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith(dir.resolve("bad.rego") + ":"), run.err());
    assertTrue(run.err().contains("rego_parse_error"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void queryErrorsCompileErrorsAndBuiltinErrors() throws IOException {
    assertTrue(Cli.run("eval", "x := ").err().contains("1:6: rego_parse_error"));
    Cli.Run unsafe = Cli.run("eval", "y > 1");
    assertEquals(1, unsafe.exit());
    assertTrue(unsafe.err().contains("rego_unsafe_var_error: var y is unsafe"), unsafe.err());
    Cli.Run strict = Cli.run("eval", "--strict-builtin-errors", "x := 1 / 0");
    assertEquals(1, strict.exit());
    assertTrue(strict.err().contains("eval_builtin_error: div: divide by zero"), strict.err());
  }

  @Test
  void missingFilesAndMalformedInputAreClearErrors() throws IOException {
    Cli.Run missing = Cli.run("eval", "-d", dir.resolve("nope.rego").toString(), "true");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no such file or directory"), missing.err());
    Files.writeString(dir.resolve("input.json"), "{\"a\": ");
    Cli.Run malformed = Cli.run("eval", "-i", dir.resolve("input.json").toString(), "input.a");
    assertEquals(1, malformed.exit());
    assertTrue(malformed.err().contains("invalid JSON"), malformed.err());
  }
}
