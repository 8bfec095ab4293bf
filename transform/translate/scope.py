"""What templates and conditions may ask about names: declared types, canonical spellings,
which procedure we are in. Built from the module's declarations (Dim/Const/parameters/As
clauses, function return types), so a rule can choose idiomatic Python only where the types
prove it equivalent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import tree_sitter

from transform.parse import vba_ast as A

PROCEDURE_TYPES = {"sub_declaration", "function_declaration", "property_declaration"}


def enclosing_procedure(node: tree_sitter.Node) -> tree_sitter.Node | None:
    """The Sub, Function or Property declaration around ``node`` (None at module level)."""
    while node is not None and node.type not in PROCEDURE_TYPES:
        node = node.parent
    return node


# Return types of library functions whose result type is fixed (VBA reference pages).
LONG_FUNCTIONS = """len instr instrrev asc ascw lbound ubound year month day hour minute second
weekday clng strcomp lof loc seek lenb instrb qbcolor"""
STRING_FUNCTIONS = """left$ right$ mid$ trim$ ltrim$ rtrim$ ucase$ lcase$ space$ string$ chr$
chrw$ str$ format$ hex$ oct$ cstr join replace strreverse monthname weekdayname leftb$ rightb$
midb$ chrb$ formatdatetime getsetting"""
DOUBLE_FUNCTIONS = """cdbl sqr exp log sin cos tan atn rnd timer val pmt ipmt ppmt fv pv nper
rate npv irr mirr sln syd ddb"""
BOOLEAN_FUNCTIONS = "cbool isnumeric isempty isnull isdate isarray isobject eof"

# Library functions returning a Variant that is a String unless their argument is Null.
STRING_OF_STRING = set(
    """left right mid trim ltrim rtrim ucase lcase space string chr chrw hex oct str format
    strconv leftb rightb midb chrb""".split()  # noqa: SIM905
)

# Return types of library functions whose result type is fixed (VBA reference pages).
LIBRARY_RETURN_TYPES = {
    **dict.fromkeys(LONG_FUNCTIONS.split(), "Long"),  # noqa: SIM905
    **dict.fromkeys(STRING_FUNCTIONS.split(), "String"),  # noqa: SIM905
    **dict.fromkeys(DOUBLE_FUNCTIONS.split(), "Double"),  # noqa: SIM905
    **dict.fromkeys(BOOLEAN_FUNCTIONS.split(), "Boolean"),  # noqa: SIM905
    "cint": "Integer",
    "ascb": "Integer",
    "freefile": "Integer",
    "cbyte": "Byte",
    "ccur": "Currency",
    "csng": "Single",
    "cdate": "Date",
    "date": "Date",
    "now": "Date",
    "dateserial": "Date",
}
NUMERIC_TYPES = ("Byte", "Integer", "Long", "LongLong", "Single", "Double", "Currency")


@dataclass
class ProcedureScope:
    name: str
    kind: str  # sub_declaration | function_declaration | property_declaration
    return_type: str | None
    types: dict[str, str] = field(default_factory=dict)  # lower-case name -> VBA type
    parameters: list[str] = field(default_factory=list)
    byref: set[str] = field(default_factory=set)
    # ByRef parameters the body assigns as a whole (lower-case, in parameter order):
    # returned to the caller (see docs/translation.md, "ByRef").
    byref_out: list[str] = field(default_factory=list)
    statics: dict[str, str] = field(default_factory=dict)  # lower name -> python storage
    property_kind: str | None = None  # get | let | set


@dataclass(frozen=True)
class Symbol:
    """A name another module (or this one) defines: what it is and where it lives."""

    module: str  # python module name
    kind: str  # proc | class | var | const | enum | enummember | type | member | typemember
    vba_type: str | None = None
    detail: str = ""  # enum of an enum member; member kind of a class member


@dataclass
class ModuleScope:
    name: str
    types: dict[str, str] = field(default_factory=dict)  # module-level variables/constants
    return_types: dict[str, str] = field(default_factory=dict)  # procedures in this module
    spellings: dict[str, str] = field(default_factory=dict)
    procedure: ProcedureScope | None = None
    skipped_statement_types: frozenset[str] = frozenset()
    procedures: set[str] = field(default_factory=set)  # lower-case names callable here
    option_compare_text: bool = False
    # Public procedures of the other modules of the project: lower-case name -> module.
    project_procedures: dict[str, str] = field(default_factory=dict)
    imports: set[tuple[str, str]] = field(default_factory=set)  # (module, python name)
    is_class: bool = False
    is_form: bool = False  # a form or user control: controls are members of Me
    option_explicit: bool = False
    # Everything the project defines, lower-case name -> Symbol ("Class.member" and
    # "Type.member" for members); this module's own definitions included.
    symbols: dict[str, Symbol] = field(default_factory=dict)
    byref_out: dict[str, list[int]] = field(default_factory=dict)  # procedure -> positions
    # procedure (or "class.member") -> (declared type, ByVal) of each parameter
    signatures: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    events: dict[str, list[int]] = field(default_factory=dict)  # event -> ByRef positions
    with_events: set[str] = field(default_factory=set)
    module_imports: set[str] = field(default_factory=set)  # `from . import m`
    static_lines: list[str] = field(default_factory=list)  # module-level Static storage
    python_module: str = ""
    class_name: str = ""  # VB_Name of a class module
    with_types: list[str] = field(default_factory=list)  # types of the open With objects
    # Rule examples are fragments whose free names stand for variables declared elsewhere;
    # in real code a name nothing declares or assigns is an implicit local, always Empty.
    free_names_are_variables: bool = False
    is_script: bool = False  # a VBScript file: only VBScript's library functions exist

    def symbol(self, name: str) -> Symbol | None:
        return self.symbols.get(name_key(name))

    def is_local(self, name: str) -> bool:
        """Declared in the current procedure (a local or a parameter)?"""
        key = name_key(name)
        return bool(self.procedure and key in self.procedure.types)

    def class_of(self, vba_type: str | None) -> str | None:
        """The project class a declared type names, or None."""
        if not vba_type:
            return None
        symbol = self.symbols.get(vba_type.lower())
        return vba_type if symbol is not None and symbol.kind == "class" else None

    def member(self, class_name: str, member: str) -> Symbol | None:
        return self.symbols.get(f"{class_name.lower()}.{member.lower()}")

    @property
    def current_procedure(self) -> str | None:
        return self.procedure.name if self.procedure else None

    def spelling(self, raw: str) -> str:
        """The first declared spelling of a name (VBA names are case-insensitive)."""
        return self.spellings.get(raw.lower(), raw)

    def called_bare(self, name: str) -> bool:
        """Whether a library function can be called without arguments (Date, Now, Timer,
        Rnd), so its bare name is a call. A bare name of one that needs arguments (Pmt,
        Rate, Left) cannot be a call (a compile error in VBA), but it is a variable in
        VBScript, which has no such function (`rate = 0.05`)."""
        import inspect

        from transform.runtimes.vba.builtins import BUILTINS

        function = BUILTINS.get(name.lower())
        if function is None:
            return False
        try:
            parameters = inspect.signature(function).parameters.values()
        except (TypeError, ValueError):
            return True
        free = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        return all(p.default is not p.empty or p.kind in free for p in parameters)

    def declared_type(self, name: str) -> str | None:
        key = name_key(name)
        if self.procedure and key in self.procedure.types:
            return self.procedure.types[key]
        return self.types.get(key)

    def is_function_result(self, name: str) -> bool:
        procedure = self.procedure
        return bool(
            procedure
            and procedure.return_type is not None
            and name.lower() == procedure.name.lower()
        )

    def type_of(self, node: tree_sitter.Node, text: Callable[[tree_sitter.Node], str]) -> str:
        """The VBA type an expression is known to have, or "Variant". An Enum type is
        Long (MS-VBAL 5.2.3.4: Enum members and variables are Long values)."""
        found = self._type_of(node, text)
        symbol = self.symbols.get(found.lower()) if found not in NUMERIC_TYPES else None
        return "Long" if symbol is not None and symbol.kind == "enum" else found

    def _type_of(self, node: tree_sitter.Node, text: Callable[[tree_sitter.Node], str]) -> str:
        kind = node.type
        if kind == "identifier":
            value = text(node)
            if value[-1:] in A.TYPE_HINTS:
                return A.TYPE_HINTS[value[-1]]
            if self.is_function_result(value):
                return self.procedure.return_type or "Variant"
            declared = self.declared_type(value)
            if declared:
                return declared
            symbol = self.symbol(value)
            if symbol is not None and symbol.kind == "enummember":
                return "Long"
            if symbol is not None and symbol.kind in ("var", "const"):
                return symbol.vba_type or "Variant"
            if symbol is not None and symbol.kind == "proc" and symbol.vba_type:
                return symbol.vba_type
            if symbol is None:
                return _constant_type(value)
            return "Variant"
        if kind == "me":
            return self.name
        if kind == "member_expression":
            return self._member_type(node, text)
        if kind == "string_literal":
            return "String"
        if kind == "integer_literal":
            return _integer_literal_type(text(node))
        if kind == "float_literal":
            return A.TYPE_HINTS.get(text(node)[-1], "Double")
        if kind == "boolean_literal":
            return "Boolean"
        if kind == "date_literal":
            return "Date"
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self.type_of(node.named_children[0], text)
        if kind == "call_expression" and _function_type(node) == "member_expression":
            return self._member_type(node.child_by_field_name("function"), text, call=True)
        if kind == "call_expression":
            function = node.child_by_field_name("function")
            if function is not None and function.type == "identifier":
                called = text(function).lower()
                if called in self.return_types:
                    return self.return_types[called]
                if called in STRING_OF_STRING and not self.declared_type(called):
                    return self._string_of(node, text)
                return LIBRARY_RETURN_TYPES.get(called, "Variant")
        if kind == "binary_expression":
            return self._binary_type(node, text)
        if kind == "unary_expression":
            operand = self.type_of(node.child_by_field_name("operand"), text)
            if operand == "Boolean" or operand in NUMERIC_TYPES:
                return operand
        if kind == "typeof_expression":
            return "Boolean"
        return "Variant"

    def _string_of(self, node: tree_sitter.Node, text) -> str:
        """Left/Mid/Trim/UCase/Chr/Str... (without `$`) return a Variant that is Null only
        for a Null argument: with a declared scalar first argument it is a String."""
        args = node.child_by_field_name("arguments")
        first = None
        for child in args.named_children if args is not None else []:
            if not child.is_extra:
                first = child
                break
        declared = self.type_of(first, text) if first is not None else "Variant"
        scalar = (*NUMERIC_TYPES, "String", "Boolean", "Date")
        return "String" if declared in scalar or declared.startswith("String*") else "Variant"

    def _member_type(self, node: tree_sitter.Node, text, call: bool = False) -> str:
        """`obj.Member`: the member's declared type when obj is of a project class (or
        a UDT); Variant otherwise."""
        owner = node.child_by_field_name("object")
        member = node.child_by_field_name("member")
        if member is None or (owner is None and not self.with_types):
            return "Variant"
        owner_type = self.type_of(owner, text) if owner is not None else self.with_types[-1]
        symbol = self.symbols.get(f"{owner_type.lower()}.{text(member).lower()}")
        if symbol is None or symbol.vba_type is None:
            return "Variant"
        if symbol.kind == "member" and symbol.detail == "var" and call:
            return "Variant"
        return symbol.vba_type

    def _binary_type(self, node: tree_sitter.Node, text) -> str:
        operator = node.child_by_field_name("operator")
        op = text(operator).lower() if operator is not None else _operator(node, text)
        left = self.type_of(node.child_by_field_name("left"), text)
        right = self.type_of(node.child_by_field_name("right"), text)
        if op == "&":
            return "String"
        if op in ("=", "<>", "<", ">", "<=", ">=", "like", "is"):
            return "Boolean"
        if left == right == "Boolean" and op in ("and", "or", "xor", "not"):
            return "Boolean"
        if op == "/" and left in NUMERIC_TYPES and right in NUMERIC_TYPES:
            return "Double"
        if op in ("+", "-", "*") and left in NUMERIC_TYPES and right in NUMERIC_TYPES:
            return max(left, right, key=NUMERIC_TYPES.index)
        return "Variant"

    def implicit_locals(self, node: tree_sitter.Node, text) -> list[tuple[str, str]]:
        """(name, type) of the undeclared variables a procedure may read before it assigns
        them (no Option Explicit). VBA declares them implicitly as procedure locals,
        initialised like a Dim without As: Empty, or their DefType's default (MS-VBAL
        5.2.3.1.5 and 5.4.3.1). A name whose first use is a plain assignment needs no
        initial value."""
        body = node.child_by_field_name("body")
        if body is None or self.option_explicit or self.free_names_are_variables:
            return []
        script_globals = _top_level_assigned(node, text)
        # under On Error the first assignment may fail and be skipped: always initialise
        guarded = contains(body, "on_error_statement")
        result = []
        for key, name in self.implicit_variables(node, text).items():
            if key not in script_globals and (guarded or not _assigned_first(body, key, text)):
                result.append((name, implicit_type(body, name, text)))
        return result

    def implicit_variables(self, node: tree_sitter.Node, text) -> dict[str, str]:
        """Undeclared names the procedure assigns or passes as bare arguments (a ByRef
        parameter may assign them), and the script-level variables it uses: lower-case
        key -> spelling."""
        procedure = self.procedure
        found: dict[str, str] = {}
        if procedure is None:
            return found
        from transform.runtimes.vba.builtins import BUILTINS
        from transform.runtimes.vba.constants import VBA_CONSTANTS

        from .names import FORM_CONSTANTS

        script_globals = _top_level_assigned(node, text)
        for key in script_globals:
            found[key] = key
        assigned = {name_key(name) for name in assigned_names(node, text)}
        library = (VBA_CONSTANTS, FORM_CONSTANTS, BUILTINS)
        for name in possibly_assigned_names(node, text):
            key = name_key(name)
            if key not in assigned and any(name.lower() in names for names in library):
                continue  # `Foo vbLongDate`, `Bar Now`: the library's, passed along
            if (
                key in procedure.types
                or key in procedure.statics
                or key in self.types
                or key in self.procedures
                or self.is_function_result(name)
                or self.symbol(name) is not None
            ):
                continue
            found.setdefault(key, name)
        return found

    @contextmanager
    def entering(self, node: tree_sitter.Node, text) -> Iterator[None]:
        previous = self.procedure
        self.procedure = procedure_scope(node, text)
        try:
            yield
        finally:
            self.procedure = previous


def _constant_type(name: str) -> str:
    """The type of a library constant's value (vbObjectError is a Long, vbTab a
    String) or of a library function used without parentheses (Now is a Date); Variant
    for any other name."""
    from transform.runtimes.vba.coerce import typename
    from transform.runtimes.vba.constants import VBA_CONSTANTS

    if name.lower() in ("date", "now", "timer", "freefile"):  # called without parentheses
        return LIBRARY_RETURN_TYPES[name.lower()]
    value = VBA_CONSTANTS.get(name.lower())
    if value is None or not isinstance(value, bool | int | float | str):
        return "Variant"
    return typename(value)


def _function_type(node: tree_sitter.Node) -> str | None:
    function = node.child_by_field_name("function")
    return function.type if function is not None else None


def _operator(node: tree_sitter.Node, text) -> str:
    for child in node.children:
        if not child.is_named:
            return text(child).lower()
    return ""


def _integer_literal_type(value: str) -> str:
    if value[-1:] in A.TYPE_HINTS:
        return A.TYPE_HINTS[value[-1]]
    try:
        number = int(value, 16) if value[:2].lower() == "&h" else int(value)
    except ValueError:
        return "Long"
    return "Integer" if -32768 <= number <= 32767 else "Long"


def _type_text(node: tree_sitter.Node | None, text) -> str | None:
    return text(node) if node is not None else None


def implicit_type(at: tree_sitter.Node | None, name: str, text) -> str:
    """The declared type of a name declared without `As`: its type character (`n%`),
    else the module's DefType for its first letter (MS-VBAL 5.2.2, implicit definition
    directives: `DefInt A-Z` makes it Integer), else Variant. `at` is any node of the
    module (its root holds the DefType statements)."""
    if name[-1:] in A.TYPE_HINTS:
        return A.TYPE_HINTS[name[-1:]]
    if at is None or not name or not name[0].isalpha():
        return "Variant"
    root = at
    while root.parent is not None:
        root = root.parent
    letter = name[0].lower()
    for child in root.named_children:
        if child.type != "deftype_statement":
            continue
        keyword = text(child.children[0]).lower() if child.children else ""
        for letters in child.named_children:
            if letters.type != "letter_range":
                continue
            start = letters.child_by_field_name("start")
            end = letters.child_by_field_name("end") or start
            if start is not None and text(start).lower() <= letter <= text(end).lower():
                return A.DEFTYPES.get(keyword, "Variant")
    return "Variant"


def procedure_scope(node: tree_sitter.Node, text) -> ProcedureScope:
    name = text(node.child_by_field_name("name"))
    return_type = _type_text(node.child_by_field_name("return_type"), text)
    if node.type == "function_declaration" and return_type is None:
        return_type = implicit_type(node, name, text)
    if node.type == "property_declaration":
        kind = node.child_by_field_name("kind")
        if kind is None or text(kind).lower() != "get":
            return_type = None
        elif return_type is None:
            return_type = implicit_type(node, name, text)
    scope = ProcedureScope(name, node.type, return_type)
    if node.type == "property_declaration":
        kind = node.child_by_field_name("kind")
        scope.property_kind = text(kind).lower() if kind is not None else "get"
    parameters = node.child_by_field_name("parameters")
    for parameter in parameters.named_children if parameters is not None else []:
        if parameter.type != "parameter":
            continue
        pname = text(parameter.child_by_field_name("name"))
        scope.parameters.append(pname)
        scope.types[pname.lower()] = _type_text(
            parameter.child_by_field_name("type"), text
        ) or implicit_type(parameter, pname, text)
        words = [text(c).lower() for c in parameter.children if not c.is_named]
        if "byval" not in words:
            scope.byref.add(pname.lower())
    body = node.child_by_field_name("body")
    if body is not None:
        for name_, type_ in _declarations(body, text):
            scope.types.setdefault(name_.lower(), type_)
        assigned = {n.lower() for n in assigned_names(body, text)}
        scope.byref_out = [
            p for p in scope.parameters if p.lower() in scope.byref and p.lower() in assigned
        ]
        if scope.property_kind in ("let", "set"):
            scope.byref_out = []  # the value parameter of a Property Let/Set is never returned
        for static in _static_names(body, text):
            scope.statics[static.lower()] = f"_{_snake(name)}_{_snake(static)}"
    return scope


def _snake(name: str) -> str:
    from .engine import python_name

    return python_name(name).strip("_")


def assigned_names(node: tree_sitter.Node, text) -> Iterator[str]:
    """Simple names assigned anywhere below node: Let, Set, For counters, ReDim, Input #,
    Line Input #, Get # targets (what a ByRef parameter's caller must see)."""
    stack = [node]
    while stack:
        current = stack.pop()
        targets: list[tree_sitter.Node | None] = []
        if current.type in ("assignment_statement", "set_statement"):
            targets = [current.child_by_field_name("left")]
        elif current.type in ("for_statement", "for_each_statement"):
            targets = [
                current.child_by_field_name(
                    "counter" if current.type == "for_statement" else "element"
                )
            ]
        elif current.type == "redim_clause":
            targets = [current.child_by_field_name("name")]
        elif current.type in ("input_statement", "line_input_statement"):
            targets = current.children_by_field_name("variable")
        elif current.type in ("lset_statement", "rset_statement"):
            targets = [current.child_by_field_name("left")]
        elif current.type == "mid_statement":
            arguments = current.child_by_field_name("arguments")
            targets = arguments.named_children[:1] if arguments is not None else []
        for target in targets:
            if target is not None and target.type == "identifier":
                yield text(target)
        stack.extend(current.named_children)


