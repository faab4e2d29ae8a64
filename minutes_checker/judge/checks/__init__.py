"""The registry of checks: one module per check, each with its id, the rule signals it reads,
its role in the outcome (CRITERIA.md §5) and `run(findings) -> CheckResult`.

Adding a check: write its module here, its rule file in `rules/judge/`, its labels and
explanations in `messages.py`, and add the module to `MODULES`. The order of `MODULES` is the
order of the checks everywhere (JSON, CSV, the report).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from ...models import CheckResult
from ..findings import Findings
from . import (
    action_plan_decision,
    active_debate,
    all_three_maps,
    deadline,
    full_council,
    national_comparison,
    no_plan_reasons,
)

# gate: full council and deadline (not met: a reminder of the deadline; unclear: a person looks)
# plan: the statutory handlingsplan decision (not met: a request to decide; unclear: a person)
# quality: debate, maps, comparison (not met or unclear: a person looks)
# soft: reported, never decides the outcome nor fails a pre-check
Role = Literal["gate", "plan", "quality", "soft"]


@dataclass(frozen=True)
class Check:
    id: str
    role: Role
    reads: frozenset[str]
    run: Callable[[Findings], CheckResult]


MODULES: tuple[ModuleType, ...] = (
    full_council,
    deadline,
    active_debate,
    all_three_maps,
    national_comparison,
    action_plan_decision,
    no_plan_reasons,
)


def _register(module: ModuleType) -> Check:
    return Check(module.ID, module.ROLE, frozenset(module.READS), module.run)


CHECKS: tuple[Check, ...] = tuple(_register(module) for module in MODULES)
CHECK_IDS: tuple[str, ...] = tuple(check.id for check in CHECKS)
SOFT_CHECKS: frozenset[str] = frozenset(c.id for c in CHECKS if c.role == "soft")


def by_role(*roles: Role) -> tuple[str, ...]:
    return tuple(check.id for check in CHECKS if check.role in roles)


def run_checks(findings: Findings) -> dict[str, CheckResult]:
    """Every registered check on the findings, each through its own view (`Findings.for_check`)."""
    return {check.id: check.run(findings.for_check(check.reads)) for check in CHECKS}
