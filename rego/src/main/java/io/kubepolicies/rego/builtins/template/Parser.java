package io.kubepolicies.rego.builtins.template;

import io.kubepolicies.rego.builtins.format.GoValue;
import io.kubepolicies.rego.builtins.template.Lexer.Kind;
import io.kubepolicies.rego.builtins.template.Lexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the parse tree of a Go text/template, with Go's parse error messages. */
final class Parser {
  private final String input;
  private final String name;
  private final List<Token> tokens;
  private final Map<String, Node.ListNode> defines = new HashMap<>();
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int next;
  private int rangeDepth;
  /** Nesting of control structures and parentheses, bounded so that parsing cannot exhaust the stack. */
  private int depth;
  // Each level of nesting costs several recursive frames; 200 keeps deep input an error, not a StackOverflowError.
  private static final int MAX_DEPTH = 200;

  private Parser(String input, String name) {
    this.input = input;
    this.name = name;
    this.tokens = Lexer.lex(input, name);
  }

  /** The parsed template: its main body and the bodies it defines by name. */
  record Parsed(Node.ListNode root, Map<String, Node.ListNode> defines) {}

  static Parsed parse(String input, String name) {
    Parser p = new Parser(input, name);
    List<Node> nodes = new ArrayList<>();
    String end = p.itemList(nodes, true);
    if (end != null) {
      throw p.error(p.tokens.get(p.next - 1), "unexpected {{" + end + "}}");
    }
    return new Parsed(new Node.ListNode(0, nodes), Map.copyOf(p.defines));
  }