def possibly_assigned_names(node: tree_sitter.Node, text) -> list[str]:
    """Names assigned below node, then names passed as a bare argument (`Foo x`), in the
    order they first appear."""
    names = list(assigned_names(node, text))
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "argument_list":
            names += [text(c) for c in current.named_children if c.type == "identifier"]
        stack.extend(current.named_children)
    first = {}
    for name in names:
        first.setdefault(name_key(name), name)
    positions = _first_positions(node, text)
    return sorted(first.values(), key=lambda n: positions.get(name_key(n), 0))


def name_key(name: str) -> str:
    """How VBA compares names: ignoring case and a type character (`n%` is `N`)."""
    return name.lower().rstrip("$%&!#@^")


def _first_positions(node: tree_sitter.Node, text) -> dict[str, int]:
    positions: dict[str, int] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            key = name_key(text(current))
            positions[key] = min(positions.get(key, current.start_byte), current.start_byte)
        stack.extend(current.named_children)
    return positions


def contains(node: tree_sitter.Node | None, node_type: str) -> bool:
    """Is there a node of this type at or below `node`?"""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if current.type == node_type:
            return True
        stack.extend(current.named_children)
    return False


def _mentions(node: tree_sitter.Node | None, key: str, text) -> bool:
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if current.type == "identifier" and name_key(text(current)) == key:
            return True
        stack.extend(current.named_children)
    return False


