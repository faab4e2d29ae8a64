"""A small screening for the caseworker's year (issue 12): a batch of fixture minutes with every
outcome, decisions files as the report exports them, and a snapshot of an output folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from minutes_fixtures import Minutes, render

from minutes_checker.batch import run_batch
from minutes_checker.judge.combine import page_slug

# the outcomes of the 2023 folder (as the fixtures are judged today; the tests check them)
PAGES = {
    "herning": "657-herning-kommune-2023",  # everything met: no letter
    "aarhus": "751-aarhus-kommune-2023",  # no plan decision: request_action_plan_decision
    "skive": "779-skive-kommune-2023",  # the committee's minutes: deadline_reminder
    "viborg": "791-viborg-kommune-2023",  # no national comparison: manual_review
}


def minutes_2023(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "herning.html").write_bytes(render(Minutes(), "html"))
    (root / "aarhus.html").write_bytes(render(Minutes("Aarhus Kommune", plan=False), "html"))
    (root / "skive.pdf").write_bytes(
        render(Minutes("Skive Kommune", committee="Socialudvalget"), "pdf")
    )
    (root / "viborg.html").write_bytes(render(Minutes("Viborg Kommune", national=False), "html"))
    return root


def minutes_2022(root: Path) -> Path:
    """The year before: Viborg with the same gap, Aarhus in order, Skive's council late."""
    root.mkdir(parents=True, exist_ok=True)
    day = dt.date(2022, 10, 5)
    (root / "viborg-2022.html").write_bytes(
        render(Minutes("Viborg Kommune", national=False, map_year=2022, date=day), "html")
    )
    (root / "aarhus-2022.html").write_bytes(
        render(Minutes("Aarhus Kommune", map_year=2022, date=day), "html")
    )
    (root / "skive-2022.html").write_bytes(
        render(Minutes("Skive Kommune", map_year=2022, date=dt.date(2023, 1, 25)), "html")
    )
    return root


def screened(tmp: Path, name: str = "ud", history: Path | None = None) -> Path:
    """A batch of the 2023 folder into tmp/<name>."""
    out = tmp / name
    run_batch(minutes_2023(tmp / "ind"), out, jobs=1, history=history)
    return out


def copy_out(out: Path, target: Path) -> Path:
    shutil.copytree(out, target)
    return target


def groups(out: Path) -> dict[str, dict[str, Any]]:
    """municipalities.jsonl by page name."""
    found = {}
    for line in (out / "municipalities.jsonl").read_text("utf-8").splitlines():
        group = json.loads(line)
        slug = page_slug(group["municipality_code"], group["municipality"], group["map_year"])
        found[slug] = group
    return found


def page_entry(out: Path, page: str, decisions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One page of a decisions file, as the report exports it (status = the verdict shown)."""
    group = groups(out)[page]
    filled = {}
    for check, decision in decisions.items():
        entry = {
            "decision": "accept",
            "status": group["checks"][check]["status"] if check in group["checks"] else "met",
            "reviewed_status": None,
            "note": "",
            "reviewer": "",
            "decided_at": "2026-12-07T09:00:00.000Z",
        }
        entry.update(decision)
        filled[check] = entry
    return {
        "page": page,
        "municipality": group["municipality"],
        "municipality_code": group["municipality_code"],
        "map_year": group["map_year"],
        "documents": group["documents"],
        "decisions": filled,
    }


def decisions_file(
    path: Path, pages: list[dict[str, Any]], reviewer: str = "Mette Sørensen"
) -> Path:
    data = {
        "format": "minutes-checker-vurderinger",
        "schema_version": 1,
        "exported": "2026-12-07T10:00:00.000Z",
        "reviewer": reviewer,
        "pages": pages,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` (hidden ones too) with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