  private TemplateException error(Token at, String message) {
    return new TemplateException("template: " + name + ":" + at.line() + ": " + message);
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token nextToken() {
    return tokens.get(next++);
  }

  private Token peekNonSpace() {
    while (peek().kind() == Kind.SPACE) {
      next++;
    }
    return peek();
  }

  private Token nextNonSpace() {
    peekNonSpace();
    return nextToken();
  }

  private void expectRight(String context) {
    Token t = nextNonSpace();
    if (t.kind() != Kind.RIGHT) {
      throw error(t, "unexpected " + describe(t) + " in " + context);
    }
  }

  private static String describe(Token t) {
    return switch (t.kind()) {
      case EOF -> "EOF";
      case RIGHT -> "}}";
      default -> "\"" + t.text() + "\"";
    };
  }

  /**
   * Parses nodes into {@code nodes} until {@code {{end}}} or {@code {{else}}} (whose name it returns,
   * having consumed it up to the keyword) or the end of input (null, allowed only at top level).
   */
  private String itemList(List<Node> nodes, boolean topLevel) {
    while (true) {
      Token t = nextToken();
      switch (t.kind()) {
        case TEXT -> nodes.add(new Node.Text(t.pos(), t.text()));
        case EOF -> {
          if (!topLevel) {
            throw error(t, "unexpected EOF");
          }
          return null;
        }
        case LEFT -> {
          Token k = peekNonSpace();
          if (k.kind() == Kind.KEYWORD && (k.text().equals("end") || k.text().equals("else"))) {
            next++;
            return k.text();
          }
          Node n = action(t, topLevel);
          if (n != null) {
            nodes.add(n);
          }
        }
        default -> throw error(t, "unexpected " + describe(t));
      }
    }
  }

  private void enter(Token at) {
    if (++depth > MAX_DEPTH) {
      throw error(at, "max expression depth exceeded");
    }
  }

  private Node action(Token left, boolean topLevel) {
    Token k = peekNonSpace();
    if (k.kind() != Kind.KEYWORD) {
      Node.Pipe pipe = pipeline("command", Kind.RIGHT);
      return new Node.Action(left.pos(), pipe);
    }
    next++;
    switch (k.text()) {
      case "if", "with" -> {
        enter(k);
        Node branch = branch(k, k.text().equals("with"));
        depth--;
        return branch;
      }
      case "range" -> {
        enter(k);
        Node range = range(k);
        depth--;
        return range;
      }
      case "break", "continue" -> {
        if (rangeDepth == 0) {
          throw error(k, "{{" + k.text() + "}} outside {{range}}");
        }
        expectRight(k.text());
        return new Node.Jump(k.pos(), k.text().equals("break"));
      }
      case "template" -> {
        return templateCall(k);
      }
      case "block" -> {
        Node.Call call = templateCall(k);
        defines.put(call.name(), body(k, "block"));
        return call;
      }
      case "define" -> {
        if (!topLevel) {
          throw error(k, "unexpected \"define\" in command");
        }
        String defined = templateName(k, "define clause");
        expectRight("define clause");
        defines.put(defined, body(k, "define"));
        return null;
      }
      default -> throw error(k, "unexpected " + describe(k));
    }
  }

  /** The body of a define or block, up to its {@code {{end}}}. */
  private Node.ListNode body(Token k, String context) {
    List<Node> nodes = new ArrayList<>();
    String end = itemList(nodes, false);
    if (!"end".equals(end)) {
      throw error(k, "unexpected {{" + end + "}} in " + context);
    }
    expectRight("end");
    return new Node.ListNode(k.pos(), nodes);
  }

  private Node.Call templateCall(Token k) {
    String context = k.text() + " clause";
    Token nameToken = peekNonSpace();
    String called = templateName(k, context);
    Node.Pipe pipe = null;
    if (peekNonSpace().kind() != Kind.RIGHT) {
      pipe = pipeline(context, Kind.RIGHT);
    } else {
      next++;
    }
    String text = "{{template " + nameToken.text() + (pipe == null ? "" : " " + pipe.text()) + "}}";
    return new Node.Call(nameToken.pos(), text, called, pipe);
  }

  private String templateName(Token k, String context) {
    Token t = nextNonSpace();
    if (t.kind() != Kind.STRING && t.kind() != Kind.RAW_STRING) {
      throw error(t, "unexpected " + describe(t) + " in " + context);
    }
    return unquote(t);
  }

  private Node branch(Token k, boolean with) {
    int mark = vars.size();
    Node.Pipe pipe = pipeline(k.text(), Kind.RIGHT);
    List<Node> list = new ArrayList<>();
    String end = itemList(list, false);
    Node.ListNode elseList = null;
    if ("else".equals(end)) {
      Token t = peekNonSpace();
      if (t.kind() == Kind.KEYWORD && (t.text().equals("if") || t.text().equals("with"))) {
        next++;
        Node nested = branch(t, t.text().equals("with"));
        elseList = new Node.ListNode(t.pos(), List.of(nested));
      } else {
        expectRight("else");
        List<Node> elseNodes = new ArrayList<>();
        if (!"end".equals(itemList(elseNodes, false))) {
          throw error(k, "expected end; found {{else}}");
        }
        expectRight("end");
        elseList = new Node.ListNode(t.pos(), elseNodes);
      }
    } else {
      expectRight("end");
    }
    vars.subList(mark, vars.size()).clear();
    return new Node.Branch(k.pos(), with, pipe, new Node.ListNode(k.pos(), list), elseList);
  }

  private Node range(Token k) {
    int mark = vars.size();
    Node.Pipe pipe = pipeline("range", Kind.RIGHT);
    rangeDepth++;
    List<Node> list = new ArrayList<>();
    String end = itemList(list, false);
    rangeDepth--;
    Node.ListNode elseList = null;
    if ("else".equals(end)) {
      expectRight("else");
      List<Node> elseNodes = new ArrayList<>();
      if (!"end".equals(itemList(elseNodes, false))) {
        throw error(k, "expected end; found {{else}}");
      }
      elseList = new Node.ListNode(k.pos(), elseNodes);
    }
    expectRight("end");
    vars.subList(mark, vars.size()).clear();
    return new Node.Range(k.pos(), pipe, new Node.ListNode(k.pos(), list), elseList);
  }

  private Node.Pipe pipeline(String context, Kind end) {
    Token first = peekNonSpace();
    List<String> decls = new ArrayList<>();
    boolean assign = false;
    if (first.kind() == Kind.VARIABLE) {
      int save = next;
      next++;
      Token op = peekNonSpace();
      if (op.kind() == Kind.DECLARE || op.kind() == Kind.ASSIGN
          || op.kind() == Kind.COMMA && context.equals("range")) {
        next++;
        decls.add(first.text());
        if (op.kind() == Kind.COMMA) {
          Token second = nextNonSpace();
          Token op2 = nextNonSpace();
          if (second.kind() != Kind.VARIABLE || op2.kind() != Kind.DECLARE && op2.kind() != Kind.ASSIGN) {
            throw error(second, "range can only initialize variables");
          }
          decls.add(second.text());
          op = op2;
        }
        assign = op.kind() == Kind.ASSIGN;
        for (String d : decls) {
          if (assign) {
            checkVariable(first, d);
          } else {
            vars.add(d);
          }
        }
      } else {
        next = save;
      }
    }
    List<Node.Command> commands = new ArrayList<>();
    while (true) {
      Token t = nextNonSpace();
      if (t.kind() == end) {
        if (commands.isEmpty()) {
          throw error(t, "missing value for " + context);
        }
        String text = input.substring(first.pos(), t.pos()).strip();
        return new Node.Pipe(first.pos(), text, assign, decls, commands);
      }
      if (!STARTS_COMMAND.contains(t.kind())) {
        throw error(t, "unexpected " + describe(t) + " in " + context);
      }
      next--;
      commands.add(command());
    }
  }

  private static final Set<Kind> STARTS_COMMAND = Set.of(Kind.BOOL, Kind.CHAR, Kind.DOT, Kind.FIELD, Kind.IDENT,
      Kind.NUMBER, Kind.NIL, Kind.RAW_STRING, Kind.STRING, Kind.VARIABLE, Kind.LPAREN);

  private Node.Command command() {
    List<Node> args = new ArrayList<>();
    Token start = peekNonSpace();
    int end;
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = nextToken();
      if (t.kind() == Kind.SPACE) {
        continue;
      }
      if (t.kind() == Kind.RIGHT || t.kind() == Kind.RPAREN) {
        next--;
      } else if (t.kind() != Kind.PIPE) {
        throw error(t, "unexpected " + describe(t) + " in operand");
      }
      end = t.pos();
      break;
    }
    if (args.isEmpty()) {
      throw error(start, "empty command");
    }
    return new Node.Command(start.pos(), input.substring(start.pos(), end).strip(), args);
  }

