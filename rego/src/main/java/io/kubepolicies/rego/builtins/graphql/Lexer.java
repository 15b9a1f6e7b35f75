package io.kubepolicies.rego.builtins.graphql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * gqlparser's lexer. It walks the UTF-8 bytes of the source as gqlparser does, so that positions
 * (lines, rune columns, including its quirks after CR LF and inside block strings) and the
 * characters named in error messages are the same as OPA's.
 */
final class Lexer {
  /** A token, and the error when the token is {@link TokenKind#INVALID}. */
  record Lexed(Token token, GraphqlError error) {}

  private final byte[] input;
  private int start;
  private int startRunes;
  private int end;
  private int endRunes;
  private int line = 1;
  private int lineStartRunes;

  Lexer(String source) {
    this.input = source.getBytes(StandardCharsets.UTF_8);
  }

  Lexed next() {
    skipIgnored();
    start = end;
    startRunes = endRunes;
    if (end >= input.length) {
      return token(TokenKind.EOF, "");
    }
    int b = input[start] & 0xFF;
    end++;
    endRunes++;
    switch (b) {
      case '!':
        return token(TokenKind.BANG, "");
      case '$':
        return token(TokenKind.DOLLAR, "");
      case '&':
        return token(TokenKind.AMP, "");
      case '(':
        return token(TokenKind.PAREN_L, "");
      case ')':
        return token(TokenKind.PAREN_R, "");
      case '.':
        if (input.length > start + 2 && input[start + 1] == '.' && input[start + 2] == '.') {
          end += 2;
          endRunes += 2;
          return token(TokenKind.SPREAD, "");
        }
        break;
      case ':':
        return token(TokenKind.COLON, "");
      case '=':
        return token(TokenKind.EQUALS, "");
      case '@':
        return token(TokenKind.AT, "");
      case '[':
        return token(TokenKind.BRACKET_L, "");
      case ']':
        return token(TokenKind.BRACKET_R, "");
      case '{':
        return token(TokenKind.BRACE_L, "");
      case '}':
        return token(TokenKind.BRACE_R, "");
      case '|':
        return token(TokenKind.PIPE, "");
      case '#':
        return readComment();
      case '"':
        if (input.length > start + 2 && input[start + 1] == '"' && input[start + 2] == '"') {
          return readBlockString();
        }
        return readString();
      default:
        if (isNameStart(b)) {
          return readName();
        }
        if (b == '-' || b >= '0' && b <= '9') {
          return readNumber();
        }
    }
    end--;
    endRunes--;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      return error("Cannot contain the invalid character \"\\u" + decimal4(b) + "\"");
    }
    if (b == '\'') {
      return error("Unexpected single quote character ('), did you mean to use a double quote (\")?");
    }
    return error("Cannot parse the unexpected character \"" + (char) b + "\".");
  }

  private static boolean isNameStart(int b) {
    return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
  }

  private Lexed token(TokenKind kind, String value) {
    return new Lexed(new Token(kind, value, new Position(line, startRunes - lineStartRunes + 1)), null);
  }

  private Lexed error(String message) {
    Position at = new Position(line, endRunes - lineStartRunes + 1);
    return new Lexed(new Token(TokenKind.INVALID, "", at), new GraphqlError(at, message));
  }

  private String text(int from, int to) {
    return new String(input, from, to - from, StandardCharsets.UTF_8);
  }

  /** Whitespace, commas, line terminators and byte order marks. */
  private void skipIgnored() {
    while (end < input.length) {
      int b = input[end] & 0xFF;
      if (b == '\t' || b == ' ' || b == ',') {
        end++;
        endRunes++;
      } else if (b == '\n' || b == '\r') {
        end++;
        endRunes++;
        line++;
        lineStartRunes = endRunes;
        if (b == '\r' && end < input.length && input[end] == '\n') {
          end++;
          endRunes++;
        }
      } else if (b == 0xEF && end + 2 < input.length && (input[end + 1] & 0xFF) == 0xBB && (input[end + 2] & 0xFF) == 0xBF) {
        end += 3;
        endRunes++;
      } else {
        return;
      }
    }
  }

  /** The rune at {@code end} and its width in bytes; invalid UTF-8 reads as U+FFFD of width 1. */
  private long peekRune() {
    int b = input[end] & 0xFF;
    if (b < 0x80) {
      return pack(b, 1);
    }
    int width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (width == 0 || end + width > input.length) {
      return pack(0xFFFD, 1);
    }
    int cp = b & (0xFF >> (width + 1));
    for (int i = 1; i < width; i++) {
      int c = input[end + i] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        return pack(0xFFFD, 1);
      }
      cp = cp << 6 | c & 0x3F;
    }
    return pack(cp, width);
  }

  /** Steps over the rune at {@code end} and returns it. */
  private int takeRune() {
    long r = peekRune();
    end += (int) (r & 0xFF);
    endRunes++;
    return (int) (r >>> 8);
  }

  private static long pack(int rune, int width) {
    return (long) rune << 8 | width;
  }

  private Lexed readComment() {
    while (end < input.length) {
      long r = peekRune();
      int rune = (int) (r >>> 8);
      if (rune > 0x1F || rune == '\t') {
        end += (int) (r & 0xFF);
        endRunes++;
      } else {
        break;
      }
    }
    return token(TokenKind.COMMENT, text(start, end));
  }

  private Lexed readName() {
    while (end < input.length) {
      int b = input[end] & 0xFF;
      if (isNameStart(b) || b >= '0' && b <= '9') {
        end++;
        endRunes++;
      } else {
        break;
      }
    }
    return token(TokenKind.NAME, text(start, end));
  }

  private Lexed readNumber() {
    boolean isFloat = false;
    end--;
    endRunes--;
    acceptByte('-', '-');
    if (acceptByte('0', '0')) {
      int consumed = acceptDigits();
      if (consumed != 0) {
        end -= consumed;
        endRunes -= consumed;
        return error("Invalid number, unexpected digit after 0: " + describeNext() + ".");
      }
    } else if (acceptDigits() == 0) {
      return error("Invalid number, expected digit but got: " + describeNext() + ".");
    }
    if (acceptByte('.', '.')) {
      isFloat = true;
      if (acceptDigits() == 0) {
        return error("Invalid number, expected digit but got: " + describeNext() + ".");
      }
    }
    if (acceptByte('e', 'E')) {
      isFloat = true;
      acceptByte('-', '+');
      if (acceptDigits() == 0) {
        return error("Invalid number, expected digit but got: " + describeNext() + ".");
      }
    }
    return token(isFloat ? TokenKind.FLOAT : TokenKind.INT, text(start, end));
  }

  private boolean acceptByte(char a, char b) {
    if (end < input.length && (input[end] == a || input[end] == b)) {
      end++;
      endRunes++;
      return true;
    }
    return false;
  }

  private int acceptDigits() {
    int consumed = 0;
    while (end < input.length && input[end] >= '0' && input[end] <= '9') {
      end++;
      endRunes++;
      consumed++;
    }
    return consumed;
  }

  /** The next byte, quoted, the way gqlparser names it (a byte read as a Latin-1 rune), or {@code <EOF>}. */
  private String describeNext() {
    return end < input.length ? "\"" + (char) (input[end] & 0xFF) + "\"" : "<EOF>";
  }

  private Lexed readString() {
    ByteArrayOutputStream buf = null;
    start++;
    startRunes++;
    while (end < input.length) {
      int b = input[end] & 0xFF;
      if (b == '\n' || b == '\r') {
        break;
      }
      if (b < 0x20 && b != '\t') {
        return error("Invalid character within String: \"\\u" + decimal4(b) + "\".");
      }
      if (b == '"') {
        Lexed t = token(TokenKind.STRING, buf == null ? text(start, end) : buf.toString(StandardCharsets.UTF_8));
        end++;
        endRunes++;
        return t;
      }
      if (b != '\\') {
        int rune = takeRune();
        if (buf != null) {
          writeRune(buf, rune);
        }
        continue;
      }
      if (end + 1 >= input.length) {
        end++;
        endRunes++;
        return error("Invalid character escape sequence.");
      }
      if (buf == null) {
        buf = new ByteArrayOutputStream();
        buf.write(input, start, end - start);
      }
      int escape = input[end + 1] & 0xFF;
      if (escape == 'u') {
        if (end + 6 >= input.length) {
          end++;
          endRunes++;
          return error("Invalid character escape sequence: \\" + text(end, input.length) + ".");
        }
        int rune = unhex(end + 2);
        if (rune < 0) {
          end++;
          endRunes++;
          return error("Invalid character escape sequence: \\" + text(end, end + 5) + ".");
        }
        writeRune(buf, rune);
        end += 6;
        endRunes += 6;
        continue;
      }
      int decoded = switch (escape) {
        case '"', '/', '\\' -> escape;
        case 'b' -> '\b';
        case 'f' -> '\f';
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        default -> -1;
      };
      if (decoded < 0) {
        end++;
        endRunes++;
        return error("Invalid character escape sequence: \\" + (char) escape + ".");
      }
      buf.write(decoded);
      end += 2;
      endRunes += 2;
    }
    return error("Unterminated string.");
  }

  /** Four hex digits at {@code at} as a code unit, or -1; like Go, a partial multi-byte rune is no digit. */
  private int unhex(int at) {
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int c = input[i] & 0xFF;
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  private Lexed readBlockString() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    start += 3;
    startRunes += 3;
    end += 2;
    endRunes += 2;
    while (end < input.length) {
      int b = input[end] & 0xFF;
      if (b == '"' && end + 3 <= input.length && input[end + 1] == '"' && input[end + 2] == '"') {
        Lexed t = token(TokenKind.BLOCK_STRING, BlockStrings.value(buf.toString(StandardCharsets.UTF_8)));
        end += 3;
        endRunes += 3;
        return t;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return error("Invalid character within String: \"\\u" + decimal4(b) + "\".");
      }
      if (b == '\\' && end + 4 <= input.length && input[end + 1] == '"' && input[end + 2] == '"' && input[end + 3] == '"') {
        buf.writeBytes(new byte[] {'"', '"', '"'});
        end += 4;
        endRunes += 4;
      } else if (b == '\r') {
        if (end + 1 < input.length && input[end + 1] == '\n') {
          end++;
          endRunes++;
        }
        buf.write('\n');
        end++;
        endRunes++;
        line++;
        lineStartRunes = endRunes;
      } else {
        writeRune(buf, takeRune());
        if (b == '\n') {
          line++;
          lineStartRunes = endRunes;
        }
      }
    }
    return error("Unterminated string.");
  }

  /** Go's {@code WriteRune}: surrogate halves, which are no runes, become U+FFFD. */
  private static void writeRune(ByteArrayOutputStream buf, int rune) {
    int cp = rune >= 0xD800 && rune <= 0xDFFF ? 0xFFFD : rune;
    buf.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
  }

  /** Go's {@code %04d}: gqlparser prints the offending byte in decimal after {@code \\u}. */
  private static String decimal4(int b) {
    return String.format(Locale.ROOT, "%04d", b);
  }
}
