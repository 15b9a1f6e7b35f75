package io.kubepolicies.rego.syntax;

import static io.kubepolicies.rego.syntax.ParserTest.error;
import static io.kubepolicies.rego.syntax.ParserTest.moduleError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Whatever the input, the parser answers with a module or a located rego_parse_error, nothing else. */
class MalformedInputTest {
  private static final String POLICY = """
      # METADATA
      # title: Containers
      package k8s.admission
      import future.keywords.and
      import data.lib.images as img

      default allow := false

      deny contains msg if {
        some i, c in input.request.object.spec.containers
        not startswith(c.image, "registry.example.com/")
        msg := sprintf("container %d image %v: %s", [i, c.image, `raw \\ text`])
      }

      allowed_ports := {80, 443} | {8080}
      labels[k] := v if { some k, v in input.labels; v != "" }
      f(x, _) := y if { y := x * 2 + -1.5e2 } else := 0
      ok if every p in input.ports { p in allowed_ports } and count(deny) == 0
      g := $"{count(deny)} {[x | x := [1, 2][_]]} \\{x} done"
      h := {k: [v] | k := "a"; v := {"x": null, "y": true}}
      """;

  private static void assertParseErrorOrModule(String source, RegoVersion version) {
    try {
      Parser.parseModule("f.rego", source, version);
    } catch (RegoException e) {
      RegoError err = e.first();
      assertEquals(RegoError.PARSE, err.code());
      assertFalse(err.message().isBlank());
      assertNotNull(err.location());
      assertEquals("f.rego", err.location().file());
      assertTrue(err.location().line() >= 1 && err.location().column() >= 1, err::describe);
    } catch (RuntimeException | Error e) {
      fail("unexpected " + e + " for input:\n" + source, e);
    }
  }

  @Test
  void parsesTheSamplePolicy() {
    assertEquals(8, Parser.parseModule("f.rego", POLICY, RegoVersion.V1).rules().size());
  }

  @Test
  void reportsEveryTruncationAsAParseError() {
    for (int end = 0; end < POLICY.length(); end++) {
      assertParseErrorOrModule(POLICY.substring(0, end), RegoVersion.V1);
    }
  }

  @Test
  void survivesSingleCharacterDamageAnywhere() {
    Random random = new Random(42);
    String alphabet = "{}[]()\"`$#.,;:=|&!<>+-*/%_ \n\taz09\\\0\uD800é";
    for (int i = 0; i < POLICY.length(); i++) {
      String deleted = POLICY.substring(0, i) + POLICY.substring(i + 1);
      assertParseErrorOrModule(deleted, RegoVersion.V1);
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      assertParseErrorOrModule(POLICY.substring(0, i) + c + POLICY.substring(i), RegoVersion.V0);
    }
  }

  @Test
  void survivesRandomTokenSoup() {
    Random random = new Random(7);
    String[] pieces = {"package", "p", "import", "data.x", "if", "contains", "else", "default", "not", "some", "every",
        "in", "with", "as", "and", "or", "x", "_", ":=", "=", "==", "{", "}", "[", "]", "(", ")", "|", ",", ";", "\n",
        "1", "-", ".", "\"s\"", "$\"t{", "}\"", "`r`", "# METADATA\n# title: t\n", "f(", "set()", "true", "null"};
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder(random.nextBoolean() ? "package p\n" : "");
      int n = 1 + random.nextInt(30);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? "" : " ");
      }
      assertParseErrorOrModule(sb.toString(), i % 2 == 0 ? RegoVersion.V1 : RegoVersion.V0);
    }
  }

  @Test
  void survivesBinaryGarbage() {
    Random random = new Random(3);
    for (int i = 0; i < 500; i++) {
      char[] chars = new char[random.nextInt(200)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) random.nextInt(random.nextBoolean() ? 128 : 0x10000);
      }
      assertParseErrorOrModule("package p\n" + new String(chars), RegoVersion.V1);
      assertParseErrorOrModule(new String(chars), RegoVersion.V1);
    }
  }

  @Test
  void capsNestingDepthWithAClearError() {
    int deep = 100_000;
    String[][] shapes = {
        {"[", "]"}, {"(", ")"}, {"{\"a\": ", "}"}, {"[y | y = ", "]"}, {"f(", ")"}, {"$\"{", "}\""}, {"a[", "]"},
        {"{", "}"},
    };
    for (String[] shape : shapes) {
      String source = "package p\nx := " + shape[0].repeat(deep) + "1" + shape[1].repeat(deep);
      assertEquals("max parsing recursion depth exceeded", moduleError(source).replaceFirst("^\\S+ ", ""), shape[0]);
    }
    String bodies = "package p\np if { " + "every x in y { ".repeat(deep) + "}".repeat(deep + 1);
    assertEquals("max parsing recursion depth exceeded", moduleError(bodies).replaceFirst("^\\S+ ", ""));
    String logic = "package p\nimport future.keywords.and\np if { " + "(a and ".repeat(deep) + ")".repeat(deep) + " }";
    assertEquals("max parsing recursion depth exceeded", moduleError(logic).replaceFirst("^\\S+ ", ""));
  }

  @Test
  void parsesReasonableNestingOnASmallStack() throws InterruptedException {
    String nested = "package p\nx := " + "[y | y = {\"a\": (".repeat(40) + "1" + ")}]".repeat(40);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        Parser.parseModule("f.rego", nested, RegoVersion.V1);
        Parser.parseModule("f.rego", "package p\nx := " + "[".repeat(100_000), RegoVersion.V1);
      } catch (RegoException expected) {
        assertEquals("max parsing recursion depth exceeded", expected.first().message());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (failure.get() != null) {
      fail(failure.get());
    }
  }

  @Test
  void reportsStrayClosingTokens() {
    assertEquals("m.rego:2:1 unexpected } token", moduleError("package p\n}"));
    assertEquals("m.rego:2:8 unexpected ) token", moduleError("package p\np := 1 )"));
    assertEquals("m.rego:2:6 unexpected ] token", moduleError("package p\np := ]"));
    assertEquals("m.rego:2:1 unexpected ; token", moduleError("package p\n; p := 1"));
  }

  @Test
  void reportsUnterminatedInputAtItsStart() {
    assertEquals("m.rego:2:6 non-terminated string", moduleError("package p\np := \"abc\nq := 1"));
    assertEquals("m.rego:2:6 non-terminated string", moduleError("package p\np := `abc"));
    // A template string continues at the brace that closes an expression.
    assertEquals("m.rego:2:11 non-terminated string", moduleError("package p\np := $\"a{1}b"));
    assertEquals("m.rego:2:11 unexpected eof token", moduleError("package p\np := [1, {"));
  }

  @Test
  void prefersAnEarlierSyntaxErrorToALaterUnreadableCharacter() {
    assertEquals("m.rego:2:3 unexpected identifier token", moduleError("package p\np q\nr := \"\0\""));
  }

  @Test
  void reportsIllegalCharactersInQueriesAndTerms() {
    assertEquals("1:5 illegal character '@'", error(() -> Parser.parseQuery("x = @")));
    assertEquals("1:2 illegal null character", error(() -> Parser.parseTerm("[\0]")));
  }
}
