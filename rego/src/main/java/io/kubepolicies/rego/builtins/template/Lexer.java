package io.kubepolicies.rego.builtins.template;

import java.util.ArrayList;
import java.util.List;

/** Splits a Go text/template into tokens, handling {@code {{- -}}} trim markers and comments. */
final class Lexer {
  enum Kind {
    TEXT, LEFT, RIGHT, SPACE, IDENT, KEYWORD, FIELD, VARIABLE, DOT, STRING, RAW_STRING, CHAR, NUMBER, BOOL, NIL,
    PIPE, LPAREN, RPAREN, DECLARE, ASSIGN, COMMA, OTHER, EOF
  }

  /** A token: its kind, text, position and the line it starts on. */
  record Token(Kind kind, String text, int pos, int line) {}

  private static final List<String> KEYWORDS =
      List.of("block", "break", "continue", "define", "else", "end", "if", "range", "template", "with");

  private final String input;
  private final String name;
  private final List<Token> tokens = new ArrayList<>();
  /** Offsets where lines start, for the line numbers in tokens and messages. */
  private final List<Integer> lineStarts = new ArrayList<>(List.of(0));
  private int pos;
  private int parenDepth;

  private Lexer(String input, String name) {
    this.input = input;
    this.name = name;
    for (int i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) {
      lineStarts.add(i + 1);
    }
  }

  static List<Token> lex(String input, String name) {
    Lexer l = new Lexer(input, name);
    l.run();
    return l.tokens;
  }

  private int line(int at) {
    int found = java.util.Collections.binarySearch(lineStarts, at);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private TemplateException error(int at, String message) {
    return new TemplateException("template: " + name + ":" + line(at) + ": " + message);
  }

  private void emit(Kind kind, int start, int end) {
    tokens.add(new Token(kind, input.substring(start, end), start, line(start)));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private boolean leftTrim(int at) {
    return input.startsWith("{{-", at) && at + 3 < input.length() && isSpace(input.charAt(at + 3));
  }

  /** The length of the right delimiter at {@code at} ({@code " -}}"} or {@code "}}"}), or 0. */
  private int rightDelim(int at) {
    if (at < input.length() && isSpace(input.charAt(at)) && input.startsWith("-}}", at + 1)) {
      return 4;
    }
    return input.startsWith("}}", at) ? 2 : 0;
  }

  private void run() {
    boolean trimLeading = false;
    while (true) {
      int open = input.indexOf("{{", pos);
      int textEnd = open < 0 ? input.length() : open;
      int textStart = pos;
      if (trimLeading) {
        while (textStart < textEnd && isSpace(input.charAt(textStart))) {
          textStart++;
        }
      }
      int trimmedEnd = textEnd;
      if (open >= 0 && leftTrim(open)) {
        while (trimmedEnd > textStart && isSpace(input.charAt(trimmedEnd - 1))) {
          trimmedEnd--;
        }
      }
      if (trimmedEnd > textStart) {
        emit(Kind.TEXT, textStart, trimmedEnd);
      }
      if (open < 0) {
        tokens.add(new Token(Kind.EOF, "", input.length(), line(input.length())));
        return;
      }
      pos = open + (leftTrim(open) ? 4 : 2);
      if (input.startsWith("/*", pos)) {
        int close = input.indexOf("*/", pos + 2);
        if (close < 0) {
          throw error(open, "unclosed comment");
        }
        pos = close + 2;
        int delim = rightDelim(pos);
        if (delim == 0) {
          throw error(open, "comment ends before closing delimiter");
        }
        trimLeading = delim == 4;
        pos += delim;
        continue;
      }
      emit(Kind.LEFT, open, pos);
      trimLeading = lexAction();
    }
  }

  /** Lexes inside an action up to and including the right delimiter; true if it trims what follows. */
  private boolean lexAction() {
    while (true) {
      int delim = rightDelim(pos);
      if (delim > 0) {
        if (parenDepth > 0) {
          throw error(pos, "unclosed left paren");
        }
        emit(Kind.RIGHT, pos, pos + delim);
        pos += delim;
        return delim == 4;
      }
      if (pos >= input.length()) {
        throw error(pos, "unclosed action");
      }
      char c = input.charAt(pos);
      int start = pos;
      if (isSpace(c)) {
        while (pos < input.length() && isSpace(input.charAt(pos)) && rightDelim(pos) != 4) {
          pos++;
        }
        if (pos > start) {
          emit(Kind.SPACE, start, pos);
        }
      } else if (c == '=') {
        pos++;
        emit(Kind.ASSIGN, start, pos);
      } else if (c == ':') {
        if (!input.startsWith(":=", pos)) {
          throw error(pos, "expected :=");
        }
        pos += 2;
        emit(Kind.DECLARE, start, pos);
      } else if (c == '|') {
        pos++;
        emit(Kind.PIPE, start, pos);
      } else if (c == ',') {
        pos++;
        emit(Kind.COMMA, start, pos);
      } else if (c == '(') {
        pos++;
        parenDepth++;
        emit(Kind.LPAREN, start, pos);
      } else if (c == ')') {
        pos++;
        parenDepth--;
        emit(Kind.RPAREN, start, pos);
      } else if (c == '"') {
        quoted('"', "unterminated quoted string", Kind.STRING);
      } else if (c == '\'') {
        quoted('\'', "unterminated character constant", Kind.CHAR);
      } else if (c == '`') {
        int close = input.indexOf('`', pos + 1);
        if (close < 0) {
          throw error(start, "unterminated raw quoted string");
        }
        pos = close + 1;
        emit(Kind.RAW_STRING, start, pos);
      } else if (c == '$') {
        pos++;
        word();
        emit(Kind.VARIABLE, start, pos);
      } else if (c == '.' && (pos + 1 >= input.length() || !Character.isDigit(input.charAt(pos + 1)))) {
        pos++;
        word();
        emit(pos - start == 1 ? Kind.DOT : Kind.FIELD, start, pos);
      } else if (c == '+' || c == '-' || c == '.' || Character.isDigit(c)) {
        number();
        emit(Kind.NUMBER, start, pos);
      } else if (Character.isLetter(c) || c == '_') {
        word();
        String w = input.substring(start, pos);
        Kind kind = KEYWORDS.contains(w) ? Kind.KEYWORD
            : w.equals("true") || w.equals("false") ? Kind.BOOL : w.equals("nil") ? Kind.NIL : Kind.IDENT;
        emit(kind, start, pos);
      } else if (c < 0x7F) {
        pos++;
        emit(Kind.OTHER, start, pos);
      } else {
        int cp = input.codePointAt(pos);
        throw error(start, String.format("unrecognized character in action: U+%04X '%s'", cp, new String(Character.toChars(cp))));
      }
    }
  }

  private void word() {
    while (pos < input.length() && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_')) {
      pos++;
    }
  }

  private void number() {
    pos++;
    while (pos < input.length()) {
      char c = input.charAt(pos);
      boolean sign = (c == '+' || c == '-') && (input.charAt(pos - 1) == 'e' || input.charAt(pos - 1) == 'E'
          || input.charAt(pos - 1) == 'p' || input.charAt(pos - 1) == 'P');
      if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && !sign) {
        return;
      }
      pos++;
    }
  }

  private void quoted(char quote, String unterminated, Kind kind) {
    int start = pos;
    pos++;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw error(start, unterminated);
      }
      char c = input.charAt(pos++);
      if (c == '\\' && pos < input.length()) {
        pos++;
      } else if (c == quote) {
        emit(kind, start, pos);
        return;
      }
    }
  }
}
