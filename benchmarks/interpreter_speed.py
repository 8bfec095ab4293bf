"""VBA interpreter speed beside plain CPython, in one run.

Each workload is written twice — as VBA run by our interpreter (parsed and
compiled once, outside the timing) and as the equivalent plain Python — and the
ratio interpreter/CPython is printed.  The goal (issue 5) is within 30x.

    python benchmarks/interpreter_speed.py [--repeat N] [--scale F]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from transform.parse.vba_lower import parse_text
from transform.runtimes.vba.interpreter import Project

VBA = """
Option Explicit

Function BuildString(ByVal n As Long) As Long
    Dim s As String, i As Long
    For i = 1 To n
        s = s & Chr$(65 + i Mod 26)
        If Len(s) > 1000 Then s = ""
    Next i
    BuildString = Len(s)
End Function

Function NestedLoops(ByVal n As Long) As Double
    Dim i As Long, j As Long, total As Double
    For i = 1 To n
        For j = 1 To n
            total = total + (i * j) Mod 7
        Next j
    Next i
    NestedLoops = total
End Function

Function Fib(ByVal n As Long) As Long
    If n < 2 Then
        Fib = n
    Else
        Fib = Fib(n - 1) + Fib(n - 2)
    End If
End Function

Function Churn(ByVal n As Long) As Long
    Dim c As Collection, d As Object, i As Long, k As String, total As Long
    Set c = New Collection
    Set d = CreateObject("Scripting.Dictionary")
    For i = 1 To n
        k = "k" & (i Mod 500)
        d(k) = d(k) + 1
        c.Add i
        If c.Count > 100 Then c.Remove 1
    Next i
    For i = 1 To c.Count
        total = total + c(i)
    Next i
    Churn = total + d.Count
End Function
"""


def py_build_string(n: int) -> int:
    s = ""
    for i in range(1, n + 1):
        s = s + chr(65 + i % 26)
        if len(s) > 1000:
            s = ""
    return len(s)


def py_nested_loops(n: int) -> float:
    total = 0.0
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            total = total + (i * j) % 7
    return total


def py_fib(n: int) -> int:
    return n if n < 2 else py_fib(n - 1) + py_fib(n - 2)


def py_churn(n: int) -> int:
    c: list[int] = []
    d: dict[str, int] = {}
    for i in range(1, n + 1):
        k = "k" + str(i % 500)
        d[k] = d.get(k, 0) + 1
        c.append(i)
        if len(c) > 100:
            c.pop(0)
    return sum(c) + len(d)


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0)
    opts = parser.parse_args()
    project = Project([parse_text(VBA, "Bench.bas")])
    s = opts.scale
    workloads = [
        ("string building", "BuildString", int(200_000 * s), py_build_string),
        ("nested numeric loops", "NestedLoops", int(400 * s**0.5), py_nested_loops),
        ("recursion (fib)", "Fib", 20 + int(s > 1), py_fib),
        ("collection/dictionary churn", "Churn", int(100_000 * s), py_churn),
    ]
    print(f"{'workload':30} {'n':>8} {'VBA s':>9} {'Python s':>9} {'ratio':>7}")
    for label, proc, n, py in workloads:
        project.call(proc, [min(n, 50)])  # compile once, outside the timing
        vba_time, obs = best_of(lambda proc=proc, n=n: project.call(proc, [n]), opts.repeat)
        py_time, py_result = best_of(lambda py=py, n=n: py(n), opts.repeat)
        assert obs.error is None, obs.error
        assert float(obs.result) == float(py_result), (label, obs.result, py_result)
        print(f"{label:30} {n:>8} {vba_time:>9.3f} {py_time:>9.4f} {vba_time / py_time:>6.1f}x")


if __name__ == "__main__":
    main()
