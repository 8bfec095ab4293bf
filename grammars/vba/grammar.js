/**
 * Tree-sitter grammar for VBA 7, VB6 and VBScript (one superset grammar).
 *
 * Written from the VBA language specification [MS-VBAL]: section 3 (lexical tokens, 3.3.2
 * numbers, 3.3.3 dates, 3.3.5 identifiers), 3.4 (conditional compilation), 4 (modules, incl.
 * the VB6 class/form headers), 5 (declarations, statements, expressions; 5.6.9 operator
 * precedence).  See docs/vba-grammar.md for the node types and fields.
 *
 * Conventions
 * - Keywords are case-insensitive: `kw('Dim')` is the pattern /dim/i aliased to the anonymous
 *   node "Dim".  `word` is `identifier`, so keywords are extracted from it and are contextual:
 *   a keyword is only taken where the parser state can use it, so `.Print`, `.End`,
 *   `rs!Type`, `Dim Name As String` all see identifiers.
 * - Keyword pairs that must be told apart from a lone keyword at the same position
 *   (`End Sub` vs the `End` statement, `Line Input` vs a `Line` method) are single tokens
 *   (`ckw`).
 * - Newlines are significant (`_newline` is not an extra); ` _` line continuations and
 *   comments are extras.
 * - Blocks are "separator first": every element of a block starts with a newline or `:`
 *   (the separator that ended the previous line), so a label can only follow a newline.
 */

/* eslint-disable no-undef */

// Case-insensitive pattern for a word, with explicit classes (`[dD][iI][mM]`) rather than
// the `i` flag: under Unicode case folding /k/i also matches the Kelvin sign (U+212A), which
// the identifier pattern does not, and such a token would not be extracted as a keyword.
const ci = (word) =>
  word
    .split('')
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[$]/, '\\$&')))
    .join('');

// Case-insensitive keyword, shown in the tree as the anonymous node `name`.
const kw = (name) => alias(new RegExp(ci(name)), name);

// Multi-word keyword (`End If`) as one token: its words are separated by blanks.
const ckw = (name) => alias(token(new RegExp(name.split(' ').map(ci).join('[ \\t]+'))), name);

const commaSep1 = (rule) => seq(rule, repeat(seq(',', rule)));

// Operator precedence, MS-VBAL 5.6.9 (higher binds tighter).
const PREC = {
  imp: 1,
  eqv: 2,
  xor: 3,
  or: 4,
  and: 5,
  not: 6,
  compare: 7,
  concat: 8,
  additive: 9,
  mod: 10,
  intdiv: 11,
  multiplicative: 12,
  unary: 13,
  exponent: 14,
  postfix: 15,
};

// Characters allowed in identifiers besides ASCII: every non-ASCII character but the
// blanks the grammar treats as extras (NBSP, zero-width space, BOM) and the Unicode line
// and paragraph separators.  MS-VBAL 3.3.5.1 leaves non-Latin identifiers to the code
// page, and the VBA and VB6 editors accept any code-page character there (`¨hash`,
// `Sub 包件_Click`); files decoded with the wrong code page show such names as symbols
// (`total€`), which must still read as names.
const UNI = '\u0080-\u009F\u00A1-\u200A\u200C-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD';
const IDENT_START = `[A-Za-z_${UNI}]`;
const IDENT_CHAR = `[A-Za-z0-9_${UNI}]`;

// Date literal, MS-VBAL 3.3.3.
const MONTH =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(tember)?|' +
  'oct(ober)?|nov(ember)?|dec(ember)?)';
const DVAL = `([0-9]+|${MONTH})`;
const DSEP = '([ \\t]+|[ \\t]*[/,-][ \\t]*)';
const DATE_VALUE = `${DVAL}${DSEP}${DVAL}(${DSEP}${DVAL})?`;
const TSEP = '[ \\t]*[:.][ \\t]*';
const AMPM = '[ \\t]*(am|pm|a|p)';
const TIME_VALUE = `([0-9]+${AMPM}|[0-9]+${TSEP}[0-9]+(${TSEP}[0-9]+)?(${AMPM})?)`;
const DATE_LITERAL = `#[ \\t]*(${DATE_VALUE}[ \\t]+${TIME_VALUE}|${DATE_VALUE}|${TIME_VALUE})[ \\t]*#`;

const GUID =
  '\\{[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]' +
  '-[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]' +
  '-[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]' +
  '-[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]' +
  '-[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]' +
  '[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]\\}';

// Keywords that only end or continue a block: reserved everywhere but after `.` and `!`.
const BLOCK_KEYWORDS = ['Else', 'ElseIf', 'Loop', 'Next', 'Wend'];

// Statement keywords that are not reserved words and are common names (`Name = x`,
// `mId = 1`, `attribute = node.Text`): where a name may start a statement they are also
// accepted as identifiers, and the statement using them as keywords wins by precedence
// when both readings are possible.
const SOFT_KEYWORDS = ['Name', 'Mid', 'Attribute', 'Begin', 'Class', 'Input', 'Return'];
const softIdentifiers = ($) => SOFT_KEYWORDS.map((w) => alias($[`_kw_${w.toLowerCase()}`], $.identifier));

