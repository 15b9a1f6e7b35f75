package io.kubepolicies.rego.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {

  /** Tokens as {@code KIND:text}, without the final EOF. */
  private static String kinds(String src) {
    Token[] tokens = Lexer.lex(src).tokens();
    return Arrays.stream(tokens, 0, tokens.length - 1)
        .map(t -> t.kind() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  private static Token single(String src) {
    Token[] tokens = Lexer.lex(src).tokens();
    assertEquals(2, tokens.length, () -> "expected one token in " + src + ", got " + Arrays.toString(tokens));
    return tokens[0];
  }

  /** The error a source ends with: the text and position of its ILLEGAL token. */
  private static String error(String src) {
    Token[] tokens = Lexer.lex(src).tokens();
    Token illegal = tokens[tokens.length - 2];
    assertEquals(TokenKind.ILLEGAL, illegal.kind(), () -> "no error in " + src);
    assertEquals(TokenKind.EOF, tokens[tokens.length - 1].kind());
    return illegal.line() + ":" + illegal.column() + " " + illegal.text();
  }

  @Test
  void readsWordsWithoutDecidingWhichAreKeywords() {
    assertEquals("IDENT:package IDENT:foo_1 IDENT:_ IDENT:if IDENT:Contains",
        kinds("package foo_1 _ if Contains"));
  }

  @Test
  void readsAllOperators() {
    assertEquals("ASSIGN::= EQ:= EQUAL:== NEQ:!= LT:< LTE:<= GT:> GTE:>= PLUS:+ MINUS:- STAR:* SLASH:/ PERCENT:%"
        + " AMP:& BAR:| COLON:: SEMICOLON:; COMMA:, DOT:.",
        kinds(":= = == != < <= > >= + - * / % & | : ; , ."));
    assertEquals("LBRACK:[ RBRACK:] LBRACE:{ RBRACE:} LPAREN:( RPAREN:)", kinds("[]{}()"));
  }

  @Test
  void keepsNumbersAsWritten() {
    assertEquals("NUMBER:0 NUMBER:12 NUMBER:3.25 NUMBER:1e5 NUMBER:1E-3 NUMBER:2.5e+10 NUMBER:00",
        kinds("0 12 3.25 1e5 1E-3 2.5e+10 00"));
    // The sign is a token of its own; the parser joins it to the number.
    assertEquals("MINUS:- NUMBER:1", kinds("-1"));
  }

  @Test
  void rejectsMalformedNumbers() {
    assertEquals("1:1 expected fraction", error("1."));
    assertEquals("1:1 expected exponent", error("1e"));
    assertEquals("1:1 expected exponent", error("1e+"));
    assertEquals("1:1 illegal number format", error("12abc"));
  }

  @Test
  void decodesStringEscapes() {
    assertEquals("a\"b\\c/d\b\f\n\r\t", single("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"").text());
    assertEquals("é", single("\"\\u00e9\"").text());
    assertEquals("😀", single("\"\\ud83d\\ude00\"").text());
    assertEquals("😀", single("\"😀\"").text());
    assertEquals("", single("\"\"").text());
  }

  @Test
  void replacesHalfASurrogatePairLikeGo() {
    assertEquals("\uFFFDx", single("\"\\ud83dx\"").text());
    assertEquals("\uFFFD", single("\"\\ude00\"").text());
  }

  @Test
  void rejectsBadStrings() {
    assertEquals("1:5 non-terminated string", error("x = \"abc"));
    assertEquals("1:1 non-terminated string", error("\"abc\ndef\""));
    assertEquals("1:1 illegal escape sequence", error("\"a\\qb\""));
    assertEquals("1:1 illegal escape sequence", error("\"\\{\""));
    assertEquals("1:1 illegal string literal: invalid unicode escape", error("\"\\u12G4\""));
    assertEquals("1:1 illegal string literal: invalid unicode escape", error("\"\\u12\""));
    assertEquals("1:1 non-terminated string", error("\"abc\\"));
  }

  @Test
  void readsRawStringsAcrossLinesWithoutEscapes() {
    Tokens tokens = Lexer.lex("`a\\n\nb` x");
    assertEquals("a\\n\nb", tokens.tokens()[0].text());
    Token x = tokens.tokens()[1];
    assertEquals(2, x.line());
    assertEquals(4, x.column());
    assertEquals("1:1 non-terminated string", error("`abc"));
  }

  @Test
  void splitsTemplateStringsAtTheirExpressions() {
    assertEquals("TEMPLATE_HEAD:a  IDENT:x TEMPLATE_MIDDLE: b  LBRACE:{ NUMBER:1 RBRACE:} TEMPLATE_TAIL: c",
        kinds("$\"a {x} b {{1}} c\""));
    assertEquals("TEMPLATE_WHOLE:plain", kinds("$\"plain\""));
    assertEquals("TEMPLATE_WHOLE:", kinds("$\"\""));
  }

  @Test
  void unescapesBracesInTemplates() {
    assertEquals("TEMPLATE_WHOLE:{42}", kinds("$\"\\{42}\""));
    assertEquals("TEMPLATE_HEAD:{ NUMBER:42 TEMPLATE_TAIL:", kinds("$\"\\{{42}\""));
    // An escaped backslash does not escape the brace after it.
    assertEquals("TEMPLATE_HEAD:\\ IDENT:x TEMPLATE_TAIL:", kinds("$\"\\\\{x}\""));
    assertEquals("TEMPLATE_WHOLE:a\tb\"", kinds("$\"a\\tb\\\"\""));
  }

  @Test
  void keepsBackslashesInRawTemplatesExceptBeforeBraces() {
    assertEquals("TEMPLATE_WHOLE:a\\n{b}\nc", kinds("$`a\\n\\{b}\nc`"));
    assertEquals("TEMPLATE_HEAD:x IDENT:y TEMPLATE_TAIL:", kinds("$`x{y}`"));
  }

  @Test
  void nestsTemplatesInsideTemplateExpressions() {
    assertEquals("TEMPLATE_HEAD: TEMPLATE_HEAD: IDENT:a TEMPLATE_TAIL: TEMPLATE_MIDDLE:  TEMPLATE_HEAD: IDENT:b"
        + " TEMPLATE_TAIL:! TEMPLATE_TAIL:", kinds("$\"{$\"{a}\"} {$\"{b}!\"}\""));
  }

  @Test
  void rejectsBadTemplates() {
    assertEquals("1:1 non-terminated string", error("$\"abc"));
    assertEquals("1:1 non-terminated string", error("$\"abc\n\""));
    assertEquals("1:1 non-terminated string", error("$`abc"));
    assertEquals("1:1 illegal $ character", error("$x"));
    assertEquals("1:1 illegal escape sequence", error("$\"\\q\""));
  }

  @Test
  void collectsCommentsAndTreatsThemAsSpace() {
    Tokens tokens = Lexer.lex("a # one\r\n  # two\nb#three");
    assertEquals(List.of(new Comment(1, 3, " one"), new Comment(2, 3, " two"), new Comment(3, 2, "three")),
        tokens.comments());
    Token b = tokens.tokens()[1];
    assertTrue(b.newlineBefore());
    assertTrue(b.spaceBefore());
  }

  @Test
  void recordsWhitespaceAndLineBreaksBeforeEachToken() {
    Token[] t = Lexer.lex("a.b [c]\n(d)").tokens();
    assertFalse(t[1].spaceBefore());
    assertFalse(t[2].spaceBefore());
    assertTrue(t[3].spaceBefore());
    assertFalse(t[3].newlineBefore());
    assertTrue(t[6].newlineBefore());
  }

  @Test
  void countsColumnsInCharactersNotUtf16Units() {
    Token[] t = Lexer.lex("\"😀😀\" x\n\tyy").tokens();
    assertEquals(6, t[1].column());
    assertEquals(2, t[2].line());
    assertEquals(2, t[2].column());
  }

  @Test
  void skipsALeadingByteOrderMark() {
    Token t = Lexer.lex("\uFEFFpackage").tokens()[0];
    assertEquals("package", t.text());
    assertEquals(1, t.column());
  }

  @Test
  void rejectsTextNoSourceMayContain() {
    assertEquals("1:3 illegal null character", error("a \0"));
    assertEquals("1:1 illegal null character", error("\"a\0\""));
    assertEquals("1:3 illegal null character", error("a #\0 in a comment"));
    assertEquals("1:1 illegal utf-8 character", error("\"\uD800\""));
    assertEquals("1:1 illegal utf-8 character", error("\uDC00"));
    assertEquals("1:3 illegal byte-order mark", error("a \uFEFF"));
    assertEquals("1:1 illegal ! character", error("!x"));
    assertEquals("2:2 illegal character '@'", error("a\n @"));
    assertEquals("1:1 illegal character U+00E9", error("é"));
  }

  @Test
  void stopsAtTheFirstErrorAndEndsWithEof() {
    Token[] t = Lexer.lex("a \"b\n c d").tokens();
    assertEquals(List.of(TokenKind.IDENT, TokenKind.ILLEGAL, TokenKind.EOF),
        Arrays.stream(t).map(Token::kind).toList());
  }

  @Test
  void matchesBrackets() {
    Tokens tokens = Lexer.lex("{ [ ( ) ] } ( ]");
    int[] closers = tokens.closers();
    assertEquals(5, closers[0]);
    assertEquals(4, closers[1]);
    assertEquals(3, closers[2]);
    assertEquals(-1, closers[6]);
  }

  @Test
  void lexesEmptyAndBlankSourcesToEof() {
    assertEquals(List.of(TokenKind.EOF), Arrays.stream(Lexer.lex("").tokens()).map(Token::kind).toList());
    assertEquals(List.of(TokenKind.EOF), Arrays.stream(Lexer.lex(" \n\t# c\n").tokens()).map(Token::kind).toList());
  }
}