def _assigned_first(body: tree_sitter.Node, key: str, text) -> bool:
    """Is the first statement of the body that uses the name a plain assignment of it
    (`x = ...` or `For x = ...`) whose value does not read it?"""
    for statement in body.named_children:
        if not _mentions(statement, key, text):
            continue
        if statement.type in ("assignment_statement", "set_statement"):
            left = statement.child_by_field_name("left")
            right = statement.child_by_field_name("right")
            return (
                left is not None
                and left.type == "identifier"
                and name_key(text(left)) == key
                and not _mentions(right, key, text)
            )
        if statement.type == "for_statement":
            counter = statement.child_by_field_name("counter")
            bounds = [statement.child_by_field_name(f) for f in ("start", "end", "step")]
            return (
                counter is not None
                and counter.type == "identifier"
                and name_key(text(counter)) == key
                and not any(_mentions(b, key, text) for b in bounds)
            )
        return False
    return True


def _top_level_assigned(node: tree_sitter.Node, text) -> set[str]:
    """Names a script assigns outside its procedures: VBScript's implicit globals."""
    root = node
    while root.parent is not None:
        root = root.parent
    return {
        name_key(name)
        for child in root.named_children
        if child.type.endswith("_statement")  # not procedures or classes
        for name in assigned_names(child, text)
    }


