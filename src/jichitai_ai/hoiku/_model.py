"""Input data of one allocation round (保育所等利用調整).

Plain frozen dataclasses so that the file loaders, the API and the generator
all produce the same thing, and the solvers never see a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

AGES: tuple[int, ...] = (0, 1, 2, 3, 4, 5)


class SiblingPolicy(Enum):
    """How a family's children may be placed (きょうだい申請の条件).

    The numbered ChilmAI patterns are kept so that files move between systems
    unchanged; ``INDEPENDENT`` treats each child as a separate applicant.
    """

    TOGETHER = 1  # 同保同時: same facility, all at once or none
    SAME_OLDER_FIRST = 2  # 同保順次（上）
    SAME_YOUNGER_FIRST = 3  # 同保順次（下）
    ALL_PREFER_SAME = 4  # 別保同時（同）: all at once, same facility preferred
    PREFER_SAME = 5  # 別保順次（同）: same facility preferred, may split
    ALL_OWN_ORDER = 6  # 別保同時（希）
    OWN_ORDER = 7  # 別保順次（希）
    INDEPENDENT = 0  # 個別: each child applies on its own


@dataclass(frozen=True)
class Facility:
    """A facility with vacancies (募集人数) per age class."""

    id: str
    name: str
    capacity: tuple[int | None, ...]  # per age 0..5; None = only bounded by a shared quota
    row: int = 0


@dataclass(frozen=True)
class SharedQuota:
    """A joint upper bound over several age classes of one facility (共有枠)."""

    facility_id: str
    ages: frozenset[int]
    quota: int
    row: int = 0


@dataclass(frozen=True)
class Child:
    """One applicant (申込児童)."""

    id: str
    family_id: str
    age: int
    score: float  # 利用調整指数
    preferences: tuple[str, ...]  # facility ids, most wanted first
    enrolled_facility: str | None = None  # 在籍施設: set for transfer applicants (転園)
    policy: SiblingPolicy = SiblingPolicy.INDEPENDENT
    scores_at: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    attributes: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    row: int = 0

    def score_at(self, facility_id: str) -> float:
        """Score used at one facility (facility-specific points override 指数)."""
        return self.scores_at.get(facility_id, self.score)


@dataclass(frozen=True)
class TieBreak:
    """One rule of the priority order; ``attribute`` is ``score``, ``lottery``, ``order`` or a column."""

    attribute: str
    descending: bool = True


DEFAULT_TIEBREAKS: tuple[TieBreak, ...] = (TieBreak("score", True), TieBreak("order", False))


@dataclass(frozen=True)
class Instance:
    """Everything one round needs: facilities, children and the priority rules."""

    facilities: tuple[Facility, ...]
    children: tuple[Child, ...]
    shared_quotas: tuple[SharedQuota, ...] = ()
    tiebreaks: tuple[TieBreak, ...] = DEFAULT_TIEBREAKS
    seed: int = 0
    source_format: str = "native"

    def facility(self, facility_id: str) -> Facility:
        for f in self.facilities:
            if f.id == facility_id:
                return f
        raise KeyError(facility_id)
