package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies and their expressions: terms, {@code x := y} and {@code x = y}, {@code not},
 * {@code some}, {@code every}, {@code with}, and, when the module imports them, the experimental
 * {@code and} and {@code or} with their groups.
 *
 * <p>How {@code and}/{@code or} map onto the AST ({@code not} binds tighter than {@code and}, which
 * binds tighter than {@code or}):
 * <ul>
 *   <li>{@code a or b and c} is one {@link Or} whose alternatives are the bodies {@code [a]} and
 *       {@code [b, c]};
 *   <li>an {@code and} outside any {@code or} adds its operands to the enclosing body one by one;
 *   <li>an explicit body {@code { ... }} used as an operand (or negated with {@code not}) is an
 *       {@link Or} with that body as its single alternative, so its variables stay inside it;
 *   <li>a parenthesised group contributes what it holds: its expressions, or its {@link Or};
 *       a trailing {@code with} applies to everything before it.
 * </ul>
 */
abstract class BodyParser extends TermParser {

  protected BodyParser(String file, Tokens tokens, KeywordSet keywords) {
    super(file, tokens, keywords);
  }

  /** Expressions separated by {@code ;} or line breaks, up to (not including) {@code end}. */
  @Override
  protected final Body parseBody(TokenKind end) {
    enter();
    try {
      Token first = peek();
      if (at(end)) {
        throw error(first, end == TokenKind.EOF ? "empty query" : "found empty body");
      }
      List<Expr> exprs = new ArrayList<>();
      while (true) {
        parseLiteral(exprs);
        if (at(TokenKind.SEMICOLON)) {
          advance();
          continue;
        }
        if (at(end)) {
          return new Body(exprs, location(first));
        }
        if (!peek().newlineBefore()) {
          throw unexpected(peek(), "expected \\n or ; or " + end.display);
        }
      }
    } finally {
      leave();
    }
  }

  /** One literal: usually one expression, more when it joins operands with {@code and}. */
  protected final void parseLiteral(List<Expr> into) {
    if (!keywords.logical()) {
      into.add(parsePlainLiteral());
      return;
    }
    Token start = peek();
    List<List<Expr>> alternatives = parseDisjunction();
    List<With> with = parseWith();
    into.addAll(combine(alternatives, with, location(start)));
  }

  /** {@code [not] expression [with ...]}, or {@code some}/{@code every}. */
  private Expr parsePlainLiteral() {
    Token start = peek();
    boolean negated = atKeyword("not");
    if (negated) {
      advance();
    }
    Expr expr = parseSimpleOperand(negated, start);
    List<With> with = parseWith();
    return with.isEmpty() ? expr : withModifiers(expr, with);
  }

  /** {@code some}, {@code every} or an expression; {@code negated} has been read already. */
  private Expr parseSimpleOperand(boolean negated, Token start) {
    if (atKeyword("some")) {
      if (negated) {
        throw unexpected(peek(), "illegal negation of 'some'");
      }
      return parseSome();
    }
    if (atKeyword("every")) {
      if (negated) {
        throw unexpected(peek(), "illegal negation of 'every'");
      }
      return parseEvery();
    }
    return new Expr(parseExpression(), negated, List.of(), location(start));
  }

  /** A term, or {@code lhs := rhs} / {@code lhs = rhs} as a call of {@code assign} / {@code eq}. */
  private TermStatement parseExpression() {
    Term lhs = parseInfix(true);
    if (at(TokenKind.ASSIGN) || at(TokenKind.EQ)) {
      Token op = advance();
      Term rhs = parseInfix(true);
      return new TermStatement(new Call(operatorRef(op), List.of(lhs, rhs), lhs.location()));
    }
    return new TermStatement(lhs);
  }

