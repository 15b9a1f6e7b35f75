package io.kubepolicies.rego.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns Rego source into tokens in one pass. Positions are 1-based lines and columns counted in
 * characters (code points), as OPA counts them. The first unreadable piece of source ends the
 * token list with an {@link TokenKind#ILLEGAL} token whose text says why; the parser reports it
 * when it gets there, so an earlier syntax error still wins, as in OPA.
 *
 * <p>Template strings are split at their expressions: the text before the first expression is one
 * token, the expression's own tokens follow, and the brace that closes it starts the token holding
 * the next stretch of text. A stack of open templates tells that brace from the braces of sets and
 * objects inside the expression.
 */
final class Lexer {
  private static final char BOM = '\uFEFF';
  private static final char REPLACEMENT = '\uFFFD';

  private final String src;
  private final int length;
  private int pos;
  private int line = 1;
  private int lineStart;
  /** UTF-16 units on the current line beyond one per character: the low halves of surrogate pairs. */
  private int lineExtraUnits;
  private boolean spaceBefore;
  private boolean newlineBefore;
  private int tokenLine;
  private int tokenColumn;

  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int[] closers = new int[64];
  private int[] openers = new int[16];
  private int openCount;
  private final ArrayDeque<TemplateFrame> templates = new ArrayDeque<>();

  /** An open template string: whether it is raw, and how many braces its current expression has open. */
  private static final class TemplateFrame {
    final boolean raw;
    int depth;

    TemplateFrame(boolean raw) {
      this.raw = raw;
    }
  }

  private Lexer(String src) {
    this.src = src;
    this.length = src.length();
  }

  static Tokens lex(String src) {
    return new Lexer(src).run();
  }

  private Tokens run() {
    if (length > 0 && src.charAt(0) == BOM) {
      pos = 1;
      lineStart = 1;
    }
    while (skipTrivia()) {
      if (pos >= length) {
        beginToken();
        emit(TokenKind.EOF, "");
        break;
      }
      beginToken();
      if (!scanToken()) {
        break;
      }
    }
    return new Tokens(tokens.toArray(new Token[0]), Arrays.copyOf(closers, tokens.size()), List.copyOf(comments));
  }

  private void beginToken() {
    tokenLine = line;
    tokenColumn = pos - lineStart - lineExtraUnits + 1;
  }

  /** Skips whitespace and comments, noting whether they held a line break. False after an error. */
  private boolean skipTrivia() {
    spaceBefore = false;
    newlineBefore = false;
    while (pos < length) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
        spaceBefore = true;
      } else if (c == '\n') {
        consumeChar();
        spaceBefore = true;
        newlineBefore = true;
      } else if (c == '#') {
        beginToken();
        int start = ++pos;
        while (pos < length && src.charAt(pos) != '\n') {
          if (!consumeChar()) {
            return false;
          }
        }
        int end = pos > start && src.charAt(pos - 1) == '\r' ? pos - 1 : pos;
        comments.add(new Comment(tokenLine, tokenColumn, src.substring(start, end)));
        spaceBefore = true;
      } else {
        return true;
      }
    }
    return true;
  }

  /** Scans the token at {@code pos}; false when it is unreadable (an error token has been added). */
  private boolean scanToken() {
    char c = src.charAt(pos);
    if (isLetter(c)) {
      return scanIdentifier();
    }
    if (c >= '0' && c <= '9') {
      return scanNumber();
    }
    switch (c) {
      case '"':
        pos++;
        return scanString();
      case '`':
        pos++;
        return scanRawString();
      case '$':
        return scanTemplateStart();
      case '[':
        return open(TokenKind.LBRACK, "[");
      case '{':
        if (!templates.isEmpty()) {
          templates.peek().depth++;
        }
        return open(TokenKind.LBRACE, "{");
      case '(':
        return open(TokenKind.LPAREN, "(");
      case ']':
        return close(TokenKind.RBRACK, TokenKind.LBRACK, "]");
      case ')':
        return close(TokenKind.RPAREN, TokenKind.LPAREN, ")");
      case '}':
        if (!templates.isEmpty()) {
          TemplateFrame frame = templates.peek();
          if (frame.depth == 0) {
            pos++;
            return scanTemplateText(frame.raw, false);
          }
          frame.depth--;
        }
        return close(TokenKind.RBRACE, TokenKind.LBRACE, "}");
      case ',':
        return punct(TokenKind.COMMA, ",", 1);
      case ';':
        return punct(TokenKind.SEMICOLON, ";", 1);
      case '.':
        return punct(TokenKind.DOT, ".", 1);
      case '+':
        return punct(TokenKind.PLUS, "+", 1);
      case '-':
        return punct(TokenKind.MINUS, "-", 1);
      case '*':
        return punct(TokenKind.STAR, "*", 1);
      case '/':
        return punct(TokenKind.SLASH, "/", 1);
      case '%':
        return punct(TokenKind.PERCENT, "%", 1);
      case '&':
        return punct(TokenKind.AMP, "&", 1);
      case '|':
        return punct(TokenKind.BAR, "|", 1);
      case ':':
        return next('=') ? punct(TokenKind.ASSIGN, ":=", 2) : punct(TokenKind.COLON, ":", 1);
      case '=':
        return next('=') ? punct(TokenKind.EQUAL, "==", 2) : punct(TokenKind.EQ, "=", 1);
      case '<':
        return next('=') ? punct(TokenKind.LTE, "<=", 2) : punct(TokenKind.LT, "<", 1);
      case '>':
        return next('=') ? punct(TokenKind.GTE, ">=", 2) : punct(TokenKind.GT, ">", 1);
      case '!':
        return next('=') ? punct(TokenKind.NEQ, "!=", 2) : fail("illegal ! character");
      default:
        int codePoint = src.codePointAt(pos);
        return consumeChar() && fail("illegal character " + describeChar(codePoint));
    }
  }

  private boolean next(char c) {
    return pos + 1 < length && src.charAt(pos + 1) == c;
  }

  private boolean punct(TokenKind kind, String text, int width) {
    pos += width;
    emit(kind, text);
    return true;
  }

  private boolean open(TokenKind kind, String text) {
    if (openCount == openers.length) {
      openers = Arrays.copyOf(openers, openCount * 2);
    }
    openers[openCount++] = tokens.size();
    return punct(kind, text, 1);
  }

  private boolean close(TokenKind kind, TokenKind opener, String text) {
    if (openCount > 0 && tokens.get(openers[openCount - 1]).kind() == opener) {
      closers[openers[--openCount]] = tokens.size();
    }
    return punct(kind, text, 1);
  }

  private boolean scanIdentifier() {
    int start = pos;
    while (pos < length && (isLetter(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
      pos++;
    }
    emit(TokenKind.IDENT, src.substring(start, pos));
    return true;
  }

  private boolean scanNumber() {
    int start = pos;
    skipDigits();
    if (pos < length && src.charAt(pos) == '.') {
      pos++;
      if (skipDigits() == 0) {
        return fail("expected fraction");
      }
    }
    if (pos < length && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < length && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (skipDigits() == 0) {
        return fail("expected exponent");
      }
    }
    if (pos < length && isLetter(src.charAt(pos))) {
      return fail("illegal number format");
    }
    emit(TokenKind.NUMBER, src.substring(start, pos));
    return true;
  }

  private int skipDigits() {
    int start = pos;
    while (pos < length && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private boolean scanString() {
    StringBuilder decoded = null;
    int segment = pos;
    while (true) {
      if (pos >= length || src.charAt(pos) == '\n') {
        return fail("non-terminated string");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        String text = decoded == null ? src.substring(segment, pos) : decoded.append(src, segment, pos).toString();
        pos++;
        emit(TokenKind.STRING, text);
        return true;
      }
      if (c == '\\') {
        if (decoded == null) {
          decoded = new StringBuilder(pos - segment + 16);
        }
        decoded.append(src, segment, pos);
        if (!decodeEscape(decoded, false)) {
          return false;
        }
        segment = pos;
      } else if (!consumeChar()) {
        return false;
      }
    }
  }

  private boolean scanRawString() {
    int start = pos;
    while (true) {
      if (pos >= length) {
        return fail("non-terminated string");
      }
      if (src.charAt(pos) == '`') {
        emit(TokenKind.STRING, src.substring(start, pos++));
        return true;
      }
      if (!consumeChar()) {
        return false;
      }
    }
  }

  private boolean scanTemplateStart() {
    if (next('"')) {
      pos += 2;
      return scanTemplateText(false, true);
    }
    if (next('`')) {
      pos += 2;
      return scanTemplateText(true, true);
    }
    return fail("illegal $ character");
  }

  /**
   * Scans template text up to the brace that opens an expression or the closing quote. In a raw
   * template only {@code \{} is an escape; in a quoted one every string escape works too.
   */
  private boolean scanTemplateText(boolean raw, boolean opening) {
    char quote = raw ? '`' : '"';
    StringBuilder text = new StringBuilder();
    while (true) {
      if (pos >= length || (!raw && src.charAt(pos) == '\n')) {
        return fail("non-terminated string");
      }
      char c = src.charAt(pos);
      if (c == quote || c == '{') {
        pos++;
        boolean end = c == quote;
        if (opening && !end) {
          templates.push(new TemplateFrame(raw));
        } else if (!opening && end) {
          templates.pop();
        }
        TokenKind kind = opening
            ? (end ? TokenKind.TEMPLATE_WHOLE : TokenKind.TEMPLATE_HEAD)
            : (end ? TokenKind.TEMPLATE_TAIL : TokenKind.TEMPLATE_MIDDLE);
        emit(kind, text.toString());
        return true;
      }
      if (c == '\\' && (!raw || next('{'))) {
        if (!decodeEscape(text, true)) {
          return false;
        }
      } else {
        int start = pos;
        if (!consumeChar()) {
          return false;
        }
        text.append(src, start, pos);
      }
    }
  }

  /** Decodes the escape sequence at {@code pos} (a backslash) into {@code out}, as JSON does. */
  private boolean decodeEscape(StringBuilder out, boolean template) {
    pos++;
    if (pos >= length) {
      return fail("non-terminated string");
    }
    char e = src.charAt(pos++);
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out.append(e);
        return true;
      case 'b':
        out.append('\b');
        return true;
      case 'f':
        out.append('\f');
        return true;
      case 'n':
        out.append('\n');
        return true;
      case 'r':
        out.append('\r');
        return true;
      case 't':
        out.append('\t');
        return true;
      case 'u':
        return decodeUnicodeEscape(out);
      case '{':
        if (template) {
          out.append('{');
          return true;
        }
        return fail("illegal escape sequence");
      default:
        return fail("illegal escape sequence");
    }
  }

  /** Decodes the four hex digits of a unicode escape; a surrogate pair spelled as two escapes joins up. */
  private boolean decodeUnicodeEscape(StringBuilder out) {
    int unit = hex4(pos);
    if (unit < 0) {
      return fail("illegal string literal: invalid unicode escape");
    }
    pos += 4;
    char c = (char) unit;
    if (Character.isHighSurrogate(c) && pos + 1 < length && src.charAt(pos) == '\\' && src.charAt(pos + 1) == 'u') {
      int low = hex4(pos + 2);
      if (low >= 0 && Character.isLowSurrogate((char) low)) {
        out.append(c).append((char) low);
        pos += 6;
        return true;
      }
    }
    // Like Go's JSON decoder: half a surrogate pair becomes the replacement character.
    out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
    return true;
  }

  private int hex4(int at) {
    if (at + 4 > length) {
      return -1;
    }
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(src.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }

  /**
   * Steps over the character at {@code pos}, keeping line and column counts right; a surrogate pair
   * is one character. False (after an error token) for text no Rego source may contain.
   */
  private boolean consumeChar() {
    char c = src.charAt(pos);
    if (c == '\n') {
      pos++;
      line++;
      lineStart = pos;
      lineExtraUnits = 0;
      return true;
    }
    if (c == 0) {
      return fail("illegal null character");
    }
    if (c == BOM) {
      return fail("illegal byte-order mark");
    }
    if (Character.isSurrogate(c)) {
      if (Character.isHighSurrogate(c) && pos + 1 < length && Character.isLowSurrogate(src.charAt(pos + 1))) {
        pos += 2;
        lineExtraUnits++;
        return true;
      }
      return fail("illegal utf-8 character");
    }
    pos++;
    return true;
  }

  private void emit(TokenKind kind, String text) {
    if (tokens.size() == closers.length) {
      closers = Arrays.copyOf(closers, closers.length * 2);
    }
    closers[tokens.size()] = -1;
    tokens.add(new Token(kind, text, tokenLine, tokenColumn, spaceBefore, newlineBefore));
  }

  /** Ends the token list with an error token at the start of the token being read. Always false. */
  private boolean fail(String reason) {
    emit(TokenKind.ILLEGAL, reason);
    emit(TokenKind.EOF, "");
    return false;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 0x80 && Character.isDigit(c));
  }

  private static String describeChar(int codePoint) {
    return codePoint >= 0x20 && codePoint < 0x7f ? "'" + (char) codePoint + "'" : String.format("U+%04X", codePoint);
  }
}
