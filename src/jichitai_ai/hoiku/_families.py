"""Family-level preference lists (世帯単位の希望順位).

A family's preference is an ordered list of *combinations*: one facility (or
``None`` = not admitted this round) per child. The order follows the sibling
patterns 1–7 that ChilmAI and Sun et al. (AAAI-24) use, so that both systems
judge stability against identical lists.
"""

from __future__ import annotations

from collections import Counter
from itertools import product

from jichitai_ai.hoiku._model import SiblingPolicy

Combo = tuple[str | None, ...]

#: Above this many raw combinations a family is rejected as unmanageable input.
MAX_RAW_COMBOS = 200_000
_MAX_RANK = 99


def _effective(combo: Combo, current: list[str | None]) -> Combo:
    """Staying at the current facility counts as 'no new seat'."""
    return tuple(
        None if (cp is not None and d == cp) else d for d, cp in zip(combo, current, strict=True)
    )


def _admitted_and_largest_group(eff: Combo) -> tuple[int, int]:
    counts = Counter(d for d in eff if d is not None)
    if not counts:
        return 0, 0
    return sum(counts.values()), max(counts.values())


def _ranks(eff: Combo, prefs: list[list[str]]) -> tuple[int, list[int]]:
    product_ = 1
    ranks: list[int] = []
    for i, d in enumerate(eff):
        r = prefs[i].index(d) + 1 if (d is not None and d in prefs[i]) else _MAX_RANK
        product_ *= r
        ranks.append(r)
    return product_, ranks


def _score(pattern: int, eff: Combo, prefs: list[list[str]]) -> list[int]:
    admitted, largest = _admitted_and_largest_group(eff)
    rp, rl = _ranks(eff, prefs)
    if pattern == 2:
        return (
            [1 if d is not None else 0 for d in eff] + [admitted, largest, -rp] + [-r for r in rl]
        )
    if pattern == 3:
        mask = [1 if d is not None else 0 for d in reversed(eff)]
        return mask + [admitted, largest, -rp] + [-r for r in reversed(rl)]
    if pattern in (6, 7):
        return [admitted, -rp] + [-r for r in rl]
    return [admitted, largest, -rp] + [-r for r in rl]


def _valid(pattern: int, combo: Combo, current: list[str | None]) -> bool:
    eff = _effective(combo, current)
    if pattern == 1:
        return len(set(eff)) == 1 and eff[0] is not None
    if pattern in (2, 3):
        new = {d for d, cp in zip(combo, current, strict=True) if d is not None and d != cp}
        if len(new) > 1:
            return False
        idx = 0 if pattern == 2 else -1
        return not ((combo[idx] is None or combo[idx] == current[idx]) and new)
    if pattern in (4, 6):
        return None not in eff
    return any(d is not None for d in eff)


def raw_combo_count(prefs: list[list[str]], current: list[str | None]) -> int:
    """How many combinations the product would enumerate (for input limits)."""
    total = 1
    for p, cp in zip(prefs, current, strict=True):
        extra = 1 if (cp is not None and cp not in p) else 0
        total *= len(p) + extra + (0 if cp is not None else 1)
    return total


def family_combos(prefs: list[list[str]], current: list[str | None], pattern: int) -> list[Combo]:
    """Ordered combinations for a family whose children are listed oldest first."""
    prefs = [list(dict.fromkeys(p)) for p in prefs]
    if len(prefs) == 1:
        combos: list[Combo] = [(d,) for d in prefs[0]]
        if current[0] is not None and current[0] not in prefs[0]:
            combos.append((current[0],))
        return combos
    with_transfer = [
        [*p, cp] if (cp is not None and cp not in p) else list(p)
        for p, cp in zip(prefs, current, strict=True)
    ]
    options: list[list[str | None]] = [
        [*p, None] if cp is None else list(p) for p, cp in zip(with_transfer, current, strict=True)
    ]
    candidates = [c for c in product(*options) if not all(d is None for d in c)]
    valid = [c for c in candidates if _valid(pattern, c, current)]
    scored = sorted(
        valid, key=lambda c: _score(pattern, _effective(c, current), with_transfer), reverse=True
    )
    ordered = list(dict.fromkeys(scored))
    if any(cp is not None for cp in current):
        back = tuple(current)
        ordered = [c for c in ordered if c != back]
        ordered.append(back)
    return ordered


def policy_pattern(policy: SiblingPolicy) -> int:
    """ChilmAI pattern number of a policy (independent children never form families)."""
    return policy.value if policy is not SiblingPolicy.INDEPENDENT else 7
