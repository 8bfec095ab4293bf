"""Forms and user controls run headless: what UserForms, VB6 forms and user controls do
without a screen.

A form's controls are made on first use (the designer data that lists them is not
code) and keep what the code sets: Value/Text/Caption (default ""), Enabled/Visible,
list rows (AddItem/RemoveItem/List/ListCount/ListIndex). Screen-only methods of the form
(Show, Hide, ...) are recorded as effects; its own properties (Caption, Width, ...) keep
their values. `UserControl` inside a user control is the control's surface (the same
properties). The interpreter's form instances and the translated forms
(`vba_support.helpers.VbaForm`) both use this module, so the oracle and the translation
share one definition.
"""

from __future__ import annotations

from collections.abc import Callable

from .coerce import to_long
from .objects import OMITTED, NativeObject, deref
from .values import MISSING, Empty, Integer, VbaError

FORM_METHODS = {"show", "hide", "printform", "refresh", "repaint", "setfocus", "move"}
FORM_PROPERTIES = ("caption", "width", "height", "left", "top", "visible", "enabled", "tag")
SURFACES = {"usercontrol"}  # names that mean the form itself inside its own code


class FormControl(NativeObject):
    """A control on a UserForm/VB6 form, run headless: properties keep what the code
    sets (Value/Text/Caption default ""), list boxes keep their rows, methods that only
    affect the screen do nothing."""

    vba_default_member = "value"

    def __init__(self, name: str) -> None:
        self.vba_typename = "Control"
        self.name = name
        self.props: dict[str, object] = {"listindex": -1, "enabled": True, "visible": True}
        self.rows: list[list[object]] = []

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        values = [deref(a) for a in args if deref(a) is not OMITTED]
        if name == "additem":
            item = values[0] if values else ""
            row = [item]
            if len(values) > 1:
                self.rows.insert(to_long(values[1]), row)
            else:
                self.rows.append(row)
            return Empty
        if name == "clear":
            self.rows.clear()
            self.props["listindex"] = -1
            return Empty
        if name == "removeitem":
            self.rows.pop(to_long(values[0]))
            return Empty
        if name == "listcount":
            return len(self.rows)
        if name == "list" and values:
            r = to_long(values[0])
            c = to_long(values[1]) if len(values) > 1 else 0
            row = self.rows[r]
            return row[c] if c < len(row) else Empty
        if name in ("setfocus", "repaint", "refresh", "move", "zorder"):
            return Empty
        if name in self.props:
            return self.props[name]
        if name in ("value", "text", "caption", "tag", "controltiptext"):
            return ""
        return Empty

    def vba_let(self, name: str, args: list, value: object) -> None:
        values = [deref(a) for a in args]
        if name == "list" and values:
            r = to_long(values[0])
            c = to_long(values[1]) if len(values) > 1 else 0
            row = self.rows[r]
            while len(row) <= c:
                row.append(Empty)
            row[c] = value
            return
        self.props[name] = value
        if name in ("value", "text"):
            self.props["value" if name == "text" else "text"] = value

    vba_set = vba_let


class FormSurface(NativeObject):
    """`UserControl` in a user control's code: the form-level properties and controls."""

    vba_typename = "UserControl"

    def __init__(self, state: dict, form: str, effect: Callable[..., None]) -> None:
        self.state, self.form, self.effect = state, form, effect

    def vba_get(self, name: str, args: list, kw: dict | None = None) -> object:
        return form_member(self.state, self.form, self.effect, name, args)

    def vba_let(self, name: str, args: list, value: object) -> None:
        form_member(self.state, self.form, self.effect, name, args, value)

    vba_set = vba_let


def form_member(
    state: dict,
    form: str,
    effect: Callable[..., None],
    name: str,
    args: list,
    value: object = MISSING,
) -> object:
    """A member of a form that its code does not define (lower-case ``name``): a
    screen-only method (recorded as ``form.<name>``), a form property, the surface, or a
    control made on first use. ``state`` is the form instance's storage; with ``value``
    the member is assigned (a control's default member, Value)."""
    controls = state.setdefault("controls", {})
    if name in FORM_METHODS:
        effect("form." + name, form=form)
        return Empty
    if name in SURFACES:
        return FormSurface(state, form, effect)
    if name in FORM_PROPERTIES:
        props = state.setdefault("form_props", {})
        if value is not MISSING:
            props[name] = value
            return Empty
        return props.get(name, "" if name in ("caption", "tag") else Empty)
    control = controls.get(name)
    if control is None:
        control = controls[name] = FormControl(name)
    if value is not MISSING:
        control.vba_let("value", [], value)
        return Empty
    if args:
        return control.vba_get("value", [])
    return control


class ReturnValue(NativeObject):
    """MSForms.ReturnBoolean / ReturnInteger / ReturnString / ReturnSingle: the argument an
    event handler changes to answer its caller (Cancel, KeyAscii); Value is the default
    member."""

    vba_default_member = "value"

    def __init__(self, kind: str, value: object) -> None:
        self.vba_typename = kind
        self.value = value

    def vba_value(self) -> object:
        return self.value

    def vba_let_value(self, value: object) -> None:
        self.value = value


class PropertyBag(NativeObject):
    """VB6's PropertyBag, in memory: WriteProperty stores a value unless it equals the
    default given; ReadProperty returns it, else the default ("PropertyBag object")."""

    vba_typename = "PropertyBag"

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def vba_readproperty(self, name: object, default: object = Empty) -> object:
        return self.values.get(str(name).lower(), default)

    def vba_writeproperty(self, name: object, value: object, default: object = MISSING) -> None:
        key = str(name).lower()
        if default is not MISSING and _same_value(value, default):
            self.values.pop(key, None)
            return
        self.values[key] = value


def _same_value(a: object, b: object) -> bool:
    """VBA's `a = b` (a Null or a mismatch is not equal)."""
    from .operators import eq

    try:
        return eq(a, b) is True
    except VbaError:
        return False


LIBRARY_OBJECTS: dict[str, Callable[[], object]] = {
    "returnboolean": lambda: ReturnValue("ReturnBoolean", False),
    "returninteger": lambda: ReturnValue("ReturnInteger", Integer(0)),
    "returnstring": lambda: ReturnValue("ReturnString", ""),
    "returnsingle": lambda: ReturnValue("ReturnSingle", 0.0),
    "propertybag": PropertyBag,
}
"""Library objects of forms code a program can make (`New PropertyBag`) or receive as
arguments (event handlers' MSForms.Return* objects), by lower-case class name."""
