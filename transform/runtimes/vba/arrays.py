"""VBA arrays: explicit bounds, several dimensions, ReDim [Preserve], Erase.

Elements are kept in one flat list in column-major order (the first index
varies fastest) because that is VBA's storage order, which For Each follows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .values import Empty, VbaError

Bounds = tuple[int, int]


class VbaArray:
    """A VBA array value. Assignment copies it (``copy``); objects inside are shared."""

    __slots__ = ("bounds", "data", "fixed", "coerce", "default", "element_vartype")

    def __init__(
        self,
        bounds: Sequence[Bounds] | None = None,
        *,
        fixed: bool = False,
        coerce: Callable[[object], object] | None = None,
        default: object = Empty,
        element_vartype: int = 12,
    ) -> None:
        self.fixed = fixed
        self.coerce = coerce
        self.default = default
        self.element_vartype = element_vartype
        self.bounds: list[Bounds] = []
        self.data: list[object] = []
        if bounds is not None:
            self._allocate(list(bounds))

    # -- construction ---------------------------------------------------------

    @classmethod
    def from_list(cls, items: Sequence[object], base: int = 0) -> VbaArray:
        """A 1-D Variant array holding ``items`` (what Array() and Split() return)."""
        arr = cls()
        arr.bounds = [(base, base + len(items) - 1)]
        arr.data = list(items)
        return arr

    def _allocate(self, bounds: list[Bounds]) -> None:
        size = 1
        for lo, hi in bounds:
            if hi < lo:
                if hi == lo - 1 and len(bounds) == 1:
                    size = 0  # e.g. Split("") gives (0 To -1)
                    continue
                raise VbaError(9)
            size *= hi - lo + 1
        self.bounds = bounds
        self.data = [self.default] * size

    @property
    def vba_element_vartype(self) -> int:
        return self.element_vartype

    @property
    def allocated(self) -> bool:
        return bool(self.bounds)

    # -- indexing -------------------------------------------------------------

    def _offset(self, index: Sequence[int]) -> int:
        if len(index) != len(self.bounds):
            raise VbaError(9)
        offset, stride = 0, 1
        for i, (lo, hi) in zip(index, self.bounds, strict=True):
            if not lo <= i <= hi:
                raise VbaError(9)
            offset += (i - lo) * stride
            stride *= hi - lo + 1
        return offset

    def get(self, *index: int) -> object:
        """Element at ``index`` (error 9 out of bounds or wrong number of indices)."""
        if len(index) == 1 and len(self.bounds) == 1:
            lo, hi = self.bounds[0]
            i = index[0]
            if lo <= i <= hi:
                return self.data[i - lo]
            raise VbaError(9)
        return self.data[self._offset(index)]

    def set(self, index: Sequence[int], value: object) -> None:
        """Store ``value`` at ``index``, Let-coerced to the element type."""
        if self.coerce is not None:
            value = self.coerce(value)
        self.data[self._offset(index)] = value

    def __iter__(self) -> Iterator[object]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    # -- bounds ---------------------------------------------------------------

    def lbound(self, dimension: int = 1) -> int:
        """LBound: error 9 for an unallocated array or a dimension out of range."""
        return self._dim(dimension)[0]

    def ubound(self, dimension: int = 1) -> int:
        """UBound: error 9 for an unallocated array or a dimension out of range."""
        return self._dim(dimension)[1]

    def _dim(self, dimension: int) -> Bounds:
        if not 1 <= dimension <= len(self.bounds):
            raise VbaError(9)
        return self.bounds[dimension - 1]

    # -- ReDim / Erase ----------------------------------------------------------

    def redim(self, bounds: Sequence[Bounds], preserve: bool = False) -> None:
        """ReDim [Preserve]: Preserve may change only the last dimension's upper bound."""
        if self.fixed:
            raise VbaError(10)
        bounds = list(bounds)
        if not preserve or not self.bounds:
            self._allocate(bounds)
            return
        old_bounds, old_data = self.bounds, self.data
        if len(bounds) != len(old_bounds) or bounds[:-1] != old_bounds[:-1]:
            raise VbaError(9)
        if bounds[-1][0] != old_bounds[-1][0]:
            raise VbaError(9)
        self._allocate(bounds)
        keep = min(len(old_data), len(self.data))
        self.data[:keep] = old_data[:keep]  # column-major: last dimension is outermost

    def erase(self) -> None:
        """Erase: a fixed array is reset to default values, a dynamic one deallocated."""
        if self.fixed:
            self.data = [self.default] * len(self.data)
        else:
            self.bounds, self.data = [], []

    def copy(self) -> VbaArray:
        """The copy an array assignment makes (MS-VBAL 5.4.3.1)."""
        new = VbaArray(
            None,
            coerce=self.coerce,
            default=self.default,
            element_vartype=self.element_vartype,
        )
        new.bounds = list(self.bounds)
        new.data = [v.copy() if isinstance(v, VbaArray) else v for v in self.data]
        return new

    def to_list(self) -> list[object]:
        """Elements in storage order (a 1-D array's elements in index order)."""
        return list(self.data)

    def __repr__(self) -> str:
        dims = ", ".join(f"{lo} To {hi}" for lo, hi in self.bounds)
        return f"VbaArray({dims}: {self.data!r})"


def lbound(arr: object, dimension: int = 1) -> int:
    """LBound(arr[, dimension]); error 13 when ``arr`` is not an array."""
    if not isinstance(arr, VbaArray):
        raise VbaError(13)
    return arr.lbound(int(dimension))


def ubound(arr: object, dimension: int = 1) -> int:
    """UBound(arr[, dimension]); error 13 when ``arr`` is not an array."""
    if not isinstance(arr, VbaArray):
        raise VbaError(13)
    return arr.ubound(int(dimension))


def make_array(*items: object, base: int = 0) -> VbaArray:
    """Array(...): a Variant array with lower bound ``base`` (Option Base, 0 for VBA.Array)."""
    return VbaArray.from_list(items, base)


def is_array(v: object) -> bool:
    """IsArray."""
    return isinstance(v, VbaArray)