// `#If ... #End If` whose branches hold `body` elements: statements, Type members, Enum
// members or a procedure header.  Each kind gets its own hidden rules, aliased to
// preproc_if / preproc_elseif / preproc_else.
const preprocRules = (kind, body) => ({
  [`_${kind}_preproc_if`]: ($) =>
    seq(
      ckw('#If'),
      field('condition', $._expression),
      kw('Then'),
      field('consequence', body($)),
      repeat(field('alternative', alias($[`_${kind}_preproc_elseif`], $.preproc_elseif))),
      optional(field('alternative', alias($[`_${kind}_preproc_else`], $.preproc_else))),
      ckw('#End If'),
    ),
  [`_${kind}_preproc_elseif`]: ($) =>
    seq(
      ckw('#ElseIf'),
      field('condition', $._expression),
      kw('Then'),
      field('consequence', body($)),
    ),
  [`_${kind}_preproc_else`]: ($) => seq(ckw('#Else'), field('body', body($))),
});

module.exports = grammar({
  name: 'vba',

  word: ($) => $.identifier,

  // src/scanner.c: VBScript's `s&"x"`, `n^2`, `2&"x"` and `16^2` (no blanks), see there.
  externals: ($) => [$._name_before_operator, $._integer_before_operator, $._error_sentinel],

  extras: ($) => [/[ \t\f\u00A0\uFEFF\u200B]/, $.line_continuation, $.comment],

  supertypes: ($) => [$._statement, $._expression],

  conflicts: ($) => [],

  // Keywords that only end or continue a block (MS-VBAL 3.3.5.2 reserved identifiers) are
  // never names, so a stray `Else`, `Next` or `Loop` is a syntax error rather than a call
  // to a procedure of that name. After `.` and `!` any name is allowed (`p.Next`).
  reserved: {
    global: (_) => BLOCK_KEYWORDS.map((w) => new RegExp(ci(w))),
    member: (_) => [],
  },

  rules: {
    source_file: ($) => seq(optional($._statement), repeat($._block_element)),

    // ------------------------------------------------------------------ lexical

    _newline: (_) => /\r?\n|\r/,

    // ` _` at the end of a line joins the next line (MS-VBAL 3.2.2).
    line_continuation: (_) => token(/_[ \t]*\r?\n/),

    // `'` comments run to the end of the line, and on over lines ending in ` _`;
    // `Rem` comments likewise.  A bare `Rem` line keeps its newline.  An `!INC` line
    // (script include of the Enterprise Architect host) is a comment too.
    comment: (_) =>
      token(
        choice(
          /'([^\r\n]*[ \t]_\r?\n)*[^\r\n]*/,
          /[rR][eE][mM][ \t\f]([^\r\n]*[ \t]_\r?\n)*[^\r\n]*/,
          /[rR][eE][mM]\r?\n/,
          // `!INC Group.Script`: the include directive of Sparx Enterprise Architect's
          // script host, found in the .vbs files of EA script libraries.
          /![iI][nN][cC][ \t][^\r\n]*/,
          // `#$language = "VBScript"`: SecureCRT's script header, which the host removes
          // before the VBScript engine sees the file.
          /#[ \t]*\$[^\r\n]*/,
        ),
      ),

    // Identifier with an optional type hint (% & ^ # @ $, MS-VBAL 3.3.5.3; `!` is the
    // dictionary-access operator here), or a [foreign name].
    identifier: (_) =>
      new RegExp(`${IDENT_START}${IDENT_CHAR}*[%&^#@$]?|\\[[^\\]\\r\\n]*\\]`),

    integer_literal: (_) =>
      token(choice(/[0-9]+[%&^]?/, /&[hH][0-9A-Fa-f]+[%&^]?/, /&[oO][0-7]+[%&^]?/)),

    float_literal: (_) =>
      token(
        choice(
          /([0-9]+\.[0-9]*|\.[0-9]+)([eEdD][+-]?[0-9]+)?[!#@]?/,
          /[0-9]+[eEdD][+-]?[0-9]+[!#@]?/,
          /[0-9]+[!#@]/,
        ),
      ),

    string_literal: (_) => token(/"([^"\r\n]|"")*"/),

    date_literal: (_) => token(new RegExp(DATE_LITERAL, 'i')),

    boolean_literal: (_) => choice(kw('True'), kw('False')),
    nothing: (_) => kw('Nothing'),
    empty: (_) => kw('Empty'),
    null: (_) => kw('Null'),
    me: (_) => kw('Me'),

    // Line numbers as labels and jump targets.
    line_number: (_) => /[0-9]+/,

    guid: (_) => token(new RegExp(GUID)),

    // ------------------------------------------------------------------ blocks

    block: ($) => repeat1($._block_element),

    // A block that starts with a statement on the same line (`Else x = 1`).
    _inline_block: ($) => seq($._statement, repeat($._block_element)),

    _block_element: ($) =>
      choice(
        seq($._newline, optional($.label), optional($._statement)),
        seq(':', optional($._statement)),
      ),

    // Labels only start a line (they follow a newline).
    label: ($) =>
      choice(
        prec(2, seq(field('name', choice($.identifier, ...softIdentifiers($))), ':')),
        field('name', $.line_number),
      ),

    // The statements of a single-line If: `If c Then a: b Else c`.  They may start with a
    // `:` (`If c Then: a`, even `If c Then:` alone): anything but a comment after `Then` on
    // the same line makes a single-line If (VBA and VBScript behave so).
    _single_line_block: ($) =>
      prec.right(
        choice(
          seq($._statement, repeat(seq(':', optional($._statement)))),
          repeat1(seq(':', optional($._statement))),
        ),
      ),

    // The body of a block If: it starts with the newline that ends the `If ... Then` line.
    _line_block: ($) =>
      seq($._newline, optional($.label), optional($._statement), repeat($._block_element)),

    _statement: ($) =>
      choice(
        // module header (VB6 / exported VBA)
        $.version_header,
        $.object_reference,
        $.begin_block,
        // declarations
        $.option_statement,
        $.attribute_statement,
        $.variable_declaration,
        $.const_declaration,
        $.type_declaration,
        $.enum_declaration,
        $.declare_statement,
        $.event_declaration,
        $.implements_statement,
        $.deftype_statement,
        $.sub_declaration,
        $.function_declaration,
        $.property_declaration,
        $.class_declaration,
        // conditional compilation
        $.preproc_if,
        $.preproc_const,
        // control flow
        $.if_statement,
        $.select_statement,
        $.for_statement,
        $.for_each_statement,
        $.do_statement,
        $.while_statement,
        $.with_statement,
        $.goto_statement,
        $.gosub_statement,
        $.return_statement,
        $.on_error_statement,
        $.on_goto_statement,
        $.resume_statement,
        $.exit_statement,
        $.end_statement,
        $.stop_statement,
        // simple statements
        $.call_statement,
        $.assignment_statement,
        $.set_statement,
        $.lset_statement,
        $.rset_statement,
        $.mid_statement,
        $.redim_statement,
        $.erase_statement,
        $.raiseevent_statement,
        // file statements
        $.open_statement,
        $.close_statement,
        $.print_statement,
        $.write_statement,
        $.input_statement,
        $.line_input_statement,
        $.get_statement,
        $.put_statement,
        $.seek_statement,
        $.lock_statement,
        $.unlock_statement,
        $.width_statement,
        $.name_statement,
      ),

    // ------------------------------------------------------------------ module header

    // `VERSION 5.00` / `VERSION 1.0 CLASS`
    version_header: (_) =>
      token(/[vV][eE][rR][sS][iI][oO][nN][ \t]+[0-9]+(\.[0-9]+)?([ \t]+[cC][lL][aA][sS][sS])?/),

    // `Object = "{GUID}#2.0#0"; "MSCOMCTL.OCX"`
    object_reference: ($) =>
      seq(
        kw('Object'),
        '=',
        field('value', $.string_literal),
        optional(seq(';', field('file', $.string_literal))),
      ),

    // `BEGIN ... END` (class header) and `Begin VB.Form frmMain ... End` (designer blocks).
    begin_block: ($) =>
      prec(
        1,
        seq(
        alias($._kw_begin, 'Begin'),
        optional(seq(field('type', choice($.type_name, $.guid)), field('name', $.identifier))),
        repeat1(seq($._newline, optional(choice($.form_property, $.begin_block, $.property_group)))),
        kw('End'),
      ),
      ),

    // `BeginProperty Font {GUID} ... EndProperty`
    property_group: ($) =>
      seq(
        kw('BeginProperty'),
        field('name', $._lexpr),
        optional(field('guid', $.guid)),
        repeat1(seq($._newline, optional(choice($.form_property, $.property_group)))),
        kw('EndProperty'),
      ),

    // `Caption = "OK"`, `Tab(0).ControlCount = 3`, `Picture = "f.frx":0000`
    form_property: ($) =>
      seq(
        field('name', $._lexpr),
        '=',
        field('value', choice($._expression, $.frx_reference, $.guid, $.shortcut)),
      ),

    frx_reference: ($) =>
      seq(
        optional('$'),
        field('file', $.string_literal),
        field('offset', alias(token(/:[0-9A-Fa-f]+/), $.frx_offset)),
      ),

    // Menu shortcuts: `^S`, `{F5}`, `+{F1}`.
    shortcut: (_) =>
      token(choice(/[\^+%]+(\{[A-Za-z0-9]+\}|[A-Za-z0-9])/, /\{[A-Za-z][A-Za-z0-9]*\}/)),

    // ------------------------------------------------------------------ declarations

    option_statement: ($) =>
      seq(
        kw('Option'),
        choice(
          kw('Explicit'),
          seq(kw('Base'), field('value', $.integer_literal)),
          seq(kw('Compare'), field('value', choice(kw('Binary'), kw('Text'), kw('Database')))),
          seq(kw('Private'), kw('Module')),
        ),
      ),

    // `Attribute VB_Name = "Module1"`, `Attribute Item.VB_UserMemId = 0`
    attribute_statement: ($) =>
      prec(
        1,
        seq(
          alias($._kw_attribute, 'Attribute'),
          field('name', $._lexpr),
          '=',
          commaSep1(field('value', $._expression)),
        ),
      ),

    modifier: (_) =>
      choice(kw('Public'), kw('Private'), kw('Friend'), kw('Global'), kw('Static')),

    _modifiers: ($) => repeat1($.modifier),

    // Dim / Private / Public / Global / Static variables.
    variable_declaration: ($) =>
      seq(
        choice(kw('Dim'), $._modifiers),
        optional(field('with_events', kw('WithEvents'))),
        commaSep1($.variable_declarator),
      ),

    variable_declarator: ($) =>
      seq(
        field('name', $.identifier),
        optional(field('dimensions', $.array_dimensions)),
        optional($._as_clause),
      ),

    array_dimensions: ($) => seq('(', optional(commaSep1($.dimension)), ')'),

    dimension: ($) =>
      seq(optional(seq(field('lower', $._expression), kw('To'))), field('upper', $._expression)),

    _as_clause: ($) =>
      seq(
        kw('As'),
        optional(field('new', kw('New'))),
        field('type', $.type_name),
        optional(seq('*', field('length', choice($.integer_literal, $.identifier)))),
      ),

    // `Long`, `String`, `Excel.Range`, `Scripting.Dictionary`
    type_name: ($) => seq($.identifier, repeat(seq('.', $.identifier))),

    const_declaration: ($) =>
      seq(optional($._modifiers), kw('Const'), commaSep1($.const_declarator)),

    const_declarator: ($) =>
      seq(field('name', $.identifier), optional($._as_clause), '=', field('value', $._expression)),

    type_declaration: ($) =>
      seq(
        optional($._modifiers),
        kw('Type'),
        field('name', $.identifier),
        repeat($._type_element),
        ckw('End Type'),
      ),

    _type_element: ($) =>
      choice($._newline, ':', $.type_member, alias($._type_preproc_if, $.preproc_if)),

    _type_block: ($) => repeat1($._type_element),

    type_member: ($) =>
      seq(
        field('name', $.identifier),
        optional(field('dimensions', $.array_dimensions)),
        $._as_clause,
      ),

    enum_declaration: ($) =>
      seq(
        optional($._modifiers),
        kw('Enum'),
        field('name', $.identifier),
        repeat($._enum_element),
        ckw('End Enum'),
      ),

    _enum_element: ($) =>
      choice($._newline, ':', $.enum_member, alias($._enum_preproc_if, $.preproc_if)),

    _enum_block: ($) => repeat1($._enum_element),

    enum_member: ($) =>
      seq(field('name', $.identifier), optional(seq('=', field('value', $._expression)))),

    // `Declare PtrSafe Function GetTickCount Lib "kernel32" Alias "x" () As Long`
    declare_statement: ($) =>
      seq(
        optional($._modifiers),
        kw('Declare'),
        optional(kw('PtrSafe')),
        field('kind', choice(kw('Sub'), kw('Function'))),
        field('name', $.identifier),
        optional($.calling_convention),
        kw('Lib'),
        field('library', $.string_literal),
        optional($.calling_convention),
        optional(seq(kw('Alias'), field('alias', $.string_literal))),
        optional(field('parameters', $.parameter_list)),
        optional($._return_type),
      ),

    // VBA for Mac: `Declare Function f CDecl Lib "libc.dylib" ...` (also seen after the
    // library name).
    calling_convention: ($) => kw('CDecl'),

    event_declaration: ($) =>
      seq(
        optional($._modifiers),
        kw('Event'),
        field('name', $.identifier),
        optional(field('parameters', $.parameter_list)),
      ),

    implements_statement: ($) => seq(kw('Implements'), field('interface', $.type_name)),

    // `DefInt A-Z`, `DefStr S, T-V`
    deftype_statement: ($) =>
      seq(
        choice(
          kw('DefBool'),
          kw('DefByte'),
          kw('DefInt'),
          kw('DefLng'),
          kw('DefLngLng'),
          kw('DefLngPtr'),
          kw('DefCur'),
          kw('DefSng'),
          kw('DefDbl'),
          kw('DefDec'),
          kw('DefDate'),
          kw('DefStr'),
          kw('DefObj'),
          kw('DefVar'),
        ),
        commaSep1($.letter_range),
      ),

    letter_range: ($) =>
      seq(field('start', $.identifier), optional(seq('-', field('end', $.identifier)))),

    // ------------------------------------------------------------------ procedures

    // A procedure whose header alone sits in `#If` branches (one header per branch):
    //   #If VBA7 Then / Function F(h As LongPtr) / #Else / Function F(h As Long) / #End If
    // becomes function_declaration(preproc_if(... function_header ...), body).
    sub_declaration: ($) =>
      seq(
        choice($._sub_header, alias($._sub_preproc_if, $.preproc_if)),
        field('body', $.block),
        ckw('End Sub'),
      ),

    function_declaration: ($) =>
      seq(
        choice($._function_header, alias($._function_preproc_if, $.preproc_if)),
        field('body', $.block),
        ckw('End Function'),
      ),

    property_declaration: ($) =>
      seq(
        choice($._property_header, alias($._property_preproc_if, $.preproc_if)),
        field('body', $.block),
        ckw('End Property'),
      ),

    _sub_header: ($) =>
      seq(
        optional(seq($._modifiers, optional(kw('Default')))),
        kw('Sub'),
        field('name', $.identifier),
        optional(field('parameters', $.parameter_list)),
      ),

    _function_header: ($) =>
      seq(
        optional(seq($._modifiers, optional(kw('Default')))),
        kw('Function'),
        field('name', $.identifier),
        optional(field('parameters', $.parameter_list)),
        optional($._return_type),
      ),

    _property_header: ($) =>
      seq(
        optional(seq($._modifiers, optional(kw('Default')))),
        kw('Property'),
        field('kind', choice(kw('Get'), kw('Let'), kw('Set'))),
        field('name', $.identifier),
        optional(field('parameters', $.parameter_list)),
        optional($._return_type),
      ),


    _sub_header_branch: ($) =>
      seq(
        repeat($._block_element),
        $._newline,
        alias($._sub_header, $.sub_header),
        repeat($._block_element),
      ),
    _function_header_branch: ($) =>
      seq(
        repeat($._block_element),
        $._newline,
        alias($._function_header, $.function_header),
        repeat($._block_element),
      ),
    _property_header_branch: ($) =>
      seq(
        repeat($._block_element),
        $._newline,
        alias($._property_header, $.property_header),
        repeat($._block_element),
      ),

    // VBScript classes.
    class_declaration: ($) =>
      prec(
        1,
        seq(
          alias($._kw_class, 'Class'),
          field('name', $.identifier),
          field('body', $.block),
          ckw('End Class'),
        ),
      ),

    _return_type: ($) => seq(kw('As'), field('return_type', $.type_name), optional(seq('(', ')'))),

    parameter_list: ($) => seq('(', optional(commaSep1($.parameter)), ')'),

    parameter: ($) =>
      seq(
        repeat(
          choice(
            field('optional', kw('Optional')),
            field('passing', choice(kw('ByVal'), kw('ByRef'))),
            field('param_array', kw('ParamArray')),
          ),
        ),
        field('name', $.identifier),
        optional(seq('(', ')')),
        optional($._as_clause),
        optional(seq('=', field('default', $._expression))),
      ),

    // ------------------------------------------------------------------ conditional compilation

    preproc_if: ($) => $._stmt_preproc_if,
    ...preprocRules('stmt', ($) => $.block),
    ...preprocRules('type', ($) => alias($._type_block, $.block)),
    ...preprocRules('enum', ($) => alias($._enum_block, $.block)),
    ...preprocRules('sub', ($) => alias($._sub_header_branch, $.block)),
    ...preprocRules('function', ($) => alias($._function_header_branch, $.block)),
    ...preprocRules('property', ($) => alias($._property_header_branch, $.block)),

    preproc_const: ($) =>
      seq(ckw('#Const'), field('name', $.identifier), '=', field('value', $._expression)),

    // ------------------------------------------------------------------ control flow

    if_statement: ($) =>
      choice(
        seq(
          kw('If'),
          field('condition', $._expression),
          kw('Then'),
          field('consequence', alias($._line_block, $.block)),
          repeat(field('alternative', $.elseif_clause)),
          optional(field('alternative', $.else_clause)),
          ckw('End If'),
        ),
        prec.right(
          seq(
            kw('If'),
            field('condition', $._expression),
            kw('Then'),
            choice(
              seq(
                field('consequence', alias($._single_line_block, $.block)),
                optional(field('alternative', alias($._single_line_else, $.else_clause))),
              ),
              field('alternative', alias($._single_line_else, $.else_clause)),
            ),
            // `If x Then y = 1 End If`: the VBScript engine accepts a closing End If on
            // the same line.
            optional(ckw('End If')),
          ),
        ),
      ),

    _single_line_else: ($) =>
      prec.right(seq(kw('Else'), optional(field('body', alias($._single_line_block, $.block))))),

    elseif_clause: ($) =>
      seq(
        kw('ElseIf'),
        field('condition', $._expression),
        kw('Then'),
        field('consequence', choice($.block, alias($._inline_block, $.block))),
      ),

    else_clause: ($) =>
      seq(kw('Else'), field('body', choice($.block, alias($._inline_block, $.block)))),

    select_statement: ($) =>
      seq(
        kw('Select'),
        kw('Case'),
        field('value', $._expression),
        repeat(choice($._newline, ':')),
        repeat($.case_clause),
        optional($.case_else_clause),
        ckw('End Select'),
      ),

    case_clause: ($) =>
      seq(
        kw('Case'),
        commaSep1(field('value', choice($._expression, $.case_range, $.case_comparison))),
        field('body', $.block),
      ),

    case_else_clause: ($) => seq(kw('Case'), kw('Else'), field('body', $.block)),

    case_range: ($) => seq(field('start', $._expression), kw('To'), field('end', $._expression)),

    // `Case Is > 5`
    case_comparison: ($) =>
      seq(
        optional(kw('Is')),
        field('operator', choice('=', '<>', '><', '<', '>', '<=', '=<', '>=', '=>')),
        field('value', $._expression),
      ),

    // `Next j, i` closes two loops: the inner loop holds that Next and the outer one ends
    // right after it (its body is a `_closed_body1`).  `Next k, j, i` closes three.
    for_statement: ($) =>
      choice(
        seq($._for_header, field('body', $.block), $.next_clause),
        seq($._for_header, field('body', alias($._closed_body1, $.block))),
      ),

    for_each_statement: ($) =>
      choice(
        seq($._for_each_header, field('body', $.block), $.next_clause),
        seq($._for_each_header, field('body', alias($._closed_body1, $.block))),
      ),

    _for_header: ($) =>
      seq(
        kw('For'),
        field('counter', $._lexpr),
        '=',
        field('start', $._expression),
        kw('To'),
        field('end', $._expression),
        optional(seq(kw('Step'), field('step', $._expression))),
      ),

    _for_each_header: ($) =>
      seq(
        kw('For'),
        kw('Each'),
        field('element', $._lexpr),
        kw('In'),
        field('collection', $._expression),
      ),

    // A loop body ending with a loop whose `Next` closes this loop too (1) or this loop and
    // the one around it (2).
    _closed_body1: ($) =>
      seq(
        repeat($._block_element),
        choice($._newline, ':'),
        choice(
          alias($._closing1_for, $.for_statement),
          alias($._closing1_for_each, $.for_each_statement),
        ),
      ),

    _closed_body2: ($) =>
      seq(
        repeat($._block_element),
        choice($._newline, ':'),
        choice(
          alias($._closing2_for, $.for_statement),
          alias($._closing2_for_each, $.for_each_statement),
        ),
      ),

    _closing1_for: ($) =>
      choice(
        seq($._for_header, field('body', $.block), alias($._next2, $.next_clause)),
        seq($._for_header, field('body', alias($._closed_body2, $.block))),
      ),

    _closing1_for_each: ($) =>
      choice(
        seq($._for_each_header, field('body', $.block), alias($._next2, $.next_clause)),
        seq($._for_each_header, field('body', alias($._closed_body2, $.block))),
      ),

    _closing2_for: ($) =>
      seq($._for_header, field('body', $.block), alias($._next3, $.next_clause)),

    _closing2_for_each: ($) =>
      seq($._for_each_header, field('body', $.block), alias($._next3, $.next_clause)),

    _next2: ($) =>
      prec(
        1,
        seq(kw('Next'), field('counter', $._lexpr), ',', field('counter', $._lexpr)),
      ),

    _next3: ($) =>
      prec(
        1,
        seq(
          kw('Next'),
          field('counter', $._lexpr),
          ',',
          field('counter', $._lexpr),
          repeat1(seq(',', field('counter', $._lexpr))),
        ),
      ),

    next_clause: ($) => seq(kw('Next'), optional(commaSep1(field('counter', $._lexpr)))),

    do_statement: ($) =>
      seq(
        kw('Do'),
        optional(field('pre_condition', choice($.while_clause, $.until_clause))),
        field('body', $.block),
        kw('Loop'),
        optional(field('post_condition', choice($.while_clause, $.until_clause))),
      ),

    while_clause: ($) => seq(kw('While'), field('condition', $._expression)),
    until_clause: ($) => seq(kw('Until'), field('condition', $._expression)),

    while_statement: ($) =>
      seq(
        kw('While'),
        field('condition', $._expression),
        field('body', $.block),
        choice(kw('Wend'), ckw('End While')),
      ),

    with_statement: ($) =>
      seq(kw('With'), field('object', $._expression), field('body', $.block), ckw('End With')),

    _jump_target: ($) => choice($.identifier, $.line_number),

    goto_statement: ($) => seq(kw('GoTo'), field('target', $._jump_target)),
    gosub_statement: ($) => seq(kw('GoSub'), field('target', $._jump_target)),
    // `Return = x` is an assignment in VBScript, which has no GoSub.
    return_statement: ($) => prec(1, alias($._kw_return, 'Return')),

    on_error_statement: ($) =>
      seq(
        kw('On'),
        optional(kw('Local')),
        kw('Error'),
        choice(
          seq(kw('GoTo'), optional('-'), field('target', $._jump_target)),
          seq(kw('Resume'), kw('Next')),
        ),
      ),

    // `On x GoTo a, b, c`
    on_goto_statement: ($) =>
      seq(
        kw('On'),
        field('value', $._expression),
        choice(kw('GoTo'), kw('GoSub')),
        commaSep1(field('target', $._jump_target)),
      ),

    resume_statement: ($) =>
      prec.right(seq(kw('Resume'), optional(choice(kw('Next'), field('target', $._jump_target))))),

    exit_statement: (_) =>
      seq(
        kw('Exit'),
        field(
          'kind',
          choice(kw('Sub'), kw('Function'), kw('Property'), kw('For'), kw('Do'), kw('While')),
        ),
      ),

    end_statement: (_) => kw('End'),
    stop_statement: (_) => kw('Stop'),

    // ------------------------------------------------------------------ simple statements

    // `Foo`, `Foo 1, 2`, `Foo (x)`, `obj.Method a:=1`, `Call Foo(1)`, `Foo(1)`.
    call_statement: ($) =>
      choice(
        seq(
          kw('Call'),
          field('function', choice($._lexpr, alias($._spaced_call, $.call_expression))),
        ),
        seq(
          field('function', $._lexpr),
          optional(field('arguments', alias($._arguments, $.argument_list))),
        ),
      ),

    assignment_statement: ($) =>
      seq(optional(kw('Let')), field('left', $._lexpr), '=', field('right', $._expression)),

    set_statement: ($) =>
      seq(kw('Set'), field('left', $._lexpr), '=', field('right', $._expression)),

    lset_statement: ($) =>
      seq(kw('LSet'), field('left', $._lexpr), '=', field('right', $._expression)),

    rset_statement: ($) =>
      seq(kw('RSet'), field('left', $._lexpr), '=', field('right', $._expression)),

    // `Mid(s, 2, 1) = "x"`, also Mid$, MidB, MidB$.
    mid_statement: ($) =>
      prec(
        1,
        seq(
          field('function', alias($._kw_mid, $.identifier)),
          field(
            'arguments',
            choice($.argument_list, alias($._spaced_argument_list, $.argument_list)),
          ),
          '=',
          field('value', $._expression),
        ),
      ),

    redim_statement: ($) =>
      seq(kw('ReDim'), optional(kw('Preserve')), commaSep1($.redim_clause)),

    redim_clause: ($) =>
      seq(
        field('name', choice($.identifier, alias($._redim_member, $.member_expression))),
        field('dimensions', $.array_dimensions),
        optional($._as_clause),
      ),

    _redim_member: ($) =>
      seq(
        optional(
          field('object', choice($.identifier, $.me, alias($._redim_member, $.member_expression))),
        ),
        choice('.', alias($._imm_dot, '.')),
        field('member', $.identifier),
      ),

    erase_statement: ($) => seq(kw('Erase'), commaSep1(field('array', $._expression))),

    raiseevent_statement: ($) =>
      seq(
        kw('RaiseEvent'),
        field('name', $.identifier),
        optional(
          field(
            'arguments',
            choice($.argument_list, alias($._spaced_argument_list, $.argument_list)),
          ),
        ),
      ),

    // ------------------------------------------------------------------ file statements

    file_number: ($) => seq('#', $._expression),

    _file_ref: ($) => choice($.file_number, $._expression),

    open_statement: ($) =>
      seq(
        kw('Open'),
        field('path', $._expression),
        optional(
          seq(
            kw('For'),
            field(
              'mode',
              choice(kw('Append'), kw('Binary'), kw('Input'), kw('Output'), kw('Random')),
            ),
          ),
        ),
        optional(seq(kw('Access'), field('access', $.file_access))),
        optional(field('lock', $.file_lock)),
        kw('As'),
        field('file_number', $._file_ref),
        optional(seq(kw('Len'), '=', field('length', $._expression))),
      ),

    file_access: (_) => choice(seq(kw('Read'), optional(kw('Write'))), kw('Write')),

    file_lock: (_) =>
      choice(kw('Shared'), seq(kw('Lock'), choice(seq(kw('Read'), optional(kw('Write'))), kw('Write')))),

    close_statement: ($) =>
      seq(kw('Close'), optional(commaSep1(field('file_number', $._file_ref)))),

    // `Print #1, a; b`, `Debug.Print x`, `Printer.Print`, `.Print` (With), `Print "x"` (VB6 form).
    print_statement: ($) =>
      seq(
        optional(choice(seq(field('object', $._lexpr), $._dot), '.')),
        kw('Print'),
        optional(
          choice(
            seq(
              field('file_number', $.file_number),
              optional(seq(',', optional(field('output', $.output_list)))),
            ),
            field('output', $.output_list),
          ),
        ),
      ),

    write_statement: ($) =>
      seq(
        kw('Write'),
        field('file_number', $.file_number),
        optional(seq(',', optional(field('output', $.output_list)))),
      ),

    // Items separated by `;` or `,` (MS-VBAL 5.4.5.8); the separators stay in the tree.
    output_list: ($) =>
      choice(
        seq($._output_item, repeat(seq(choice(';', ','), optional($._output_item)))),
        repeat1(seq(choice(';', ','), optional($._output_item))),
      ),

    _output_item: ($) => choice($._expression, $.spc_clause, $.tab_clause),

    spc_clause: ($) => seq(kw('Spc'), '(', field('value', $._expression), ')'),
    tab_clause: ($) => seq(kw('Tab'), optional(seq('(', field('value', $._expression), ')'))),

    // `Input = x` is an assignment in VBScript, which has no file statements.
    input_statement: ($) =>
      prec(
        1,
        seq(
          alias($._kw_input, 'Input'),
          field('file_number', $.file_number),
          ',',
          commaSep1(field('variable', $._expression)),
        ),
      ),

    line_input_statement: ($) =>
      seq(
        ckw('Line Input'),
        field('file_number', $.file_number),
        ',',
        field('variable', $._expression),
      ),

    get_statement: ($) =>
      seq(
        kw('Get'),
        field('file_number', $._file_ref),
        ',',
        optional(field('record', $._expression)),
        ',',
        field('variable', $._expression),
      ),

    put_statement: ($) =>
      seq(
        kw('Put'),
        field('file_number', $._file_ref),
        ',',
        optional(field('record', $._expression)),
        ',',
        field('variable', $._expression),
      ),

    seek_statement: ($) =>
      seq(kw('Seek'), field('file_number', $._file_ref), ',', field('position', $._expression)),

    lock_statement: ($) =>
      seq(kw('Lock'), field('file_number', $._file_ref), optional($._record_range)),

    unlock_statement: ($) =>
      seq(kw('Unlock'), field('file_number', $._file_ref), optional($._record_range)),

    _record_range: ($) =>
      seq(
        ',',
        choice(
          seq(field('start', $._expression), optional(seq(kw('To'), field('end', $._expression)))),
          seq(kw('To'), field('end', $._expression)),
        ),
      ),

    // `Width #1, 80` (the `#` is part of the keyword token so `Width = 5` stays an assignment)
    width_statement: ($) =>
      seq(
        alias(token(/[wW][iI][dD][tT][hH][ \t]+#/), 'Width #'),
        field('file_number', $._expression),
        ',',
        field('width', $._expression),
      ),

    // `Name old As new`; `Name` stays usable as an identifier (`Name = x`).
    name_statement: ($) =>
      prec(
        1,
        seq(
          alias($._kw_name, 'Name'),
          field('old', $._expression),
          kw('As'),
          field('new', $._expression),
        ),
      ),

    _step_paren: (_) => token(/[sS][tT][eE][pP][ \t]*\(/),

    _kw_name: (_) => new RegExp(ci('Name')),
    _kw_input: (_) => new RegExp(ci('Input')),
    _kw_return: (_) => new RegExp(ci('Return')),
    _kw_mid: (_) => /[mM][iI][dD][bB]?\$?/,
    _kw_attribute: (_) => new RegExp(ci('Attribute')),
    _kw_begin: (_) => new RegExp(ci('Begin')),
    _kw_class: (_) => new RegExp(ci('Class')),

    // ------------------------------------------------------------------ expressions

    _expression: ($) =>
      choice(
        $.identifier,
        alias($._name_before_operator, $.identifier),
        alias($._integer_before_operator, $.integer_literal),
        ...softIdentifiers($),
        $.me,
        $.member_expression,
        $.dictionary_access,
        $.call_expression,
        alias($._spaced_call, $.call_expression),
        $.integer_literal,
        $.float_literal,
        $.string_literal,
        $.date_literal,
        $.boolean_literal,
        $.nothing,
        $.empty,
        $.null,
        $.parenthesized_expression,
        $.point,
        $.unary_expression,
        $.binary_expression,
        $.new_expression,
        $.typeof_expression,
        $.addressof_expression,
      ),

    // Expressions that can start a statement (l-expressions, MS-VBAL 5.6.16.1): names,
    // member and dictionary access, calls with `(` right after the callee.
    _lexpr: ($) =>
      choice(
        $.identifier,
        ...softIdentifiers($),
        $.me,
        $.member_expression,
        $.dictionary_access,
        $.call_expression,
      ),

    _imm_dot: (_) => token.immediate(prec(1, '.')),
    _imm_bang: (_) => token.immediate(prec(1, '!')),
    _imm_lparen: (_) => token.immediate(prec(1, '(')),
    // ` _` + newline + `.`: a member access continued on the next line.
    _continued_dot: (_) => token(prec(1, /_[ \t]*\r?\n[ \t]*\./)),

    _dot: ($) => choice(alias($._imm_dot, '.'), '.', alias($._continued_dot, '.')),

    // `a.b`, `(x).b`, and `.b` inside With.  A `.` after a blank that follows a call
    // statement's callee starts a With-member argument (`MsgBox .Name`), hence prec -1.
    member_expression: ($) =>
      choice(
        seq(
          field('object', $._lexpr),
          choice(alias($._imm_dot, '.'), alias($._continued_dot, '.')),
          field('member', $._member_name),
        ),
        prec(-1, seq(field('object', $._lexpr), '.', field('member', $._member_name))),
        seq(field('object', $.parenthesized_expression), $._dot, field('member', $._member_name)),
        seq('.', field('member', $._member_name)),
      ),

    // `rs!Name`, `Forms!frmMain!txt`, `!Name` inside With.
    dictionary_access: ($) =>
      choice(
        seq(field('object', $._lexpr), alias($._imm_bang, '!'), field('member', $._member_name)),
        prec(-1, seq(field('object', $._lexpr), '!', field('member', $._member_name))),
        seq('!', field('member', $._member_name)),
      ),

    // A member name; `o.Name&"x"` is VBScript's `o.Name & "x"` (src/scanner.c).
    _member_name: ($) =>
      choice(reserved('member', $.identifier), alias($._name_before_operator, $.identifier)),

    // `f(1, 2)`, `a(i)`, `obj.Item("k")`: `(` directly after the callee.
    call_expression: ($) =>
      prec(PREC.postfix, seq(field('function', $._lexpr), field('arguments', $.argument_list))),

    // `f (1)` inside an expression (VBScript style, blank before the parenthesis).
    _spaced_call: ($) =>
      seq(
        field('function', $._lexpr),
        field('arguments', alias($._spaced_argument_list, $.argument_list)),
      ),

    argument_list: ($) => seq(alias($._imm_lparen, '('), optional($._arguments), ')'),

    _spaced_argument_list: ($) => seq('(', optional($._arguments), ')'),

    // Arguments may be omitted: `f(1, , 3)`, `GetObject(, "x")`.
    _arguments: ($) =>
      choice(
        seq($._argument, repeat(seq(',', optional($._argument)))),
        repeat1(seq(',', optional($._argument))),
      ),

    // `#1` in `Input(n, #1)`.
    _argument: ($) => choice($._expression, $.named_argument, $.byval_argument, $.file_number),

    named_argument: ($) =>
      seq(
        field('name', choice($.identifier, ...softIdentifiers($))),
        ':=',
        field('value', $._expression),
      ),

    byval_argument: ($) => seq(choice(kw('ByVal'), kw('ByRef')), field('value', $._expression)),

    parenthesized_expression: ($) => seq('(', $._expression, ')'),

    // VB6 graphics coordinates: `Line (0, 0)-(10, 10)`, `PSet Step(1, 1)`.
    // `Step(` is one token (anonymous node "Step("), so `Step` is no keyword where an
    // expression starts and a variable named `step` stays a name (`i = i + step`).
    point: ($) =>
      seq(
        choice('(', alias($._step_paren, 'Step(')),
        field('x', $._expression),
        ',',
        field('y', $._expression),
        ')',
      ),

    unary_expression: ($) =>
      choice(
        prec(PREC.unary, seq(field('operator', choice('-', '+')), field('operand', $._expression))),
        prec(PREC.not, seq(field('operator', kw('Not')), field('operand', $._expression))),
      ),

    binary_expression: ($) => {
      const table = [
        [PREC.exponent, '^'],
        [PREC.multiplicative, choice('*', '/')],
        [PREC.intdiv, '\\'],
        [PREC.mod, kw('Mod')],
        [PREC.additive, choice('+', '-')],
        [PREC.concat, '&'],
        [
          PREC.compare,
          choice('=', '<>', '><', '<', '>', '<=', '=<', '>=', '=>', kw('Like'), kw('Is')),
        ],
        [PREC.and, kw('And')],
        [PREC.or, kw('Or')],
        [PREC.xor, kw('Xor')],
        [PREC.eqv, kw('Eqv')],
        [PREC.imp, kw('Imp')],
      ];
      return choice(
        ...table.map(([p, op]) =>
          prec.left(
            p,
            seq(
              field('left', $._expression),
              field('operator', op),
              field('right', $._expression),
            ),
          ),
        ),
      );
    },

    new_expression: ($) => seq(kw('New'), field('type', $.type_name)),

    typeof_expression: ($) =>
      seq(kw('TypeOf'), field('value', $._lexpr), kw('Is'), field('type', $.type_name)),

    addressof_expression: ($) => seq(kw('AddressOf'), field('value', $._lexpr)),
  },
});
