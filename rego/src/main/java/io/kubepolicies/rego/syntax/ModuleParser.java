package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Import;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Package;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whole inputs: a module ({@code package}, imports, rules, {@code # METADATA} annotations), a query,
 * or a single term. Imports take effect as they are read: {@code import future.keywords.in} makes
 * {@code in} a keyword for the rest of the module, {@code import rego.v1} turns a v0 module into v1
 * syntax.
 */
final class ModuleParser extends RuleParser {
  private static final Set<String> IMPORT_ROOTS = Set.of("data", "input", "future", "rego");

  private final RegoVersion version;
  private final List<Comment> comments;

  ModuleParser(String file, Tokens tokens, RegoVersion version) {
    super(file, tokens, KeywordSet.of(version));
    this.version = version;
    this.comments = tokens.comments();
    this.v1Checks = version == RegoVersion.V1;
  }

  Module parseModule() {
    if (at(TokenKind.EOF)) {
      throw error(new Location(file, 1, 1), "empty module");
    }
    if (!atKeyword("package")) {
      throw at(TokenKind.ILLEGAL) ? unexpected(peek(), "") : error(peek(), "package expected");
    }
    Package pkg = parsePackage();
    List<Import> imports = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    List<Annotator.Statement> statements = new ArrayList<>();
    statements.add(new Annotator.Statement(pkg.location().line(), -1, false));
    while (!at(TokenKind.EOF)) {
      Token t = peek();
      if (atKeyword("package")) {
        throw error(t, "unexpected package");
      }
      if (atKeyword("import")) {
        imports.add(parseImport());
        statements.add(new Annotator.Statement(t.line(), -1, true));
        continue;
      }
      for (Rule rule : parseRules()) {
        statements.add(new Annotator.Statement(rule.location().line(), rules.size(), false));
        rules.add(rule);
      }
    }
    Annotator annotator = new Annotator(file, MetadataParser.blocks(file, comments), statements);
    // A v0 module importing rego.v1 is held to v1's rules, so the compiler treats it as v1.
    RegoVersion effective = v1Checks ? RegoVersion.V1 : version;
    return new Module(file, pkg, imports, annotator.annotate(rules), annotator.moduleAnnotations(), effective);
  }

  Body parseQuery() {
    return parseBody(TokenKind.EOF);
  }

  Term parseSingleTerm() {
    if (at(TokenKind.EOF)) {
      throw error(peek(), "empty term");
    }
    Term term = parseInfix(false);
    if (term instanceof Call) {
      throw error(term.location(), "expected a term but got a call");
    }
    if (!at(TokenKind.EOF)) {
      throw unexpected(peek(), "expected end of term");
    }
    return term;
  }

  /** {@code package a.b}: the path becomes {@code data.a.b}; any word, keywords included, may be a part of it. */
  private Package parsePackage() {
    Token keyword = advance();
    List<Term> path = parsePath();
    Var first = (Var) path.get(0);
    List<Term> full = new ArrayList<>(path.size() + 1);
    full.add(new Var("data", first.location()));
    full.add(new Scalar(StringValue.of(first.name()), first.location()));
    full.addAll(path.subList(1, path.size()));
    return new Package(new Ref(full, first.location()), location(keyword));
  }

  private Import parseImport() {
    Token keyword = advance();
    List<Term> path = parsePath();
    Location loc = path.get(0).location();
    String root = ((Var) path.get(0)).name();
    if (!IMPORT_ROOTS.contains(root)) {
      throw error(loc, "unexpected import path, must begin with one of: {data, future, input, rego}, got: " + root);
    }
    String alias = null;
    if (atKeyword("as")) {
      advance();
      Token name = peek();
      if (!name.is(TokenKind.IDENT) || keywords.isKeyword(name.text())) {
        throw unexpected(name, "expected var");
      }
      alias = advance().text();
    }
    Ref ref = new Ref(path, loc);
    switch (root) {
      case "future":
        futureImport(ref, alias);
        break;
      case "rego":
        regoImport(ref, alias);
        break;
      default:
        String last = path.size() == 1 ? root : ((StringValue) ((Scalar) path.get(path.size() - 1)).value()).value();
        if (alias == null && KeywordSet.isVersionKeyword(last, version)) {
          throw error(path.get(path.size() - 1).location(), "unexpected import path, must not end with a keyword, got: "
              + last + " (hint: import a different path or use an alias)");
        }
    }
    return new Import(ref, alias, location(keyword));
  }

  private void futureImport(Ref path, String alias) {
    Location loc = path.location();
    if (path.size() == 1 || !stringAt(path, 1).equals("keywords")) {
      throw error(loc, "invalid import, must be `future.keywords`");
    }
    if (alias != null) {
      throw error(loc, "`future` imports cannot be aliased");
    }
    if (path.size() == 2) {
      keywords.enableAll();
      return;
    }
    if (path.size() > 3) {
      throw error(loc, "invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`");
    }
    String keyword = stringAt(path, 2);
    if (!KeywordSet.FUTURE.contains(keyword)) {
      throw error(loc, "unexpected keyword, must be one of [" + String.join(" ", KeywordSet.FUTURE) + "]");
    }
    keywords.enable(keyword);
  }

  private void regoImport(Ref path, String alias) {
    Location loc = path.location();
    if (path.size() != 2 || !stringAt(path, 1).equals("v1")) {
      StringBuilder written = new StringBuilder("rego");
      for (int i = 1; i < path.size(); i++) {
        written.append('.').append(stringAt(path, i));
      }
      throw error(loc, "invalid import `" + written + "`, must be `rego.v1`");
    }
    if (version == RegoVersion.V0) {
      if (alias != null) {
        throw error(loc, "`rego` imports cannot be aliased");
      }
      keywords.enableV1();
      v1Checks = true;
    }
  }

  private static String stringAt(Ref path, int i) {
    return ((StringValue) ((Scalar) path.get(i)).value()).value();
  }

  /**
   * A package or import path: a word (keywords too) followed by {@code .name} or {@code ["name"]}
   * parts; anything but a string in brackets is an error, as in OPA.
   */
  private List<Term> parsePath() {
    Token first = peek();
    if (!first.is(TokenKind.IDENT)) {
      throw unexpected(first, "");
    }
    advance();
    List<Term> path = new ArrayList<>();
    path.add(new Var(first.text(), location(first)));
    while (peek().continuesRef()) {
      if (advance().is(TokenKind.DOT)) {
        Token name = peek();
        if (!name.is(TokenKind.IDENT) || name.spaceBefore()) {
          throw unexpected(name, "expected ident");
        }
        advance();
        path.add(new Scalar(StringValue.of(name.text()), location(name)));
      } else {
        Term index = parseInfix(true);
        expect(TokenKind.RBRACK, "expected ]");
        if (!(index instanceof Scalar s && s.value() instanceof StringValue)) {
          throw error(index.location(), "unexpected " + index.typeName() + " token: expecting string");
        }
        path.add(index);
      }
    }
    return path;
  }
}