  /** A term and any fields chained to it, or null (consuming nothing) if no term starts here. */
  private Node operand() {
    Token t = peek();
    Node term = term();
    if (term == null || peek().kind() != Kind.FIELD) {
      return term;
    }
    int chainPos = peek().pos();
    List<String> names = new ArrayList<>();
    while (peek().kind() == Kind.FIELD) {
      names.add(nextToken().text().substring(1));
    }
    String text = input.substring(t.pos(), tokens.get(next - 1).pos() + tokens.get(next - 1).text().length());
    if (term instanceof Node.Field f) {
      List<String> all = new ArrayList<>(f.names());
      all.addAll(names);
      return new Node.Field(chainPos, text, all);
    }
    if (term instanceof Node.Variable v) {
      List<String> all = new ArrayList<>(v.names());
      all.addAll(names);
      return new Node.Variable(chainPos, text, v.name(), all);
    }
    if (!(term instanceof Node.Pipe)) {
      throw error(t, "unexpected . after term \"" + t.text() + "\"");
    }
    return new Node.Chain(chainPos, text, term, names);
  }

  private Node term() {
    Token t = nextToken();
    return switch (t.kind()) {
      case IDENT -> {
        if (!Funcs.isDefined(t.text())) {
          throw error(t, "function \"" + t.text() + "\" not defined");
        }
        yield new Node.Identifier(t.pos(), t.text());
      }
      case DOT -> new Node.Dot(t.pos());
      case NIL -> new Node.Nil(t.pos());
      case VARIABLE -> {
        checkVariable(t, t.text());
        yield new Node.Variable(t.pos(), t.text(), t.text(), List.of());
      }
      case FIELD -> new Node.Field(t.pos(), t.text(), List.of(t.text().substring(1)));
      case BOOL -> new Node.Constant(t.pos(), t.text(), new GoValue.Bool(t.text().equals("true")));
      case STRING, RAW_STRING -> new Node.Constant(t.pos(), t.text(), GoValue.Str.of(unquote(t)));
      case CHAR -> new Node.Constant(t.pos(), t.text(), new GoValue.Int(unquote(t).codePointAt(0)));
      case NUMBER -> new Node.Constant(t.pos(), t.text(), number(t));
      case LPAREN -> {
        enter(t);
        Node.Pipe pipe = pipeline("parenthesized pipeline", Kind.RPAREN);
        depth--;
        yield pipe;
      }
      default -> {
        next--;
        yield null;
      }
    };
  }

