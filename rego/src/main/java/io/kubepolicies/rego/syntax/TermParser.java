package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.ast.With;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Terms: scalars, variables, references, calls, composites, comprehensions, template strings and
 * infix operators (desugared into calls of OPA's built-ins, with OPA's precedence: membership
 * binds loosest, then comparison, {@code |}, {@code &}, {@code + -}, {@code * / %}).
 *
 * <p>Some Rego is ambiguous until later tokens are seen ({@code [x | y]} is a comprehension or an
 * array holding {@code x | y}); like OPA, the parser tries one reading, and on failure rewinds to a
 * {@link Mark} and tries the other. Primary terms are memoised by position so that rewinding never
 * costs more than linear work per nesting level.
 */
abstract class TermParser extends TokenCursor {
  /** OPA's limit on a number's binary exponent, 1e5, in decimal digits. */
  private static final int MAX_DECIMAL_EXPONENT = 30103;

  private int wildcards;
  private Term[] memoTerms;
  private int[] memoEnds;
  private int[] memoWildcardsBefore;
  private int[] memoWildcardsAfter;

  /** A point to rewind to. */
  protected record Mark(int pos, int wildcards) {}

  /** What a template string's braces hold: a term and its {@code with} modifiers. */
  protected record TemplateExpression(Term term, List<With> with) {}

  protected TermParser(String file, Tokens tokens, KeywordSet keywords) {
    super(file, tokens, keywords);
  }

  /** Parses expressions up to, not including, {@code end}. */
  protected abstract Body parseBody(TokenKind end);

  /** Parses the expression inside a template string's braces. */
  protected abstract TemplateExpression parseTemplateExpression();

  protected final Mark mark() {
    return new Mark(pos, wildcards);
  }

  protected final void reset(Mark mark) {
    pos = mark.pos();
    wildcards = mark.wildcards();
  }

  /** The error of whichever attempt got further into the input: it names the real problem. */
  protected static SyntaxError furthest(SyntaxError first, SyntaxError second) {
    return second.tokenIndex() >= first.tokenIndex() ? second : first;
  }

  /**
   * A term with infix operators. With {@code keyVal}, {@code k, v in xs} is one membership term;
   * in lists (arrays, sets, objects, arguments) the comma separates elements instead.
   */
  protected final Term parseInfix(boolean keyVal) {
    enter();
    try {
      Term lhs = parseBinary(1);
      if (keyVal && at(TokenKind.COMMA)) {
        Mark mark = mark();
        advance();
        try {
          Term value = parseBinary(1);
          if (atKeyword("in")) {
            Token in = advance();
            Term domain = parseBinary(1);
            lhs = new Call(memberRef(in, "member_3"), List.of(lhs, value, domain), lhs.location());
          } else {
            reset(mark);
          }
        } catch (SyntaxError e) {
          reset(mark);
        }
      }
      while (atKeyword("in")) {
        Token in = advance();
        Term domain = parseBinary(1);
        lhs = new Call(memberRef(in, "member_2"), List.of(lhs, domain), lhs.location());
      }
      return lhs;
    } finally {
      leave();
    }
  }

  /** Left-associative binary operators binding at least as tightly as {@code minPrecedence}. */
  private Term parseBinary(int minPrecedence) {
    Term lhs = parseTerm();
    while (true) {
      int precedence = peek().kind().precedence;
      if (precedence == 0 || precedence < minPrecedence) {
        return lhs;
      }
      Token op = advance();
      Term rhs = parseBinary(precedence + 1);
      lhs = new Call(operatorRef(op), List.of(lhs, rhs), lhs.location());
    }
  }

  /** A primary term with any {@code .name}, {@code [index]} and {@code (args)} after it. */
  protected final Term parseTerm() {
    int start = pos;
    if (memoTerms != null && memoTerms[start] != null && memoWildcardsBefore[start] == wildcards) {
      pos = memoEnds[start];
      wildcards = memoWildcardsAfter[start];
      return memoTerms[start];
    }
    int wildcardsBefore = wildcards;
    enter();
    try {
      Term term = finishTerm(parsePrimary());
      remember(start, wildcardsBefore, term);
      return term;
    } finally {
      leave();
    }
  }

  private void remember(int start, int wildcardsBefore, Term term) {
    if (memoTerms == null) {
      int size = tokenCount();
      memoTerms = new Term[size];
      memoEnds = new int[size];
      memoWildcardsBefore = new int[size];
      memoWildcardsAfter = new int[size];
    }
    memoTerms[start] = term;
    memoEnds[start] = pos;
    memoWildcardsBefore[start] = wildcardsBefore;
    memoWildcardsAfter[start] = wildcards;
  }

