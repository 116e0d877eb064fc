"""Stage 3b, the researcher's word on entities: `annotations/entities.yml` over the machine's entities.

The entries are checked first and every problem collected (ids that name nothing, aliases claimed
twice, merges of unknown ids or in a cycle); then the aliases the researcher claims leave the
machine's entities, and every merged entity folds into its owner.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from generator.annotations.read import CuratedEntity, EntityCuration
from generator.annotations.validate import did_you_mean
from generator.model import Entity, EntityType, Problem, Severity

RESERVED_IDS = frozenset({"index"})
"""Ids that would replace a page of the site (`entities/index.md`)."""

_Entry: TypeAlias = tuple[str, int | None]
"""An entry of the file: its id and its line."""


@dataclass(frozen=True, slots=True)
class _Decisions:
    """What the checked entries decide."""

    entries: list[CuratedEntity]
    """The entries that can be applied, in the file's order."""
    claimed: dict[str, _Entry]
    """Alias -> the entry that claims it (the first, when two do)."""
    merged_into: dict[str, _Entry]
    """Merged id -> the entry that merges it; merges in a cycle left out."""

    def owner(self, entity_id: str) -> str:
        """Where an id ends up: A merges B, B merges C, so all of it ends in A."""
        while entity_id in self.merged_into:
            entity_id = self.merged_into[entity_id][0]
        return entity_id


def apply_curation(entities: list[Entity], curation: EntityCuration) -> tuple[list[Entity], list[Problem]]:
    """The researcher's decisions: claim aliases, merge ids, rename, retype, describe."""
    problems: list[Problem] = []
    ids = {entity.id for entity in entities}
    entries = _applicable_entries(curation, ids, problems)
    claimed, merged_into = _claims_and_merges(entries, curation.path, ids, problems)
    in_cycle = _merge_cycles(merged_into, curation.path, problems)
    merged_into = {t: v for t, v in merged_into.items() if t not in in_cycle}
    decisions = _Decisions(entries, claimed, merged_into)
    return _fold(entities, decisions, curation.path, problems), problems


def _applicable_entries(
    curation: EntityCuration, ids: set[str], problems: list[Problem]
) -> list[CuratedEntity]:
    """The entries that can be applied: an id not reserved, that names an entity or has aliases or merges."""
    entries = []
    for entry in curation.entities:
        if entry.id in RESERVED_IDS:
            problems.append(
                Problem(
                    curation.path,
                    f"the id '{entry.id}' is reserved (it names the entity index page); choose another id",
                    Severity.ERROR,
                    entry.line,
                )
            )
        elif entry.id not in ids and not entry.aliases and not entry.merge:
            problems.append(
                Problem(
                    curation.path,
                    f"'{entry.id}' is not an entity id and names no aliases; "
                    "not applied" + did_you_mean(entry.id, sorted(ids)),
                    Severity.WARNING,
                    entry.line,
                )
            )
        else:
            entries.append(entry)
    return entries


def _claims_and_merges(
    entries: Sequence[CuratedEntity], path: str, ids: set[str], problems: list[Problem]
) -> tuple[dict[str, _Entry], dict[str, _Entry]]:
    """(alias -> entry claiming it, id -> entry merging it); an alias or id two entries want is an
    error, and so is a merge of an id that is neither an entity nor an entry."""
    claimed: dict[str, _Entry] = {}
    merged_into: dict[str, _Entry] = {}
    curated_ids = {entry.id for entry in entries}
    for entry in entries:
        for alias in entry.aliases:
            if alias in claimed and claimed[alias][0] != entry.id:
                other, line = claimed[alias]
                problems.append(
                    Problem(
                        path,
                        f"alias '{alias}' is claimed by both '{other}' (line {line}) "
                        f"and '{entry.id}'; keep it in one entity",
                        Severity.ERROR,
                        entry.line,
                    )
                )
            else:
                claimed[alias] = (entry.id, entry.line)
        for target in entry.merge:
            if target not in ids and target not in curated_ids:
                problems.append(
                    Problem(
                        path,
                        f"'{entry.id}' merges unknown entity id '{target}'"
                        + did_you_mean(target, sorted(ids)),
                        Severity.ERROR,
                        entry.line,
                    )
                )
            elif target in merged_into and merged_into[target][0] != entry.id:
                problems.append(
                    Problem(
                        path,
                        f"entity '{target}' is merged into both '{merged_into[target][0]}' and '{entry.id}'",
                        Severity.ERROR,
                        entry.line,
                    )
                )
            else:
                merged_into[target] = (entry.id, entry.line)
    return claimed, merged_into