def _static_names(body: tree_sitter.Node, text) -> Iterator[str]:
    stack = [body]
    while stack:
        current = stack.pop()
        if current.type == "variable_declaration" and any(
            c.type == "modifier" and text(c).lower() == "static" for c in current.named_children
        ):
            for child in current.named_children:
                if child.type == "variable_declarator":
                    yield text(child.child_by_field_name("name"))
            continue
        stack.extend(current.named_children)


def _declarations(node: tree_sitter.Node, text) -> Iterator[tuple[str, str]]:
    """Names declared by Dim/Static/Const anywhere below `node` (VBA locals are
    procedure-wide, whatever block declares them)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("variable_declarator", "const_declarator"):
            name_node = current.child_by_field_name("name")
            if name_node is not None:
                name = text(name_node)
                declared = _type_text(current.child_by_field_name("type"), text)
                length = current.child_by_field_name("length")
                if length is not None:
                    declared = f"String*{text(length)}"
                yield name, declared or implicit_type(current, name, text)
            continue
        if current.type in PROCEDURE_TYPES and current is not node:
            continue
        stack.extend(current.named_children)


def is_class_module(root: tree_sitter.Node) -> bool:
    """Class modules, forms and user controls carry a VERSION header when exported."""
    return any(child.type == "version_header" for child in root.named_children)


def module_name_of(root: tree_sitter.Node, text, default: str = "") -> str:
    for child in root.named_children:
        if child.type == "attribute_statement":
            name = child.child_by_field_name("name")
            value = child.child_by_field_name("value")
            if name is not None and value is not None and text(name).lower() == "vb_name":
                return text(value).strip('"')
    return default


def _private(node: tree_sitter.Node, text) -> bool:
    """Private procedures say so; module variables and constants are private unless
    declared Public or Global."""
    words = [text(c).lower() for c in node.named_children if c.type == "modifier"]
    if node.type in PROCEDURE_TYPES:
        return "private" in words
    return not ({"public", "global"} & set(words))


def public_procedures(
    root: tree_sitter.Node, text, class_name: str = ""
) -> list[tuple[str, str | None]]:
    """What other modules can use, as (name, tag) pairs: procedures as (name, return
    type), and other definitions with an `@kind:...` tag (see `decode_symbol`): class
    modules and their members, public variables, constants, Enums and their members,
    Types and their members, and the ByRef outputs of procedures (`name!byref`).
    `class_name`: `root` is the body of a VBScript `Class` block, a class like a module's."""
    result: list[tuple[str, str | None]] = []
    is_class = bool(class_name) or is_class_module(root)
    class_name = class_name or (module_name_of(root, text) if is_class else "")
    if is_class:
        result.append((class_name, "@class"))
    for child in root.named_children:
        if child.type == "class_declaration" and child.child_by_field_name("body") is not None:
            name = text(child.child_by_field_name("name"))
            result += public_procedures(child.child_by_field_name("body"), text, name)
            continue
        if child.type in PROCEDURE_TYPES:
            procedure = procedure_scope(child, text)
            if is_class:
                kind = procedure.property_kind or child.type.split("_")[0]
                if kind == "get" and procedure.parameters:
                    kind = "getp"
                tag = f"@member:{kind}:{procedure.return_type or ''}"
                key = f"{class_name}.{procedure.name}"
                if kind in ("let", "set") and any(k == key for k, _ in result):
                    continue
                result.append((key, tag))
            elif not _private(child, text):
                result.append((procedure.name, procedure.return_type))
            owner = f"{class_name}.{procedure.name}" if is_class else procedure.name
            if procedure.byref_out:
                positions = [procedure.parameters.index(p) for p in _original(procedure)]
                result.append((f"{owner}!byref", "@byref:" + ",".join(map(str, positions))))
            is_call = child.type != "property_declaration"
            if is_call and procedure.parameters and (is_class or not _private(child, text)):
                result.append((f"{owner}!params", "@params:" + encode_signature(procedure)))
        elif child.type == "variable_declaration" and is_class:
            for name, type_ in _declarations(child, text):
                result.append((f"{class_name}.{name}", f"@member:var:{type_}"))
        elif child.type in ("variable_declaration", "const_declaration"):
            kind = "var" if child.type == "variable_declaration" else "const"
            visibility = "private" if _private(child, text) else "public"
            for name, type_ in _declarations(child, text):
                result.append((name, f"@{kind}:{type_}:{visibility}"))
        elif child.type == "enum_declaration":
            enum = text(child.child_by_field_name("name"))
            result.append((enum, "@enum"))
            for member in child.named_children:
                if member.type == "enum_member":
                    result.append((text(member.child_by_field_name("name")), f"@enummember:{enum}"))
        elif child.type == "type_declaration":
            udt = text(child.child_by_field_name("name"))
            result.append((udt, "@type"))
            for member in child.named_children:
                if member.type == "type_member":
                    mtype = member.child_by_field_name("type")
                    length = member.child_by_field_name("length")
                    if length is not None:
                        result.append(
                            (
                                f"{udt}.{text(member.child_by_field_name('name'))}",
                                f"@typemember:String*{text(length)}",
                            )
                        )
                        continue
                    result.append(
                        (
                            f"{udt}.{text(member.child_by_field_name('name'))}",
                            f"@typemember:{text(mtype) if mtype is not None else 'Variant'}",
                        )
                    )
        elif child.type == "event_declaration" and is_class:
            result.append(
                (f"{class_name}.{text(child.child_by_field_name('name'))}", "@member:event:")
            )
    return result