  private Term parsePrimary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER:
        return number(t, "");
      case MINUS:
        return signedNumber();
      case DOT:
        advance();
        return fraction(t, ".");
      case STRING:
        advance();
        return new Scalar(StringValue.of(t.text()), location(t));
      case TEMPLATE_WHOLE:
      case TEMPLATE_HEAD:
        return parseTemplate();
      case IDENT:
        return parseWord();
      case LBRACK:
        return parseArray();
      case LBRACE:
        return parseSetOrObject();
      case LPAREN:
        return parseParenthesized();
      default:
        throw unexpected(t, "");
    }
  }

  /** A word in term position: a variable, {@code true}, {@code false}, {@code null}, or a keyword misplaced. */
  private Term parseWord() {
    Token t = peek();
    if (keywords.isKeyword(t.text()) && !peekAt(1).continuesRef()) {
      switch (t.text()) {
        case "true":
          advance();
          return new Scalar(BooleanValue.TRUE, location(t));
        case "false":
          advance();
          return new Scalar(BooleanValue.FALSE, location(t));
        case "null":
          advance();
          return new Scalar(NullValue.NULL, location(t));
        case "contains":
          // Only rule heads give `contains` a meaning; elsewhere it names the built-in.
          break;
        default:
          throw unexpected(t, "");
      }
    }
    return variable(advance());
  }

  /** A variable; each {@code _} becomes a fresh wildcard {@code $n}. */
  protected final Var variable(Token t) {
    return new Var(t.text().equals("_") ? nextWildcard() : t.text(), location(t));
  }

  protected final String nextWildcard() {
    return "$" + wildcards++;
  }

  private Term signedNumber() {
    Token minus = advance();
    Token next = peek();
    if (next.is(TokenKind.NUMBER)) {
      return number(minus, "-");
    }
    if (next.is(TokenKind.DOT)) {
      advance();
      return fraction(minus, "-.");
    }
    throw unexpected(next, "expected number");
  }

  private Term fraction(Token start, String prefix) {
    if (!at(TokenKind.NUMBER)) {
      throw unexpected(peek(), "expected number");
    }
    return number(start, prefix);
  }

  /** The number token at {@code pos}, written after {@code prefix} ({@code -}, {@code .}, {@code -.}). */
  private Term number(Token start, String prefix) {
    Token digits = peek();
    String lit = digits.text();
    if (!prefix.endsWith(".") && lit.length() > 1 && lit.charAt(0) == '0') {
      char second = lit.charAt(1);
      if (second != '.' && !((second == 'e' || second == 'E') && lit.length() > 2)) {
        throw unexpected(digits, "expected number without leading zero");
      }
    }
    advance();
    String text = prefix + lit;
    return new Scalar(numberValue(text, start), location(start));
  }

  private NumberValue numberValue(String text, Token start) {
    boolean plainInteger = text.length() < 19 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    if (plainInteger) {
      return NumberValue.parse(text);
    }
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e >= 0 && text.length() - e > 10) {
      throw error(start, "number too big");
    }
    BigDecimal value = new BigDecimal(text);
    long magnitude = (long) value.precision() - value.scale();
    if (value.signum() != 0 && Math.abs(magnitude) > MAX_DECIMAL_EXPONENT) {
      throw error(start, "number too big");
    }
    return NumberValue.of(value);
  }

  /** After a primary term: references, calls and indexing, which must follow without whitespace. */
  private Term finishTerm(Term head) {
    if (!peek().continuesTerm()) {
      return rootDocument(head);
    }
    checkRefHead(head);
    Location loc = head.location();
    List<Term> path = new ArrayList<>();
    path.add(head);
    while (peek().continuesTerm()) {
      Token t = advance();
      if (!appendRefStep(t, path)) {
        Term call = parseCall(new Ref(path, loc), loc);
        if (!peek().continuesRef()) {
          return call;
        }
        path = new ArrayList<>();
        path.add(call);
      }
    }
    return new Ref(path, loc);
  }

  /** {@code data} and {@code input} on their own are references to the root documents. */
  private static Term rootDocument(Term term) {
    if (term instanceof Var v && (v.name().equals("data") || v.name().equals("input"))) {
      return new Ref(List.of(term), term.location());
    }
    return term;
  }

  private void checkRefHead(Term head) {
    if (head instanceof Scalar || head instanceof Ref || head instanceof TemplateString) {
      throw error(head.location(), "illegal ref (head cannot be " + head.typeName() + ")");
    }
  }

  /** The arguments of a call whose {@code (} has just been read; {@code set()} is the empty set. */
  private Term parseCall(Ref operator, Location loc) {
    if (at(TokenKind.RPAREN)) {
      advance();
      if (operator.size() == 1 && operator.head() instanceof Var v && v.name().equals("set")) {
        return new SetTerm(List.of(), loc);
      }
      return new Call(operator, List.of(), loc);
    }
    return new Call(operator, parseTermList(TokenKind.RPAREN, new ArrayList<>()), loc);
  }

  /** Comma-separated terms up to and including {@code end}; a trailing comma is allowed. */
  protected final List<Term> parseTermList(TokenKind end, List<Term> items) {
    if (at(end)) {
      advance();
      return items;
    }
    while (true) {
      items.add(parseInfix(false));
      if (at(end)) {
        advance();
        return items;
      }
      if (!at(TokenKind.COMMA)) {
        throw unexpected(peek(), "expected \",\" or \"" + end.display + "\"");
      }
      advance();
      if (at(end)) {
        advance();
        return items;
      }
    }
  }

  private Term parseArray() {
    Location loc = location(advance());
    if (at(TokenKind.RBRACK)) {
      advance();
      return new ArrayTerm(List.of(), loc);
    }
    // A leading comma, as in [, x], rules out a comprehension (OPA accepts it for compatibility).
    boolean comprehension = !at(TokenKind.COMMA);
    if (!comprehension) {
      advance();
    }
    Mark mark = mark();
    // Comprehension heads are plain terms, so `[x | y]` is a comprehension and not `x | y`.
    Term head = parseTerm();
    if (at(TokenKind.RBRACK)) {
      advance();
      return new ArrayTerm(List.of(head), loc);
    }
    if (at(TokenKind.COMMA)) {
      advance();
      return new ArrayTerm(parseTermList(TokenKind.RBRACK, listOf(head)), loc);
    }
    if (at(TokenKind.BAR) && comprehension) {
      Body body = comprehensionBody(TokenKind.RBRACK);
      if (body != null) {
        return new ArrayComprehension(head, body, loc);
      }
    }
    reset(mark);
    return new ArrayTerm(parseTermList(TokenKind.RBRACK, new ArrayList<>()), loc);
  }

  private Term parseSetOrObject() {
    Location loc = location(advance());
    if (at(TokenKind.RBRACE)) {
      advance();
      return new ObjectTerm(List.of(), loc);
    }
    boolean comprehension = !at(TokenKind.COMMA);
    if (!comprehension) {
      advance();
    }
    Mark mark = mark();
    Term head = parseTerm();
    if ((at(TokenKind.BAR) && comprehension) || at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
      return finishSet(mark, head, comprehension, loc);
    }
    if (at(TokenKind.COLON)) {
      return finishObject(head, comprehension, loc);
    }
    reset(mark);
    head = parseInfix(false);
    if (at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
      return finishSet(mark, head, false, loc);
    }
    if (at(TokenKind.COLON)) {
      return finishObject(head, comprehension, loc);
    }
    throw unexpected(peek(), "non-terminated set");
  }

  private Term finishSet(Mark mark, Term head, boolean comprehension, Location loc) {
    if (at(TokenKind.RBRACE)) {
      advance();
      return new SetTerm(List.of(head), loc);
    }
    if (at(TokenKind.COMMA)) {
      advance();
      return new SetTerm(parseTermList(TokenKind.RBRACE, listOf(head)), loc);
    }
    Body body = comprehensionBody(TokenKind.RBRACE);
    if (body != null) {
      return new SetComprehension(head, body, loc);
    }
    reset(mark);
    return new SetTerm(parseTermList(TokenKind.RBRACE, new ArrayList<>()), loc);
  }

  /** After {@code key :}: an object literal or an object comprehension. */
  private Term finishObject(Term key, boolean comprehension, Location loc) {
    advance();
    Mark mark = mark();
    Term value = parseTerm();
    SyntaxError comprehensionError = null;
    if (comprehension && (at(TokenKind.RBRACE) || at(TokenKind.COMMA))) {
      return finishObjectLiteral(key, value, loc);
    }
    if (comprehension && at(TokenKind.BAR)) {
      advance();
      try {
        Body body = parseBody(TokenKind.RBRACE);
        advance();
        return new ObjectComprehension(key, value, body, loc);
      } catch (SyntaxError e) {
        comprehensionError = e;
      }
    }
    reset(mark);
    try {
      value = parseInfix(false);
      if (at(TokenKind.RBRACE) || at(TokenKind.COMMA)) {
        return finishObjectLiteral(key, value, loc);
      }
      throw unexpected(peek(), "non-terminated object");
    } catch (SyntaxError e) {
      throw comprehensionError == null ? e : furthest(comprehensionError, e);
    }
  }

  private Term finishObjectLiteral(Term key, Term value, Location loc) {
    List<ObjectTerm.Entry> entries = new ArrayList<>();
    entries.add(new ObjectTerm.Entry(key, value));
    if (at(TokenKind.RBRACE)) {
      advance();
      return new ObjectTerm(entries, loc);
    }
    advance();
    while (!at(TokenKind.RBRACE)) {
      Term k = parseInfix(false);
      expect(TokenKind.COLON, "expected \":\"");
      entries.add(new ObjectTerm.Entry(k, parseInfix(false)));
      if (at(TokenKind.RBRACE)) {
        break;
      }
      if (!at(TokenKind.COMMA)) {
        throw unexpected(peek(), "expected \",\" or \"}\"");
      }
      advance();
    }
    advance();
    return new ObjectTerm(entries, loc);
  }

  /**
   * The body after a comprehension's {@code |}, with the closing bracket read; null when it does not
   * parse and a comma follows, which makes the brackets a list holding a {@code |} call instead.
   */
  private Body comprehensionBody(TokenKind end) {
    advance();
    try {
      Body body = parseBody(end);
      advance();
      return body;
    } catch (SyntaxError e) {
      if (!at(TokenKind.COMMA)) {
        throw e;
      }
      return null;
    }
  }

  private Term parseParenthesized() {
    advance();
    Term inner = parseInfix(true);
    if (!at(TokenKind.RPAREN)) {
      throw at(TokenKind.ILLEGAL) ? unexpected(peek(), "") : error(peek(), "non-terminated expression");
    }
    advance();
    return inner;
  }

  private Term parseTemplate() {
    Token first = advance();
    List<Term> parts = new ArrayList<>();
    List<List<With>> modifiers = new ArrayList<>();
    addTemplateText(first, parts, modifiers);
    Token text = first;
    while (!text.is(TokenKind.TEMPLATE_WHOLE) && !text.is(TokenKind.TEMPLATE_TAIL)) {
      if (peek().kind().isTemplateContinuation()) {
        throw error(peek(), "empty expression in template string");
      }
      TemplateExpression expression = parseTemplateExpression();
      parts.add(expression.term());
      modifiers.add(expression.with());
      text = peek();
      if (!text.kind().isTemplateContinuation()) {
        throw text.is(TokenKind.ILLEGAL)
            ? unexpected(text, "")
            : error(text, "expected } to end template string expression");
      }
      advance();
      addTemplateText(text, parts, modifiers);
    }
    return new TemplateString(parts, modifiers, location(first));
  }

  private void addTemplateText(Token t, List<Term> parts, List<List<With>> modifiers) {
    if (!t.text().isEmpty()) {
      parts.add(new Scalar(StringValue.of(t.text()), location(t)));
      modifiers.add(List.of());
    }
  }

  /** The reference an infix operator calls, such as {@code plus} for {@code +}. */
  protected final Ref operatorRef(Token op) {
    Location loc = location(op);
    return new Ref(List.of(new Var(op.kind().builtin, loc)), loc);
  }

  private Ref memberRef(Token in, String name) {
    Location loc = location(in);
    return new Ref(List.of(new Var("internal", loc), new Scalar(StringValue.of(name), loc)), loc);
  }

  /** Whether {@code term} is a membership call, {@code x in xs} or {@code k, v in xs}. */
  protected static boolean isMembership(Term term) {
    return term instanceof Call call
        && call.operator().size() == 2
        && call.operator().head() instanceof Var v
        && v.name().equals("internal")
        && call.operator().get(1) instanceof Scalar s
        && (s.value().equals(StringValue.of("member_2")) || s.value().equals(StringValue.of("member_3")));
  }

  protected static List<Term> listOf(Term first) {
    List<Term> items = new ArrayList<>();
    items.add(first);
    return items;
  }

  /**
   * Adds the path step that {@code t} opens ({@code .name} or {@code [term]}) to {@code path};
   * false when {@code t} opens neither (a call's parentheses).
   */
  boolean appendRefStep(Token t, List<Term> path) {
    if (t.is(TokenKind.DOT)) {
      Token name = peek();
      if (!name.is(TokenKind.IDENT) || name.spaceBefore()) {
        throw unexpected(name, "expected ident");
      }
      advance();
      path.add(new Scalar(StringValue.of(name.text()), location(name)));
      return true;
    }
    if (t.is(TokenKind.LBRACK)) {
      Term index = parseInfix(true);
      expect(TokenKind.RBRACK, "expected ]");
      path.add(index);
      return true;
    }
    return false;
  }
}