def _merge_cycles(merged_into: dict[str, _Entry], path: str, problems: list[Problem]) -> set[str]:
    """The ids whose merges lead back to themselves; each cycle is reported once."""
    in_cycle: set[str] = set()
    for target, (into, line) in sorted(merged_into.items()):
        seen = {target}
        current = into
        while current in merged_into:
            if current in seen:
                if target not in in_cycle:
                    message = (
                        f"merge cycle: '{target}' and '{into}' merge each other; neither merge is applied"
                    )
                    problems.append(Problem(path, message, Severity.ERROR, line))
                in_cycle |= seen
                break
            seen.add(current)
            current = merged_into[current][0]
    return in_cycle


def _fold(entities: list[Entity], decisions: _Decisions, path: str, problems: list[Problem]) -> list[Entity]:
    """Claimed aliases leave the machine's entities; then everything goes to its final owner, so the
    order of entries in the file never matters."""
    alias_types = {alias: entity.type for entity in entities for alias in entity.aliases}
    folded: defaultdict[str, list[Entity]] = defaultdict(list)
    for entity in _unclaimed(entities, decisions.claimed):
        folded[decisions.owner(entity.id)].append(entity)
    members: defaultdict[str, list[CuratedEntity]] = defaultdict(list)
    for entry in decisions.entries:
        members[decisions.owner(entry.id)].append(entry)
    result = {owner: group[0] for owner, group in folded.items() if owner not in members and len(group) == 1}
    for owner, group_entries in members.items():
        head = next((e for e in group_entries if e.id == owner), None)
        ordered = ([head] if head else []) + [e for e in group_entries if e is not head]
        curated = _curated_entity(
            owner, ordered, folded.get(owner, []), decisions, alias_types, path, problems
        )
        if curated is not None:
            result[owner] = curated
    return list(result.values())


def _unclaimed(entities: list[Entity], claimed: dict[str, _Entry]) -> list[Entity]:
    """The machine's entities without the aliases the researcher claims (and without those left
    with none)."""
    machine = []
    for entity in entities:
        kept = tuple(alias for alias in entity.aliases if alias not in claimed)
        if kept:
            name = entity.name if entity.name not in claimed else kept[0]
            machine.append(dataclasses.replace(entity, name=name, aliases=kept))
    return machine


def _curated_entity(
    owner: str,
    ordered: Sequence[CuratedEntity],
    group: Sequence[Entity],
    decisions: _Decisions,
    alias_types: dict[str, EntityType],
    path: str,
    problems: list[Problem],
) -> Entity | None:
    """The entity `owner` names: its entries (its own first) over the machine's entities folded
    into it; None, with a warning, when it is left with no names."""
    base = next((e for e in group if e.id == owner), None)
    aliases: list[str] = list(base.aliases if base else ())
    why: list[str] = list(base.why if base else ())
    for extra in group:
        if extra is not base:
            aliases.extend(extra.aliases)
            why.extend(
                [*extra.why, f"'{extra.name}' merged in by {path}:{decisions.merged_into[extra.id][1]}"]
            )
    for entry in ordered:
        for alias in entry.aliases:
            if decisions.claimed.get(alias, ("",))[0] == entry.id and alias not in aliases:
                aliases.append(alias)
                why.append(f"alias '{alias}' set by {path}:{entry.line}")
    if not aliases:
        if not any(entry.aliases for entry in ordered):  # (claimed twice is reported above)
            message = f"'{owner}' has no names: no aliases and nothing merged into it; not applied"
            problems.append(Problem(path, message, Severity.WARNING, ordered[0].line))
        return None
    claimed_types = (alias_types[a] for e in ordered for a in e.aliases if a in alias_types)
    typed_entry = next((e for e in ordered if e.type), None)
    kind = EntityType(typed_entry.type) if typed_entry and typed_entry.type else None
    kind = kind or (base.type if base else None) or next(claimed_types, None) or EntityType.PERSON
    typed_by = (
        (f"type set to {kind.value} by {path}:{typed_entry.line}",)
        if typed_entry
        else (base.typed_by if base else ())
    )
    return Entity(
        owner,
        next((e.name for e in ordered if e.name), None) or (base.name if base else aliases[0]),
        kind,
        tuple(dict.fromkeys(aliases)),
        next((e.description for e in ordered if e.description), None),
        next((e.links for e in ordered if e.links), ()),
        tuple(why),
        curated=True,
        typed_by=typed_by,
    )
