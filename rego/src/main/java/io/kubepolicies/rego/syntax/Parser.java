package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.ast.Term;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Parses Rego source into the AST of {@link io.kubepolicies.rego.ast}. Every failure, whatever the
 * input, is a {@link RegoException} holding one {@code rego_parse_error} with its location.
 */
public final class Parser {
  private Parser() {}

  /** A module, in the given language version ({@link RegoVersion#V1} is OPA 1.x's default). */
  public static Module parseModule(String file, String source, RegoVersion version) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(version, "version");
    return run(file, () -> new ModuleParser(file, Lexer.lex(source), version).parseModule());
  }

  /** A Rego v1 query: expressions separated by {@code ;} or line breaks. */
  public static Body parseQuery(String source) {
    return run("", () -> new ModuleParser("", Lexer.lex(source), RegoVersion.V1).parseQuery());
  }

  /** One term in Rego literal syntax, such as {@code {1, 2}} (a set), {@code {}} (an object) or {@code set()}. */
  public static Term parseTerm(String source) {
    return run("", () -> new ModuleParser("", Lexer.lex(source), RegoVersion.V1).parseSingleTerm());
  }

  private static <T> T run(String file, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (SyntaxError e) {
      throw new RegoException(RegoError.PARSE, e.getMessage(), new Location(file, e.line(), e.column()));
    } catch (StackOverflowError e) {
      // The nesting cap keeps ordinary threads well clear of this; a thread with a tiny stack may not be.
      throw new RegoException(RegoError.PARSE, "input nests too deeply to parse", new Location(file, 1, 1));
    }
  }
}
