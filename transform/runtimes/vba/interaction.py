"""Pure functions of VBA's Interaction and Information modules: Partition and QBColor.

(The Interaction functions that need the run, MsgBox, Shell, Environ, the settings
functions ..., are in hostlib.py.)
"""

from __future__ import annotations

from .coerce import to_long, to_string
from .values import Null, VbaError

# QBColor's 16 colours ("QBColor function": 0 Black ... 15 Bright white) as RGB values,
# red in the least significant byte: the eight basic colours at half intensity (128, White
# is light grey 192), their light variants at full intensity.
_QB_RGB = (
    (0, 0, 0),  # 0 Black
    (0, 0, 128),  # 1 Blue
    (0, 128, 0),  # 2 Green
    (0, 128, 128),  # 3 Cyan
    (128, 0, 0),  # 4 Red
    (128, 0, 128),  # 5 Magenta
    (128, 128, 0),  # 6 Yellow
    (192, 192, 192),  # 7 White
    (128, 128, 128),  # 8 Gray
    (0, 0, 255),  # 9 Light blue
    (0, 255, 0),  # 10 Light green
    (0, 255, 255),  # 11 Light cyan
    (255, 0, 0),  # 12 Light red
    (255, 0, 255),  # 13 Light magenta
    (255, 255, 0),  # 14 Light yellow
    (255, 255, 255),  # 15 Bright white
)


def qbcolor(color: object) -> int:
    """QBColor(color): the Long RGB value (red + green * 256 + blue * 65536, as RGB builds
    it) of a colour number 0..15 of the earlier Basics; error 5 outside that range."""
    number = to_long(color)
    if not 0 <= number <= 15:
        raise VbaError(5)
    red, green, blue = _QB_RGB[number]
    return red + green * 256 + blue * 65536


def partition(number: object, start: object, stop: object, interval: object) -> object:
    """Partition(number, start, stop, interval): the range of ``interval`` numbers from
    ``start`` that holds ``number``, as "lower:upper" with both sides padded with leading
    spaces to the digits of ``stop`` plus one ("Partition function"): "   : -1" below
    start, "100:   " above stop, the last range ending at stop; "number:number" when the
    interval is 1. Arguments are rounded to Long; Null in any gives Null; error 5 for
    start < 0, stop <= start or interval < 1."""
    if any(v is Null for v in (number, start, stop, interval)):
        return Null
    n, first, last, size = to_long(number), to_long(start), to_long(stop), to_long(interval)
    if first < 0 or last <= first or size < 1:
        raise VbaError(5)
    width = len(to_string(last)) + 1
    if size == 1:
        lower, upper = to_string(n), to_string(n)
    elif n < first:
        lower, upper = "", to_string(first - 1)
    elif n > last:
        lower, upper = to_string(last + 1), ""
    else:
        low = first + (n - first) // size * size
        lower, upper = to_string(low), to_string(min(low + size - 1, last))
    return lower.rjust(width) + ":" + upper.rjust(width)
