"""Stage 3b, resolve entities: every article's candidate names -> one set of canonical entities.

Names are merged only within one type, and every merge records why: the same name written
differently (`U.S.` / `US`), a surname (`Haftar` -> `Khalifa Haftar`), reversed order, spelling
variants of a given name, an acronym the text defines, a common alias. The researcher's
`annotations/entities.yml` is applied last and always wins.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.annotations.read import EntityCuration
from generator.extract.names import (
    is_acronym,
    knowledge,
    name_key,
    name_tokens,
    similar_given_names,
    similar_surnames,
)
from generator.groups import Groups
from generator.model import Candidate, Entity, EntityType, Extraction, Problem, Severity
from generator.paths import slug
from generator.resolve.curation import RESERVED_IDS, apply_curation
from generator.resolve.types import TYPE_ORDER, Typed, type_evidence, vote_types

_TYPE_ORDER = list(TYPE_ORDER)


@dataclass(slots=True)
class _Cluster:
    surfaces: set[str]
    type: EntityType
    why: list[str] = field(default_factory=list)


class _Union:
    """Surface strings joined into groups of one type, remembering why each pair was joined."""

    def __init__(self, surfaces: dict[str, EntityType]) -> None:
        self.groups = Groups(surfaces)
        self.types = surfaces
        self.why: defaultdict[str, list[str]] = defaultdict(list)

    def find(self, surface: str) -> str:
        return self.groups.find(surface)

    def join(self, first: str, second: str, reason: str) -> None:
        if self.types[first] is not self.types[second]:
            return  # type-gated: a place is never merged with a person
        a, b = self.groups.find(first), self.groups.find(second)
        if self.groups.join(a, b):  # `a` stays the root, so the reasons gather there
            self.why[a].extend(self.why.pop(b, []))
            self.why[a].append(reason)

    def clusters(self) -> list[_Cluster]:
        clusters = []
        for members in self.groups.groups():
            root = self.groups.find(members[0])
            clusters.append(_Cluster(set(members), self.types[root], list(self.why.get(root, []))))
        return clusters


@dataclass(frozen=True, slots=True)
class ResolvedEntities:
    entities: tuple[Entity, ...]
    aliases: dict[str, str]
    """Surface form -> entity id, for linking."""
    unbacked: dict[str, frozenset[str]]
    """Single words with no longer name, list or curation to back them (`May`, `One`, the retailer
    `Next`), and the articles the model found each in: where a word is also a common word,
    linking trusts its capital only there (see `link.link_mentions`)."""
    problems: tuple[Problem, ...]


def resolve_entities(extractions: Sequence[Extraction], curation: EntityCuration) -> ResolvedEntities:
    candidates = [c for extraction in extractions for c in extraction.candidates]
    ignored = {surface for surface, _ in curation.ignore}
    found = {c.text for c in candidates}
    problems = [
        Problem(
            curation.path, f"ignore '{surface}' matches no name found in the articles", Severity.WARNING, line
        )
        for surface, line in curation.ignore
        if surface not in found
    ]
    candidates = _split_glued(extractions)
    counts = Counter(c.text for c in candidates if c.text not in ignored)
    typed = vote_types(c for c in candidates if c.text not in ignored)
    types = dict(typed.types)
    acronyms = {(long, short) for extraction in extractions for long, short in extraction.acronyms}
    for long, short in sorted(acronyms):
        # `government of national accord GNA`: the long form names it too, unless it is ignored.
        if short in types and long not in types and long not in ignored:
            types[long] = types[short]
    union = _Union(types)
    _join_same_names(union)
    _join_common_aliases(union)
    _join_acronyms(union, acronyms, extractions)
    _join_people(union)
    clusters = union.clusters()
    entities = [_machine_entity(cluster, counts, typed) for cluster in clusters]
    entities = _unique_ids(entities)
    entities, curation_problems = apply_curation(entities, curation)
    problems.extend(curation_problems)
    entities.sort(key=lambda e: (_TYPE_ORDER.index(e.type), e.name.casefold(), e.id))
    aliases = {alias: entity.id for entity in entities for alias in entity.aliases if alias not in ignored}
    unbacked = _unbacked_aliases(entities, extractions, curation)
    return ResolvedEntities(tuple(entities), aliases, unbacked, tuple(problems))


def _unbacked_aliases(
    entities: list[Entity], extractions: Sequence[Extraction], curation: EntityCuration
) -> dict[str, frozenset[str]]:
    """Aliases that stand on the model's guesses alone: one word, no longer alias, nothing vouching
    for them; with the articles the model found each in."""
    vouched = {alias for entry in curation.entities for alias in entry.aliases}
    vouched |= {name for _, names in knowledge().alias_groups for name in names} | set(
        knowledge().known_types
    )
    vouched |= {short for extraction in extractions for _, short in extraction.acronyms}
    found_in: defaultdict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        for candidate in extraction.candidates:
            found_in[candidate.text].add(extraction.article)
    unbacked = {}
    for entity in entities:
        if entity.curated or any(" " in alias for alias in entity.aliases):
            continue
        for alias in entity.aliases:
            if alias not in vouched:
                unbacked[alias] = frozenset(found_in.get(alias, ()))
    return unbacked


def _split_glued(extractions: Sequence[Extraction]) -> list[Candidate]:
    """`Haftar Trump` (punctuation lost between two names) -> `Haftar`, `Trump`.

    Only in an article stripped of punctuation (in prose, `Ken Livingstone` is one name even
    where `Ken` and `Livingstone` are also written alone). Only a span seen once is split, and
    only where its left part is a name seen on its own elsewhere and the right part also is, or
    the left part is itself a name of several words.
    """
    counts = Counter(c.text for extraction in extractions for c in extraction.candidates)
    result: list[Candidate] = []
    for extraction in extractions:
        if not extraction.unpunctuated:
            result.extend(extraction.candidates)
            continue
        result.extend(_split_glued_in(extraction.candidates, counts))
    return result


def _split_glued_in(candidates: Sequence[Candidate], counts: Counter[str]) -> list[Candidate]:
    result: list[Candidate] = []
    for candidate in candidates:
        words = candidate.text.split(" ")
        split = None
        if counts[candidate.text] == 1 and len(words) >= 2:
            for cut in range(len(words) - 1, 0, -1):
                left, right = " ".join(words[:cut]), " ".join(words[cut:])
                if counts[left] and (counts[right] or cut >= 2) and right[:1].isupper():
                    split = (left, right)
                    break
        if split is None:
            result.append(candidate)
            continue
        left, right = split
        right_start = candidate.start + len(left) + 1
        result.append(Candidate(candidate.start, candidate.start + len(left), left, candidate.type, "split"))
        result.append(Candidate(right_start, candidate.end, right, candidate.type, "split"))
    return result


def _join_same_names(union: _Union) -> None:
    by_key: defaultdict[tuple[str, EntityType], list[str]] = defaultdict(list)
    for surface, kind in union.types.items():
        # `Conor O'Brien` / `Conor O Brien` / `Conor OBrien`: spaces and apostrophes do not count
        by_key[(name_key(surface).replace(" ", "").replace("'", ""), kind)].append(surface)
    for names in by_key.values():
        first, *rest = sorted(names)
        for other in rest:
            union.join(first, other, f"'{first}' and '{other}' are the same name written differently")


def _join_common_aliases(union: _Union) -> None:
    for kind, names in knowledge().alias_groups:
        present = [name for name in names if name in union.types and union.types[name].value == kind]
        for other in present[1:]:
            union.join(present[0], other, f"'{present[0]}' and '{other}' are common names of one {kind}")


def _join_acronyms(union: _Union, acronyms: set[tuple[str, str]], extractions: Sequence[Extraction]) -> None:
    where = {pair: extraction.article for extraction in extractions for pair in extraction.acronyms}
    by_key = {name_key(surface): surface for surface in union.types}
    for long, short in sorted(acronyms):
        target = long if long in union.types else by_key.get(name_key(long))
        if target and short in union.types:
            union.join(target, short, f"'{short}' is defined as '{long}' in {where[(long, short)]}")


def _join_people(union: _Union) -> None:
    """Reversed order, spelling variants, then surnames; pairs are compared only within a bucket."""
    people = sorted(s for s, kind in union.types.items() if kind is EntityType.PERSON)
    full = [s for s in people if len(name_tokens(s)) >= 2]
    by_tokens: defaultdict[frozenset[str], list[str]] = defaultdict(list)
    by_last: defaultdict[str, list[str]] = defaultdict(list)
    by_first: defaultdict[str, list[str]] = defaultdict(list)
    for surface in full:
        tokens = name_tokens(surface)
        by_tokens[frozenset(tokens)].append(surface)
        by_last[tokens[-1]].append(surface)
        by_first[tokens[0]].append(surface)
    for group in by_tokens.values():
        for other in group[1:]:
            if name_tokens(other) != name_tokens(group[0]):
                union.join(group[0], other, f"'{other}' is '{group[0]}' in reverse order")
    for group in by_last.values():  # Fayez / Fayed / Faiez al-Sarraj
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if similar_given_names(name_tokens(first)[0], name_tokens(second)[0]):
                    union.join(first, second, f"'{first}' and '{second}' are spellings of one name")
    for group in by_first.values():  # Muammar Gaddafi / Muammar Qaddafi
        for i, first in enumerate(group):
            a = name_tokens(first)
            for second in group[i + 1 :]:
                b = name_tokens(second)
                if len(a) == len(b) and a[-1] != b[-1] and similar_surnames(a[-1], b[-1]):
                    union.join(first, second, f"'{first}' and '{second}' are spellings of one name")
    roots: defaultdict[str, set[str]] = defaultdict(set)
    longest: dict[str, str] = {}
    for surface in full:
        root = union.find(surface)
        roots[name_tokens(surface)[-1]].add(root)
        if root not in longest or (len(name_tokens(surface)), len(surface), surface) > (
            len(name_tokens(longest[root])),
            len(longest[root]),
            longest[root],
        ):
            longest[root] = surface
    for surface in people:
        tokens = name_tokens(surface)
        if len(tokens) == 1 and len(roots.get(tokens[0], ())) == 1:
            (root,) = roots[tokens[0]]
            union.join(root, surface, f"'{surface}' is the surname of '{longest[root]}'")


def _machine_entity(cluster: _Cluster, counts: Counter[str], typed: Typed) -> Entity:
    name = _canonical_name(cluster, counts)
    aliases = tuple(sorted(cluster.surfaces, key=lambda s: (-counts[s], s)))
    evidence = type_evidence(cluster.surfaces, typed, cluster.type)
    return Entity(slugify(name), name, cluster.type, aliases, why=tuple(cluster.why), typed_by=evidence)


def _canonical_name(cluster: _Cluster, counts: Counter[str]) -> str:
    for kind, names in knowledge().alias_groups:
        if kind == cluster.type.value and cluster.surfaces & set(names):
            return names[0]

    def rank(surface: str) -> tuple[int, int, int, int, str]:
        words = len(name_tokens(surface))
        multi = 1 if (words >= 2 or cluster.type is not EntityType.PERSON) else 0
        proper = 1 if surface[:1].isupper() else 0
        return (proper, 0 if is_acronym(surface) else 1, multi, counts[surface], surface)

    return max(cluster.surfaces, key=rank)


def slugify(name: str) -> str:
    return slug(name) or "entity"


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Distinct ids: the type is added when two types share a name, then a number if still taken."""
    taken: Counter[str] = Counter(entity.id for entity in entities)
    used: set[str] = set()
    result = []
    for entity in sorted(entities, key=lambda e: (e.id, _TYPE_ORDER.index(e.type), e.name, e.aliases)):
        wanted = entity.id
        if taken[wanted] > 1 or wanted in RESERVED_IDS:
            wanted = f"{wanted}-{entity.type.value}"
        unique, number = wanted, 2
        while unique in used:
            unique, number = f"{wanted}-{number}", number + 1
        used.add(unique)
        result.append(dataclasses.replace(entity, id=unique))
    return result