  private List<With> parseWith() {
    if (!atKeyword("with")) {
      return List.of();
    }
    List<With> modifiers = new ArrayList<>();
    while (atKeyword("with")) {
      Token with = advance();
      Token target = peek();
      if (!target.is(TokenKind.IDENT) || keywords.isKeyword(target.text())) {
        throw unexpected(target, "expected ident");
      }
      Term path = parseTerm();
      Ref ref;
      if (path instanceof Ref r) {
        ref = r;
      } else if (path instanceof Var) {
        ref = new Ref(List.of(path), path.location());
      } else {
        throw unexpected(target, "expected with target path");
      }
      if (!atKeyword("as")) {
        throw unexpected(peek(), "expected as keyword");
      }
      advance();
      modifiers.add(new With(ref, parseInfix(true), location(with)));
    }
    return modifiers;
  }

  /** {@code some x, y}, {@code some x in xs} or {@code some k, v in xs}. */
  private Expr parseSome() {
    Token some = advance();
    Location loc = location(some);
    Mark mark = mark();
    Term term;
    try {
      term = parseInfix(true);
    } catch (SyntaxError e) {
      term = null;
    }
    if (term != null && isMembership(term)) {
      return new Expr(new SomeDecl(List.of(term), loc), false, List.of(), loc);
    }
    if (term instanceof Call) {
      throw unexpected(peek(), "expected `x in xs` or `x, y in xs` expression");
    }
    reset(mark);
    List<Term> symbols = new ArrayList<>();
    while (true) {
      Token name = peek();
      if (!name.is(TokenKind.IDENT) || keywords.isKeyword(name.text())) {
        throw unexpected(name, "expected var");
      }
      symbols.add(variable(advance()));
      if (!at(TokenKind.COMMA)) {
        break;
      }
      advance();
    }
    if (peek().isWord("in") && !keywords.isKeyword("in")) {
      throw error(peek(), "unexpected identifier token: in is no keyword here"
          + " (hint: `import future.keywords.in` for `some x in xs` expressions)");
    }
    return new Expr(new SomeDecl(symbols, loc), false, List.of(), loc);
  }

  /** {@code every [k,] v in domain { body }}. */
  private Expr parseEvery() {
    Token every = advance();
    Term term = parseInfix(true);
    if (!isMembership(term)) {
      throw unexpected(peek(), "expected `x[, y] in xs { ... }` expression");
    }
    List<Term> args = ((Call) term).args();
    Term key = args.size() == 3 ? args.get(0) : null;
    Term value = args.get(args.size() - 2);
    Term domain = args.get(args.size() - 1);
    if (key != null && !(key instanceof Var)) {
      throw unexpected(peek(), "expected key to be a variable");
    }
    if (!(value instanceof Var)) {
      throw unexpected(peek(), "expected value to be a variable");
    }
    expect(TokenKind.LBRACE, "missing body");
    Body body = parseBody(TokenKind.RBRACE);
    advance();
    Location loc = location(every);
    return new Expr(new Every(key, value, domain, body, loc), false, List.of(), loc);
  }

  @Override
  protected final TemplateExpression parseTemplateExpression() {
    Token start = peek();
    if (atKeyword("not")) {
      throw error(start, "unexpected negation ('not') in template-string expression");
    }
    if (atKeyword("some") || atKeyword("every")) {
      throw error(start, "unexpected '" + start.text() + "' in template-string expression");
    }
    Term term = parseInfix(true);
    if (at(TokenKind.ASSIGN)) {
      throw error(start, "unexpected assignment (':=') in template-string expression");
    }
    if (at(TokenKind.EQ)) {
      throw error(start, "unexpected unification ('=') in template-string expression");
    }
    return new TemplateExpression(term, parseWith());
  }

  // ---- the experimental and/or grammar ----

  /** {@code conjunction (or conjunction)*}: each alternative is the expressions of one conjunction. */
  private List<List<Expr>> parseDisjunction() {
    List<List<Expr>> alternatives = new ArrayList<>();
    alternatives.add(parseConjunction(false));
    while (atKeyword("or")) {
      advance();
      alternatives.add(parseConjunction(true));
    }
    return alternatives;
  }

  private List<Expr> parseConjunction(boolean afterOperator) {
    List<Expr> exprs = new ArrayList<>(parseUnary(afterOperator));
    while (atKeyword("and")) {
      advance();
      exprs.addAll(parseUnary(true));
    }
    return exprs;
  }

