"""Disjoint sets: the groups a set of joins gives, their order, and which item stays the root."""

from __future__ import annotations

import pytest

from generator.groups import Groups


def test_items_never_joined_are_groups_of_their_own_in_the_order_given() -> None:
    assert Groups(["c", "a", "b"]).groups() == [["c"], ["a"], ["b"]]
    assert Groups([]).groups() == []


def test_joins_chain_into_one_group_with_members_in_the_order_given() -> None:
    groups = Groups(["a", "b", "c", "d", "e", "f"])
    groups.join("e", "c")
    groups.join("c", "a")
    groups.join("f", "d")
    assert groups.groups() == [["a", "c", "e"], ["b"], ["d", "f"]]


@pytest.mark.parametrize(
    ("joins", "expected"),
    [
        ([(4, 1)], [[0], [1, 4], [2], [3]]),
        ([(3, 2), (2, 0)], [[0, 2, 3], [1], [4]]),
        ([(4, 3), (1, 0), (3, 1)], [[0, 1, 3, 4], [2]]),
        ([(0, 1), (2, 3), (1, 2), (3, 4)], [[0, 1, 2, 3, 4]]),
    ],
)
def test_groups_are_ordered_by_their_first_member_whatever_the_roots(
    joins: list[tuple[int, int]], expected: list[list[int]]
) -> None:
    groups = Groups(range(5))
    for first, second in joins:
        groups.join(first, second)
    assert groups.groups() == expected


def test_the_first_items_root_stays_the_root() -> None:
    groups = Groups(["a", "b", "c", "d"])
    assert groups.join("b", "a") is True
    assert groups.find("a") == "b"
    groups.join("d", "c")
    groups.join("a", "c")  # the root of `a` (`b`) takes in the root of `c` (`d`)
    assert [groups.find(item) for item in "abcd"] == ["b", "b", "b", "b"]


def test_joining_two_items_already_in_one_group_changes_nothing() -> None:
    groups = Groups([1, 2, 3])
    assert groups.join(1, 2) is True
    assert groups.join(2, 1) is False
    assert groups.join(1, 1) is False
    assert groups.find(2) == 1
    assert groups.groups() == [[1, 2], [3]]


def test_find_after_a_long_chain_still_gives_the_root() -> None:
    items = list(range(100))
    groups = Groups(items)
    for item in items[1:]:
        groups.join(item, item - 1)  # each new item becomes the root: a chain 0 -> 1 -> ... -> 99
    assert {groups.find(item) for item in items} == {99}
    assert groups.groups() == [items]


def test_membership_is_of_the_items_given() -> None:
    groups = Groups(["a", "b"])
    assert "a" in groups
    assert "z" not in groups
    with pytest.raises(KeyError):
        groups.join("a", "z")
