package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleHead;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules, in both language versions: {@code p := v}, {@code p if ...}, {@code p contains x if ...},
 * functions, ref heads, {@code default}, {@code else} chains, and v0's {@code p[x] { }},
 * {@code p[x] = y { }} and {@code p { } { }}. How the heads map onto {@link RuleHead} follows OPA:
 * <ul>
 *   <li>{@code p contains x}, and v0's {@code p[x] { }}: {@link RuleKind#MULTI_VALUE}, ref
 *       {@code p}, key {@code x};
 *   <li>{@code p[x] = y}, {@code p[x] if ...}, {@code a.b.c := 1}: {@link RuleKind#SINGLE_VALUE}
 *       with the whole reference as ref;
 *   <li>a rule or function without a value has the value {@code true}; one without a body has
 *       the body {@code true}.
 * </ul>
 * In Rego v1 (or v0 with {@code import rego.v1}) OPA's v1 rules apply: {@code if} before every
 * body, {@code contains} for multi-value rules, and a value or a body for every rule.
 */
abstract class RuleParser extends BodyParser {
  /** Whether OPA's Rego v1 checks apply: in v1, or in v0 after {@code import rego.v1}. */
  protected boolean v1Checks;

  protected RuleParser(String file, Tokens tokens, KeywordSet keywords) {
    super(file, tokens, keywords);
  }

  /** A head reference and, for a function, its parameters (null otherwise). */
  private record HeadRef(Ref ref, List<Term> args) {}

  /** One rule statement: a rule with its else chain, or several rules sharing a head ({@code p { } { }}). */
  protected final List<Rule> parseRules() {
    Token start = peek();
    Location ruleLoc = location(start);
    boolean isDefault = atKeyword("default");
    if (isDefault) {
      advance();
    }
    Token nameToken = peek();
    if (!nameToken.is(TokenKind.IDENT) || (keywords.isKeyword(nameToken.text()) && !peekAt(1).continuesRef())) {
      throw unexpected(nameToken, "");
    }
    HeadRef headRef = parseHeadRef();
    Ref ref = headRef.ref();
    boolean function = headRef.args() != null && !headRef.args().isEmpty();
    List<Term> args = function ? headRef.args() : List.of();
    String name = describe(ref);

    Term key = null;
    Term value = null;
    boolean assign = false;
    boolean contains = false;
    if (atKeyword("contains")) {
      if (function) {
        throw unexpected(peek(), "the contains keyword can only be used with multi-value rule definitions (e.g., "
            + name + " contains <VALUE> { ... })");
      }
      advance();
      key = parseInfix(true);
      contains = true;
    } else if (at(TokenKind.ASSIGN) || at(TokenKind.EQ)) {
      assign = advance().is(TokenKind.ASSIGN);
      value = parseInfix(true);
    }
    Location headLoc = location(nameToken);

    if (isDefault) {
      if (value == null) {
        throw error(ruleLoc, "illegal default rule (must have a value)");
      }
      checkDefaultValue(value, ruleLoc);
      checkDefaultArgs(args, ruleLoc);
      RuleKind kind = function ? RuleKind.FUNCTION : RuleKind.SINGLE_VALUE;
      RuleHead head = new RuleHead(ref, kind, args, null, value, assign, headLoc);
      return List.of(new Rule(head, trueBody(ruleLoc), null, true, List.of(), ruleLoc));
    }

    boolean hasIf = atKeyword("if");
    RuleKind kind;
    // OPA gives these heads a key, and refuses `else` on them.
    boolean keyed = false;
    boolean generatedValue = false;
    if (function) {
      kind = RuleKind.FUNCTION;
    } else if (contains) {
      kind = RuleKind.MULTI_VALUE;
    } else if (ref.size() == 2 && value == null && !hasIf) {
      kind = RuleKind.MULTI_VALUE;
      key = ref.get(1);
      ref = new Ref(List.of(ref.head()), ref.location());
      keyed = true;
    } else {
      kind = RuleKind.SINGLE_VALUE;
      if (ref.size() == 2) {
        Term last = ref.get(1);
        keyed = hasIf ? !isGround(last) || last instanceof Ref : value != null;
      }
    }
    if (value == null && kind != RuleKind.MULTI_VALUE) {
      value = new Scalar(BooleanValue.TRUE, headLoc);
      generatedValue = true;
    }

    Body body;
    boolean braced = false;
    boolean generatedBody = false;
    if (hasIf) {
      advance();
      body = parseIfBody();
    } else if (at(TokenKind.LBRACE)) {
      advance();
      body = parseBody(TokenKind.RBRACE);
      advance();
      braced = true;
    } else {
      Token next = peek();
      if ((next.isWord("if") || next.isWord("contains")) && !keywords.isKeyword(next.text()) && !next.newlineBefore()) {
        throw error(next, "unexpected identifier token: " + next.text() + " is no keyword here (hint: `import future.keywords."
            + next.text() + "` or `import rego.v1` for `" + next.text() + "` in rule heads)");
      }
      if (generatedValue && kind == RuleKind.SINGLE_VALUE && ref.size() == 1) {
        throw next.is(TokenKind.EOF) || next.newlineBefore()
            ? error(headLoc, "var cannot be used for rule name")
            : unexpected(next, "");
      }
      body = trueBody(ruleLoc);
      generatedBody = true;
    }

    if (v1Checks) {
      String what = function ? "function" : "rule";
      if (generatedBody && generatedValue) {
        throw error(ruleLoc, what + " must have value assignment and/or body declaration");
      }
      if (braced) {
        throw error(ruleLoc, "`if` keyword is required before " + what + " body");
      }
      if (kind == RuleKind.MULTI_VALUE && !contains) {
        throw error(ruleLoc, "`contains` keyword is required for partial set rules");
      }
    }

    RuleHead head = new RuleHead(ref, kind, args, kind == RuleKind.MULTI_VALUE ? key : null, value, assign, headLoc);
    Rule elseRule = null;
    if (!generatedBody && atKeyword("else")) {
      if (ref.size() > 1 && !isGround(ref)) {
        throw error(peek(), "else keyword cannot be used on rules with variables in head");
      }
      if (keyed || kind == RuleKind.MULTI_VALUE) {
        throw error(peek(), "else keyword cannot be used on multi-value rules");
      }
      elseRule = parseElseChain(head);
    }
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(head, body, elseRule, false, List.of(), ruleLoc));
    while (!generatedBody && at(TokenKind.LBRACE)) {
      if (elseRule != null) {
        throw error(peek(), "expected else keyword");
      }
      Token open = advance();
      Body next = parseBody(TokenKind.RBRACE);
      advance();
      Location loc = location(open);
      RuleHead copy = new RuleHead(head.ref(), kind, freshWildcards(args), head.key(), value, assign, loc);
      rules.add(new Rule(copy, next, null, false, List.of(), loc));
    }
    return rules;
  }

  /** The rule's reference, with {@code (args)} for a function; keywords may head it, as in {@code in.foo}. */
  private HeadRef parseHeadRef() {
    Token first = advance();
    Location loc = location(first);
    List<Term> path = new ArrayList<>();
    path.add(variable(first));
    List<Term> args = null;
    while (args == null && peek().continuesTerm()) {
      Token t = advance();
      if (!appendRefStep(t, path)) {
        args = parseTermList(TokenKind.RPAREN, new ArrayList<>());
      }
    }
    Token next = peek();
    if (next.continuesTerm() || (!next.spaceBefore() && next.kind().precedence > 0)) {
      throw unexpected(next, "");
    }
    return new HeadRef(new Ref(path, loc), args);
  }

  /**
   * The body after {@code if}: {@code { ... }} or a single expression. Like OPA, braces are first
   * read as an expression, so {@code p if {}} is the empty object, and fall back to a body when that
   * fails or yields a set ({@code p if { x }} means {@code x}, not the set {@code {x}}).
   */
  private Body parseIfBody() {
    if (at(TokenKind.LBRACE)) {
      Token open = peek();
      Mark mark = mark();
      List<Expr> exprs = new ArrayList<>();
      try {
        parseLiteral(exprs);
      } catch (SyntaxError e) {
        exprs = null;
      }
      if (exprs != null && !isSetLiteral(exprs)) {
        Body explicit = explicitBodyAt(exprs, location(open));
        return explicit != null ? explicit : new Body(exprs, exprs.get(0).location());
      }
      reset(mark);
      advance();
      Body body = parseBody(TokenKind.RBRACE);
      advance();
      return body;
    }
    List<Expr> exprs = new ArrayList<>();
    parseLiteral(exprs);
    return new Body(exprs, exprs.get(0).location());
  }

  private static boolean isSetLiteral(List<Expr> exprs) {
    return exprs.size() == 1 && exprs.get(0).statement() instanceof TermStatement ts && ts.term() instanceof SetTerm;
  }

  /** The body of {@code { ... }} read as an explicit-body operand right after {@code if}, or null. */
  private static Body explicitBodyAt(List<Expr> exprs, Location open) {
    if (exprs.size() == 1 && exprs.get(0).statement() instanceof Or or && or.alternatives().size() == 1
        && or.location().equals(open) && !exprs.get(0).negated() && exprs.get(0).with().isEmpty()) {
      return or.alternatives().get(0);
    }
    return null;
  }

  /** {@code else [= v | := v] [if] body}, repeated; each else rule shares the head's reference and kind. */
  private Rule parseElseChain(RuleHead head) {
    List<RuleHead> heads = new ArrayList<>();
    List<Body> bodies = new ArrayList<>();
    boolean more = true;
    while (more && atKeyword("else")) {
      Token elseToken = advance();
      Location loc = location(elseToken);
      Term value;
      boolean assign = false;
      if (at(TokenKind.LBRACE) || atKeyword("if")) {
        value = new Scalar(BooleanValue.TRUE, loc);
      } else if (at(TokenKind.ASSIGN) || at(TokenKind.EQ)) {
        assign = advance().is(TokenKind.ASSIGN);
        value = parseInfix(true);
      } else {
        throw unexpected(peek(), "expected else value term or rule body");
      }
      boolean hasIf = atKeyword("if");
      if (hasIf) {
        advance();
      }
      Body body;
      if (at(TokenKind.LBRACE)) {
        advance();
        body = parseBody(TokenKind.RBRACE);
        advance();
      } else if (hasIf) {
        if (at(TokenKind.EOF)) {
          throw unexpected(peek(), "rule body expected");
        }
        List<Expr> exprs = new ArrayList<>();
        parseLiteral(exprs);
        body = new Body(exprs, exprs.get(0).location());
      } else {
        // `else := v` without a body ends the chain, as in OPA.
        body = trueBody(loc);
        more = false;
      }
      heads.add(new RuleHead(head.ref(), head.kind(), freshWildcards(head.args()), null, value, assign, loc));
      bodies.add(body);
    }
    Rule next = null;
    for (int i = heads.size() - 1; i >= 0; i--) {
      RuleHead h = heads.get(i);
      next = new Rule(h, bodies.get(i), next, false, List.of(), h.location());
    }
    return next;
  }

  /** Function parameters for another rule with the same head: each {@code _} needs a new name. */
  private List<Term> freshWildcards(List<Term> args) {
    if (args.isEmpty()) {
      return args;
    }
    List<Term> fresh = new ArrayList<>(args.size());
    for (Term arg : args) {
      fresh.add(arg instanceof Var v && v.isWildcard() ? new Var(nextWildcard(), v.location()) : arg);
    }
    return fresh;
  }

  protected static Body trueBody(Location loc) {
    return new Body(List.of(Expr.of(new TermStatement(new Scalar(BooleanValue.TRUE, loc)), loc)), loc);
  }

  /** A default value must be a constant (comprehensions aside). */
  private void checkDefaultValue(Term value, Location ruleLoc) {
    if (value instanceof Var || value instanceof Ref || value instanceof Call) {
      throw error(ruleLoc, "illegal default rule (value cannot contain " + value.typeName() + ")");
    }
    if (value instanceof ArrayTerm a) {
      a.items().forEach(t -> checkDefaultValue(t, ruleLoc));
    } else if (value instanceof SetTerm s) {
      s.items().forEach(t -> checkDefaultValue(t, ruleLoc));
    } else if (value instanceof ObjectTerm o) {
      o.entries().forEach(e -> {
        checkDefaultValue(e.key(), ruleLoc);
        checkDefaultValue(e.value(), ruleLoc);
      });
    } else if (value instanceof TemplateString t) {
      t.parts().forEach(p -> checkDefaultValue(p, ruleLoc));
    }
  }

  private void checkDefaultArgs(List<Term> args, Location ruleLoc) {
    Set<String> seen = new HashSet<>();
    for (Term arg : args) {
      if (!(arg instanceof Var v)) {
        throw error(ruleLoc, "illegal default rule (arguments cannot contain " + arg.typeName() + ")");
      }
      if (!seen.add(v.name())) {
        throw error(ruleLoc, "illegal default rule (arguments cannot be repeated " + v.name() + ")");
      }
    }
  }

  /** Whether a reference's path, after its head, holds no variables (OPA's Ref.IsGround). */
  private static boolean isGround(Ref ref) {
    for (int i = 1; i < ref.size(); i++) {
      if (!isGround(ref.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isGround(Term term) {
    if (term instanceof Scalar) {
      return true;
    }
    if (term instanceof Ref r) {
      return isGround(r.head()) && isGround(r);
    }
    if (term instanceof ArrayTerm a) {
      return a.items().stream().allMatch(RuleParser::isGround);
    }
    if (term instanceof SetTerm s) {
      return s.items().stream().allMatch(RuleParser::isGround);
    }
    if (term instanceof ObjectTerm o) {
      return o.entries().stream().allMatch(e -> isGround(e.key()) && isGround(e.value()));
    }
    if (term instanceof Call c) {
      return isGround(c.operator()) && c.args().stream().allMatch(RuleParser::isGround);
    }
    return !(term instanceof Var || term instanceof ArrayComprehension || term instanceof SetComprehension
        || term instanceof ObjectComprehension || term instanceof TemplateString);
  }

  /** A head reference as written, for error messages. */
  private static String describe(Ref ref) {
    StringBuilder s = new StringBuilder(((Var) ref.head()).name());
    for (int i = 1; i < ref.size(); i++) {
      Term t = ref.get(i);
      if (t instanceof Scalar sc && sc.value() instanceof StringValue str) {
        s.append('.').append(str.value());
      } else if (t instanceof Var v) {
        s.append('[').append(v.name()).append(']');
      } else {
        s.append("[...]");
      }
    }
    return s.toString();
  }
}
