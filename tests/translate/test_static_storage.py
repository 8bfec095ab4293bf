"""Static locals that are arrays or fixed-length strings. VBA reference, "Static
statement": "Variables declared with the Static statement retain their values as long as
the code is running", and `Static Values(5) As Double` declares a fixed array of six
Doubles (subscripts 0 to 5, Option Base 0), each starting at 0."""

from __future__ import annotations

from transform.runtimes.vba.interpreter import load_source

SOURCE = (
    "Public Function Track(ByVal x As Double) As Double\n"
    "    Static values(5) As Double, n As Long\n"
    "    values(n) = x\n"
    "    n = n + 1\n"
    "    Track = values(0) + values(n - 1)\n"
    "End Function\n"
)


def test_a_static_array_keeps_its_elements_between_calls(run_vba):
    module = run_vba(SOURCE)
    assert module.track(1.5) == 3.0  # values(0) twice
    assert module.track(2.5) == 4.0  # values(0) + values(1)
    oracle = load_source(SOURCE)
    assert [oracle.call("Track", [v]).result for v in (1.5, 2.5)] == [3.0, 4.0]
