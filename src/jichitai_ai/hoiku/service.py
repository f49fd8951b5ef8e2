"""Service API for the CLI and the web console: load → run → explain → export."""

from __future__ import annotations

import time
from pathlib import Path

from jichitai_ai.hoiku._checker import CheckReport, check_placement
from jichitai_ai.hoiku._chilmai import load_chilmai
from jichitai_ai.hoiku._explain import ChildOutcome, outcomes
from jichitai_ai.hoiku._io import load_directory
from jichitai_ai.hoiku._model import Instance
from jichitai_ai.hoiku._native import load_native_bytes
from jichitai_ai.hoiku._problem import NONE, compile_problem
from jichitai_ai.hoiku._results import (
    export_csv,
    export_rosters_csv,
    export_waitlist_csv,
    export_xlsx,
    read_assignment,
)
from jichitai_ai.hoiku._rounds import next_round
from jichitai_ai.hoiku._solve import Allocation, AllocationRefused, allocate
from jichitai_ai.hoiku._tabular import HoikuInputError, Issue, read_table
from jichitai_ai.i18n import t


def load_instance(directory: str | Path, fmt: str = "native") -> Instance:
    """Load a folder of templates (or ChilmAI files with ``fmt='chilmai'``)."""
    return load_directory(Path(directory), fmt)


def load_instance_bytes(
    facilities: bytes,
    children: bytes,
    shared_quotas: bytes | None = None,
    settings_toml: bytes | None = None,
) -> Instance:
    """Load uploaded template files (CSV in UTF-8 or Shift_JIS, or XLSX)."""
    return load_native_bytes(facilities, children, shared_quotas, settings_toml)


def load_chilmai_bytes(children: bytes, daycares: bytes) -> Instance:
    """Load ChilmAI's 申込者データ and 保育所データ."""
    return load_chilmai(read_table(children, "申込者データ"), read_table(daycares, "保育所データ"))


def run(instance: Instance, method: str = "auto", time_limit: float = 900.0) -> Allocation:
    """Allocate; the returned allocation carries the checker's report.

    Raises :class:`AllocationRefused` instead of returning a result that breaks
    a hard constraint (an enrolled child without a seat, capacity, siblings).
    """
    return allocate(instance, method, time_limit)


def from_assignment(instance: Instance, assignment: dict[str, str | None]) -> Allocation:
    """Wrap an allocation made elsewhere (a result file, another system) for checking and explaining."""
    start = time.perf_counter()
    problem = compile_problem(instance)
    index = {f.id: k for k, f in enumerate(instance.facilities)}
    placed = [NONE] * len(instance.children)
    for i, c in enumerate(instance.children):
        fid = assignment.get(c.id)
        if fid is not None:
            placed[i] = index[fid]
    report = check_placement(problem, placed)
    return Allocation(instance, problem, placed, "file", False, report, time.perf_counter() - start)


def load_result(instance: Instance, data: bytes, name: str = "result.csv") -> Allocation:
    """Read a result file (ours or ChilmAI's output) and check it."""
    return from_assignment(instance, read_assignment(instance, data, name))


def check(instance: Instance, assignment: dict[str, str | None]) -> CheckReport:
    return from_assignment(instance, assignment).report


def explain(alloc: Allocation, child_id: str, lang: str | None = None) -> ChildOutcome:
    for o in outcomes(alloc, lang):
        if o.child_id == child_id:
            return o
    raise HoikuInputError([Issue("", 0, t("hoiku.err.unknown_child", value=child_id[:20]))])


__all__ = [
    "Allocation",
    "AllocationRefused",
    "CheckReport",
    "ChildOutcome",
    "HoikuInputError",
    "Instance",
    "check",
    "explain",
    "export_csv",
    "export_rosters_csv",
    "export_waitlist_csv",
    "export_xlsx",
    "from_assignment",
    "load_chilmai_bytes",
    "load_instance",
    "load_instance_bytes",
    "load_result",
    "next_round",
    "outcomes",
    "run",
]
