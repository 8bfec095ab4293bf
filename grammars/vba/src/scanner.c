/* External scanner of the VBA grammar: two tokens the regular lexer cannot tell apart
   because they need a look past the end of the token.

   VBScript has no type hints, and hand-written .vbs files leave out the blanks around
   operators: `s&"x"` is `s & "x"`, `n^2` is `n ^ 2`, `2&"x"` is `2 & "x"`.  In VBA and VB6
   `s&` and `n^` are names with the Long and LongLong type hints and `2&`, `16^` Long and
   LongLong literals, but their editors always write a blank before a following operand
   (`s& + 1`, `x = 16^ * 2`), so a name or decimal digits directly followed by `&` or `^`
   and then an operand is the VBScript spelling.  Only then do we return the name (or the
   number) without the `&` or `^`, which the regular lexer then reads as the operator.

   Stateless, so serialization is empty. */
#include "tree_sitter/parser.h"

#include <wctype.h>

enum TokenType { NAME_BEFORE_OPERATOR, INTEGER_BEFORE_OPERATOR, ERROR_SENTINEL };

void *tree_sitter_vba_external_scanner_create(void) { return NULL; }
void tree_sitter_vba_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_vba_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_vba_external_scanner_deserialize(void *payload, const char *buffer,
                                                   unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static bool is_ascii_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* Characters beyond ASCII that the grammar's identifier pattern allows (UNI there). */
static bool is_other_letter(int32_t c) {
  return (c >= 0x80 && c <= 0x9F) || (c >= 0xA1 && c <= 0x200A) || (c >= 0x200C && c <= 0x2027) ||
         (c >= 0x202A && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFEFE) ||
         (c >= 0xFF00 && c <= 0xFFFD);
}

static bool is_name_start(int32_t c) { return is_ascii_letter(c) || is_other_letter(c); }
static bool is_name_char(int32_t c) { return is_name_start(c) || is_digit(c) || c == '_'; }

/* What can start the right operand of a binary operator (`_`: a line continuation,
   `a&_` + newline). */
static bool starts_operand(int32_t c) {
  return is_name_start(c) || is_digit(c) || c == '"' || c == '(' || c == '[' || c == '.' ||
         c == '-' || c == '+' || c == '#' || c == '_';
}

static void skip_blanks(TSLexer *lexer) {
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t') lexer->advance(lexer, true);
}

/* `part`s (the name or the digits, already known to start here), then `&` or `^` directly
   followed by an operand: the token is the part alone, and the operator is lexed next. */
static bool scan_before_operator(TSLexer *lexer, bool (*part)(int32_t), enum TokenType symbol) {
  while (part(lexer->lookahead)) lexer->advance(lexer, false);
  lexer->mark_end(lexer);
  if (lexer->lookahead != '&' && lexer->lookahead != '^') return false;
  lexer->advance(lexer, false);
  if (!starts_operand(lexer->lookahead)) return false;
  lexer->result_symbol = symbol;
  return true;
}

bool tree_sitter_vba_external_scanner_scan(void *payload, TSLexer *lexer,
                                           const bool *valid_symbols) {
  (void)payload;
  if (valid_symbols[ERROR_SENTINEL]) return false;
  skip_blanks(lexer);
  if (valid_symbols[NAME_BEFORE_OPERATOR] && is_name_start(lexer->lookahead)) {
    return scan_before_operator(lexer, is_name_char, NAME_BEFORE_OPERATOR);
  }
  if (valid_symbols[INTEGER_BEFORE_OPERATOR] && is_digit(lexer->lookahead)) {
    return scan_before_operator(lexer, is_digit, INTEGER_BEFORE_OPERATOR);
  }
  return false;
}
