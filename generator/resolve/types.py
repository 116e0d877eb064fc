"""Stage 3b, types: one type per name for the whole corpus, from the evidence of every mention.

Each mention votes: the model's label counts once, a rule twice (a rule that read the text
around the name: "Mr", "club", "Minister of", a known name; or one that read the name's own
shape: "... Council"). A surname of a person named in full leans person. Then world knowledge: a
name the gazetteers (`generator.extract.gazetteer`) know as a place is a place when no rule that
read the text around it uses it as something else, and either the place is prominent (a country,
a region, a city of a million) or the model itself read it as a place often enough (at least a
third of the votes). The evidence is kept, in words, for the entity page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.extract.gazetteer import Place, places_named
from generator.extract.names import name_tokens
from generator.model import Candidate, EntityType

TYPE_ORDER = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE, EntityType.GROUP)
_MODEL = "model"
_NAME_SHAPE = frozenset({"organisation suffix", "organisation name", "place suffix", "acronym"})
"""Rules that read the name alone ("... Bank", "... Council"), not the text around it: a gazetteer
that knows the whole name outweighs them."""
_RULE_WEIGHT = 2
_PLACE_SHARE = 1 / 3
"""A smaller place is a place when at least this share of the votes already said so."""


@dataclass(slots=True)
class Votes:
    """What every mention of one name said about its type."""

    model: Counter[EntityType] = field(default_factory=Counter)
    rules: Counter[tuple[EntityType, str]] = field(default_factory=Counter)
    surname: bool = False
    place: Place | None = None
    """The gazetteer entry that decided the type, if one did."""

    def total(self, kind: EntityType) -> int:
        ruled = sum(count for (voted, _), count in self.rules.items() if voted is kind)
        return (
            self.model[kind] + _RULE_WEIGHT * ruled + (1 if self.surname and kind is EntityType.PERSON else 0)
        )

    def majority(self) -> EntityType:
        return max(TYPE_ORDER, key=lambda kind: (self.total(kind), -TYPE_ORDER.index(kind)))


@dataclass(frozen=True, slots=True)
class Typed:
    types: dict[str, EntityType]
    """Surface -> its type for the corpus."""
    votes: dict[str, Votes]


def vote_types(candidates: Iterable[Candidate]) -> Typed:
    votes: defaultdict[str, Votes] = defaultdict(Votes)
    for candidate in candidates:
        if candidate.rule == _MODEL:
            votes[candidate.text].model[candidate.type] += 1
        else:
            votes[candidate.text].rules[(candidate.type, candidate.rule)] += 1
    surnames = {
        name_tokens(surface)[-1]
        for surface, vote in votes.items()
        if vote.majority() is EntityType.PERSON and len(name_tokens(surface)) >= 2
    }
    types = {}
    for surface, vote in votes.items():
        tokens = name_tokens(surface)
        vote.surname = len(tokens) == 1 and tokens[0] in surnames and vote.total(EntityType.PERSON) > 0
        types[surface] = _decide(surface, vote)
    return Typed(types, dict(votes))


def _decide(surface: str, vote: Votes) -> EntityType:
    best = vote.majority()
    if best not in (EntityType.ORGANIZATION, EntityType.PERSON):
        return best  # a place already, or a group: "Balkan" is an adjective, not the region
    if any(kind is best and rule not in _NAME_SHAPE for kind, rule in vote.rules):
        return best  # the text itself says what it is: "Liverpool manager", "Lincoln, 45"
    if best is EntityType.PERSON and vote.surname:
        return best  # the surname of someone the corpus names in full
    seen_as_place = vote.total(EntityType.PLACE) >= _PLACE_SHARE * sum(vote.total(k) for k in TYPE_ORDER)
    for place in places_named(surface):
        # Places are given names too (Victoria, Florence, Georgia): a person stays one unless
        # the model also read the name as a place.
        known = place.prominent and best is EntityType.ORGANIZATION
        if known or seen_as_place:
            vote.place = place
            return EntityType.PLACE
    return best


def type_evidence(surfaces: Iterable[str], typed: Typed, kind: EntityType) -> tuple[str, ...]:
    """Why an entity named by `surfaces` has type `kind`, in words, one line per kind of evidence."""
    model: Counter[EntityType] = Counter()
    rules: Counter[tuple[EntityType, str]] = Counter()
    places: list[tuple[str, Place]] = []
    for surface in sorted(surfaces):
        vote = typed.votes.get(surface)
        if vote is None:
            continue
        model.update(vote.model)
        rules.update(vote.rules)
        if vote.place is not None:
            places.append((surface, vote.place))
    lines = []
    if model:
        counts = ", ".join(f"{kind.value} ×{model[kind]}" for kind in TYPE_ORDER if model[kind])
        lines.append(f"Mentions the language model typed on its own: {counts}.")
    if rules:
        ruled = ", ".join(f"“{rule}” → {voted.value} ×{count}" for (voted, rule), count in sorted(
            rules.items(), key=lambda item: (-item[1], item[0][1], item[0][0].value)))  # fmt: skip
        lines.append(f"Rules that read its name or the words around it (each counts twice): {ruled}.")
    for surface, place in places:
        lines.append(
            f"The gazetteer knows “{surface}” as {place.describe()}, and no rule in the text uses it "
            f"as something else, so it is a {kind.value}."
        )
    return tuple(lines)
