"""Disjoint sets: which items end up in one group once some pairs of them are joined.

Entities (names joined into one), quote groups and stories each join pairs and read the groups;
the union-find they share is written here once.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

_T = TypeVar("_T", bound=Hashable)


class Groups(Generic[_T]):
    """Union-find over a fixed set of items.

    Joining `first` and `second` keeps the root of `first` as the root of the joined group, so a
    caller that keeps something per root (the reasons two names were joined) knows where it goes.
    """

    def __init__(self, items: Iterable[_T]) -> None:
        self._parent: dict[_T, _T] = {item: item for item in items}

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, item: _T) -> _T:
        """The root of the item's group (each step on the way is pointed at its grandparent)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, first: _T, second: _T) -> bool:
        """Put the two items in one group, whose root is `first`'s; False if they already were."""
        kept, absorbed = self.find(first), self.find(second)
        if kept == absorbed:
            return False
        self._parent[absorbed] = kept
        return True

    def groups(self) -> list[list[_T]]:
        """Every group, members in the order the items were given, groups in the order of their first
        member (an item never joined is a group of its own)."""
        found: dict[_T, list[_T]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