def _original(procedure: ProcedureScope) -> list[str]:
    return list(procedure.byref_out)


def decode_symbol(module: str, tag: str | None) -> Symbol:
    """A project entry as a Symbol (procedures carry their return type, untagged)."""
    if not tag or not tag.startswith("@"):
        return Symbol(module, "proc", tag)
    kind, _, rest = tag[1:].partition(":")
    if kind == "member":
        member_kind, _, vba_type = rest.partition(":")
        return Symbol(module, "member", vba_type or None, member_kind)
    if kind in ("var", "const"):
        vba_type, _, visibility = rest.partition(":")
        return Symbol(module, kind, vba_type or None, visibility)
    if kind == "enummember":
        return Symbol(module, kind, rest, rest)
    if kind == "typemember":
        return Symbol(module, kind, rest)
    if kind in ("byref", "params"):
        return Symbol(module, kind, None, rest)
    return Symbol(module, kind, None)


def encode_signature(procedure: ProcedureScope) -> str:
    """Declared type and passing of each parameter, `Long/v,String/r` (ByVal/ByRef)."""
    items = []
    for p in procedure.parameters:
        mode = "r" if p.lower() in procedure.byref else "v"
        items.append(f"{procedure.types.get(p.lower(), 'Variant')}/{mode}")
    return ",".join(items)