  private void checkVariable(Token t, String variable) {
    if (!vars.contains(variable)) {
      throw error(t, "undefined variable \"" + variable + "\"");
    }
  }

  private GoValue number(Token t) {
    String text = t.text().replace("_", "");
    boolean hex = text.matches("[+-]?0[xX].*");
    try {
      if (!hex && text.matches("[+-]?[0-9.]*[.eE].*")) {
        return new GoValue.Float(Double.parseDouble(text));
      }
      String digits = text.replaceFirst("^[+-]", "");
      int radix = 10;
      if (digits.matches("0[xX].+")) {
        radix = 16;
        digits = digits.substring(2);
      } else if (digits.matches("0[bB].+")) {
        radix = 2;
        digits = digits.substring(2);
      } else if (digits.matches("0[oO].+")) {
        radix = 8;
        digits = digits.substring(2);
      } else if (digits.matches("0[0-7]+")) {
        radix = 8;
      }
      java.math.BigInteger value = new java.math.BigInteger(digits, radix);
      if (text.startsWith("-")) {
        value = value.negate();
      }
      if (value.bitLength() >= 64) {
        throw error(t, "integer overflow: \"" + t.text() + "\"");
      }
      return new GoValue.Int(value.longValue());
    } catch (NumberFormatException e) {
      throw error(t, "bad number syntax: \"" + t.text() + "\"");
    }
  }

  /** Go's {@code strconv.Unquote} for the three literal forms. */
  private String unquote(Token t) {
    String text = t.text();
    String body = text.substring(1, text.length() - 1);
    if (t.kind() == Kind.RAW_STRING) {
      return body.replace("\r", "");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); ) {
      char c = body.charAt(i++);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = body.charAt(i++);
      switch (e) {
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case '\\', '\'', '"' -> sb.append(e);
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          sb.appendCodePoint(hexEscape(t, body, i, len));
          i += len;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 1 < body.length()) {
            sb.append((char) Integer.parseInt(body.substring(i - 1, i + 2), 8));
            i += 2;
          } else {
            throw error(t, "invalid syntax");
          }
        }
      }
    }
    if (t.kind() == Kind.CHAR && sb.codePointCount(0, sb.length()) != 1) {
      throw error(t, "malformed character constant: " + text);
    }
    return sb.toString();
  }

  private int hexEscape(Token t, String body, int at, int len) {
    try {
      return Integer.parseInt(body.substring(at, at + len), 16);
    } catch (RuntimeException e) {
      throw error(t, "invalid syntax");
    }
  }
}
