"""VBScript `Class ... End Class` blocks inside a script translate to Python classes that
behave as the VBScript Language Reference describes (pages cited per test); expected
values are worked out by hand from those pages, not taken from our output."""

from __future__ import annotations

import subprocess
import sys

COUNTER = """Option Explicit
Class Counter
    Dim Label
    Private m_count
    Private Sub Class_Initialize()
        m_count = 10
        Label = "c"
    End Sub
    Private Sub Class_Terminate()
        m_count = 0
    End Sub
    Public Default Property Get Value()
        Value = m_count
    End Property
    Public Property Let Value(v)
        m_count = v
    End Property
    Sub Add(n)
        m_count = m_count + n
    End Sub
    Public Function Twice()
        Twice = Me.Value * 2
    End Function
End Class

Function Demo()
    Dim c
    Set c = New Counter
    Demo = c.Value
    c.Add 5
    Demo = Demo & "," & c.Value & "," & c & "," & c.Twice()
    c.Value = 1
    Demo = Demo & "," & c.Value & "," & c.Label
End Function

Function Fresh()
    Dim a, b
    Set a = New Counter
    Set b = New Counter
    a.Add 1
    Fresh = a.Value & "/" & b.Value
End Function
"""


def test_class_members_behave_as_the_language_reference_says(run_vba):
    """The "Class_Initialize Event" page: it "occurs when an instance of the associated class is
    created" (m_count = 10 before anything else). "Class Statement": members declared
    without Public or Private are Public (`Sub Add`), and `Dim` in a class block declares
    a public variable (`c.Label`). "Property Get Statement": `Default` "used only with the
    Public keyword in a Class block to indicate that the Property Get procedure is the
    default method for the class" (`"," & c` reads Value). "Property Let Statement":
    `c.Value = 1` calls it. `Me` is the instance (Twice = 15 * 2)."""
    module = run_vba(COUNTER, "counter_script", "Counter.vbs")
    assert module.demo() == "10,15,15,30,1,c"


def test_each_new_instance_has_its_own_members(run_vba):
    """The "Class Statement" page: a class defines an object type; every `New` makes an instance
    whose variables are its own (Class_Initialize runs for each)."""
    module = run_vba(COUNTER, "counter_script", "Counter.vbs")
    assert module.fresh() == "11/10"
    first, second = module.Counter(), module.Counter()
    first.add(2)
    assert (first.value, second.value) == (12, 10)


def test_a_script_class_is_a_class_like_a_class_modules(vba_rules, vba_language):
    """The same class machinery as .cls modules: a `vba.VbaClass` with its member table,
    the default member named (Property Get ... Default), properties with their setter."""
    from transform.translate.module import translate_module

    code = translate_module(vba_rules, vba_language, COUNTER, "counter", "Counter.vbs").code
    assert "class Counter(vba.VbaClass):" in code
    assert "    vba_default_member = 'value'" in code
    assert "    @value.setter" in code
    assert "    def add(self, n):" in code
    assert "raise NotImplementedError" not in code


def test_importing_a_script_runs_none_of_its_top_level_code(run_vba, tmp_path):
    """A script's top-level statements are its program: they run when the module is run
    as the main program (`python -m`), with its command line as WScript.Arguments
    ("Arguments Property (WScript Object)"), and not when the module is imported (its
    classes and procedures are then usable alone). WScript.Quit n ends the run with exit
    code n ("Quit Method")."""
    source = (
        "Class Greeter\n"
        "    Public Function Hello(name)\n"
        '        Hello = "Hello, " & name\n'
        "    End Function\n"
        "End Class\n"
        "Dim g\n"
        "Set g = New Greeter\n"
        "WScript.Echo g.Hello(WScript.Arguments(0))\n"
        "WScript.Quit 3\n"
    )
    module = run_vba(source, "greet", "Greet.vbs")
    assert module.Greeter().hello("x") == "Hello, x"
    package = module.__name__.rsplit(".", 1)[0]
    done = subprocess.run(
        [sys.executable, "-m", f"{package}.greet", "world"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.stdout, done.returncode) == ("Hello, world\n", 3)


def test_a_class_reaches_the_scripts_variables_and_procedures(run_vba):
    """The "Dim Statement" page: "Variables declared with Dim at the script level are
    available to all procedures within the script", class members included; the
    script's functions are callable from the class. Empty + 6 = 6, then 6 + 2 * 2 = 10."""
    module = run_vba(
        "Option Explicit\n"
        "Dim total\n"
        "Function Twice(n)\n"
        "    Twice = n * 2\n"
        "End Function\n"
        "Class Acc\n"
        "    Public Sub Add(n)\n"
        "        total = total + Twice(n)\n"
        "    End Sub\n"
        "End Class\n",
        "acc",
        "Acc.vbs",
    )
    acc = module.Acc()
    acc.add(3)
    assert module.total == 6
    acc.add(2)
    assert module.total == 10
