"""Nursery admission allocation (保育所等利用調整).

Stable allocation of children to facilities with siblings and transfers,
an independent checker, and a reason for every outcome. Use
:mod:`jichitai_ai.hoiku.service` (re-exported here) or the ``hoiku`` CLI.
"""

from jichitai_ai.hoiku._model import Child, Facility, Instance, SharedQuota, SiblingPolicy, TieBreak
from jichitai_ai.hoiku.service import (
    Allocation,
    AllocationRefused,
    CheckReport,
    ChildOutcome,
    HoikuInputError,
    check,
    explain,
    export_csv,
    export_rosters_csv,
    export_waitlist_csv,
    export_xlsx,
    from_assignment,
    load_chilmai_bytes,
    load_instance,
    load_instance_bytes,
    load_result,
    next_round,
    outcomes,
    run,
)

__all__ = [
    "Allocation",
    "AllocationRefused",
    "CheckReport",
    "Child",
    "ChildOutcome",
    "Facility",
    "HoikuInputError",
    "Instance",
    "SharedQuota",
    "SiblingPolicy",
    "TieBreak",
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