  private List<Expr> parseUnary(boolean afterOperator) {
    Token start = peek();
    if (!atKeyword("not")) {
      return parseOperand(afterOperator, false, start);
    }
    advance();
    List<Expr> operand = parseOperand(false, true, start);
    Expr inner = operand.size() == 1 && !operand.get(0).negated()
        ? operand.get(0)
        : Expr.of(new Or(List.of(new Body(operand, operand.get(0).location())), location(start)), location(start));
    return List.of(new Expr(inner.statement(), true, inner.with(), location(start)));
  }

  /**
   * One operand. A {@code {} right after {@code and}/{@code or}/{@code not}, or before
   * {@code and}/{@code or}, opens an explicit body; elsewhere braces and parentheses are first read
   * as an ordinary term (a set, an object, a parenthesised term) and only failing that as a body or
   * a group.
   */
  private List<Expr> parseOperand(boolean afterOperator, boolean negated, Token start) {
    if (atKeyword("some") || atKeyword("every")) {
      return List.of(parseSimpleOperand(negated, start));
    }
    boolean groupsAllowed = negated ? keywords.notGrouping() : keywords.andOr();
    if (groupsAllowed && at(TokenKind.LBRACE)) {
      Token after = afterClosing();
      boolean logicFollows = after != null && (after.isWord("and") || after.isWord("or")) && keywords.andOr();
      if (afterOperator || negated || logicFollows) {
        return parseExplicitBody();
      }
      return ordinaryOr(start, this::parseExplicitBody);
    }
    if (groupsAllowed && at(TokenKind.LPAREN)) {
      return ordinaryOr(start, this::parseGroup);
    }
    return List.of(new Expr(parseExpression(), false, List.of(), location(start)));
  }

  /** Reads an ordinary expression, or else what {@code alternative} reads from the same place. */
  private List<Expr> ordinaryOr(Token start, Alternative alternative) {
    Mark mark = mark();
    SyntaxError ordinaryError;
    try {
      return List.of(new Expr(parseExpression(), false, List.of(), location(start)));
    } catch (SyntaxError e) {
      ordinaryError = e;
    }
    reset(mark);
    try {
      return alternative.parse();
    } catch (SyntaxError e) {
      throw furthest(ordinaryError, e);
    }
  }

  private interface Alternative {
    List<Expr> parse();
  }

  /** {@code { body }} as an operand: a scope of its own, so an {@link Or} of one alternative. */
  private List<Expr> parseExplicitBody() {
    Token open = advance();
    Body body = parseBody(TokenKind.RBRACE);
    advance();
    Location loc = location(open);
    return List.of(Expr.of(new Or(List.of(body), loc), loc));
  }

  /** {@code ( disjunction [with ...] )}. */
  private List<Expr> parseGroup() {
    enter();
    try {
      Token open = advance();
      List<List<Expr>> alternatives = parseDisjunction();
      List<With> with = parseWith();
      if (!at(TokenKind.RPAREN)) {
        throw at(TokenKind.ILLEGAL) ? unexpected(peek(), "") : error(peek(), "non-terminated expression");
      }
      advance();
      return combine(alternatives, with, location(open));
    } finally {
      leave();
    }
  }

  /** One alternative is a plain list of expressions; several make an {@link Or}. */
  private static List<Expr> combine(List<List<Expr>> alternatives, List<With> with, Location loc) {
    if (alternatives.size() == 1) {
      List<Expr> exprs = alternatives.get(0);
      if (with.isEmpty()) {
        return exprs;
      }
      List<Expr> modified = new ArrayList<>(exprs.size());
      exprs.forEach(e -> modified.add(withModifiers(e, with)));
      return modified;
    }
    List<Body> bodies = new ArrayList<>(alternatives.size());
    alternatives.forEach(exprs -> bodies.add(new Body(exprs, exprs.get(0).location())));
    return List.of(new Expr(new Or(bodies, loc), false, with, loc));
  }

  private static Expr withModifiers(Expr expr, List<With> with) {
    List<With> all = new ArrayList<>(expr.with());
    all.addAll(with);
    return new Expr(expr.statement(), expr.negated(), all, expr.location());
  }
}