def decode_signature(text: str) -> list[tuple[str, bool]]:
    """(declared type, ByVal) per parameter, from `encode_signature`."""
    out = []
    for item in filter(None, text.split(",")):
        declared, _, mode = item.rpartition("/")
        out.append((declared, mode == "v"))
    return out


def module_scope(
    name: str,
    root: tree_sitter.Node,
    text,
    project: dict[str, tuple[str, str | None]] | None = None,
    class_name: str = "",
) -> ModuleScope:
    """`project`: what all modules define (see `public_procedures`), lower-case name ->
    (python module, tag); this module's own definitions are added when missing.
    `class_name`: `root` is the body of a VBScript `Class` block in module `name`."""
    scope = ModuleScope(name, python_module=name)
    scope.is_class = bool(class_name) or is_class_module(root)
    scope.class_name = class_name or module_name_of(root, text, name)
    scope.is_form = any(child.type == "begin_block" for child in root.named_children) and any(
        "VERSION 5" in text(child) or "CLASS" not in text(child).upper()
        for child in root.named_children
        if child.type == "version_header"
    )
    entries = dict(project or {})
    for key, tag in public_procedures(root, text, class_name):
        entries[key.lower()] = (name, tag)  # this module's own definition wins
    for key, (module, tag) in entries.items():
        symbol = decode_symbol(module, tag)
        if symbol.kind == "byref":
            scope.byref_out[key.split("!")[0]] = [int(p) for p in symbol.detail.split(",") if p]
            continue
        if symbol.kind == "params":
            scope.signatures[key.split("!")[0]] = decode_signature(symbol.detail)
            continue
        if symbol.kind in ("var", "const") and symbol.detail == "private" and module != name:
            continue
        scope.symbols[key] = symbol
        if symbol.kind == "proc" and module != name:
            scope.project_procedures[key] = module
            if symbol.vba_type:
                scope.return_types.setdefault(key, symbol.vba_type)
    for child in root.named_children:
        if child.type in PROCEDURE_TYPES:
            procedure = procedure_scope(child, text)
            scope.spellings.setdefault(procedure.name.lower(), procedure.name)
            scope.procedures.add(procedure.name.lower())
            if procedure.return_type and procedure.property_kind in (None, "get"):
                scope.return_types[procedure.name.lower()] = procedure.return_type
            if procedure.byref_out and not scope.is_class:
                scope.byref_out[procedure.name.lower()] = [
                    procedure.parameters.index(p) for p in _original(procedure)
                ]
            if child.type != "property_declaration":
                scope.signatures[procedure.name.lower()] = decode_signature(
                    encode_signature(procedure)
                )
        elif child.type in ("declare_statement", "preproc_if"):
            for declared in _declares(child):
                name_ = text(declared.child_by_field_name("name"))
                scope.procedures.add(name_.lower())
                scope.spellings.setdefault(name_.lower(), name_)
        elif child.type == "option_statement" and "text" in text(child).lower().split():
            scope.option_compare_text = True
        elif child.type == "option_statement" and "explicit" in text(child).lower().split():
            scope.option_explicit = True
        elif child.type in ("variable_declaration", "const_declaration"):
            for name_, type_ in _declarations(child, text):
                scope.types[name_.lower()] = type_
                scope.spellings.setdefault(name_.lower(), name_)
            if child.type == "variable_declaration" and child.child_by_field_name("with_events"):
                for name_, _ in _declarations(child, text):
                    scope.with_events.add(name_.lower())
        elif child.type == "event_declaration":
            scope.events[text(child.child_by_field_name("name")).lower()] = _byref_positions(
                child, text
            )
    return scope


def _declares(node: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "declare_statement":
            yield current
            continue
        stack.extend(current.named_children)


def _byref_positions(node: tree_sitter.Node, text) -> list[int]:
    parameters = node.child_by_field_name("parameters")
    positions = []
    index = 0
    for parameter in parameters.named_children if parameters is not None else []:
        if parameter.type != "parameter":
            continue
        words = [text(c).lower() for c in parameter.children if not c.is_named]
        if "byval" not in words:
            positions.append(index)
        index += 1
    return positions
