"""The worker of a batch: a pure function of one file. It reads and assesses the file (loading
the rules and the language pipeline once per process), annotates a copy when asked, and returns
JSON-ready data; no shared state, no writes but the annotated copy."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InputError
from ..messages import batch_ui

ANNOTATED = "annotated"

Worker = Callable[[str, str, str, "str | None"], dict[str, Any]]


def assess_job(path: str, rel: str, lang: str, annotate_dir: str | None) -> dict[str, Any]:
    """Assess one file (in a worker process): the assessment, the excerpts, the annotated copy.

    Never raises for a bad file; the file is named by `rel` (relative to the batch folder) in
    everything it returns, so outputs do not depend on where the folder lies.
    """
    from ..pipeline import assess_file

    started = time.perf_counter()
    result = assess_file(path, lang)  # type: ignore[arg-type]
    document = result.document
    assessment = result.assessment.model_copy(update={"file": rel})
    excerpts = [e.model_copy(update={"file": rel}) for e in result.excerpts]
    annotated: str | None = None
    if annotate_dir and document is not None and assessment.status == "ok":
        from ..outputs.annotate import annotate_copy

        target = Path(annotate_dir) / rel
        try:
            annotate_copy(Path(path), target, assessment, document, lang)  # type: ignore[arg-type]
            if target.exists():
                annotated = (PurePosixPath(ANNOTATED) / rel).as_posix()
        except Exception as exc:  # an annotation failure must not lose the assessment
            reason = (
                exc.message(lang) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            )
            warning = batch_ui("annotate_failed", lang, error=reason)  # type: ignore[arg-type]
            assessment = assessment.model_copy(update={"warnings": [*assessment.warnings, warning]})
    return {
        "assessment": assessment.model_dump(mode="json"),
        "excerpts": [e.model_dump(mode="json") for e in excerpts],
        "annotated": annotated,
        "elapsed": time.perf_counter() - started,
    }


def error_job(rel: str, error: InputError, lang: str, elapsed: float) -> dict[str, Any]:
    from ..judge import error_assessment

    assessment = error_assessment(rel, error, lang)  # type: ignore[arg-type]
    return {
        "assessment": assessment.model_dump(mode="json"),
        "excerpts": [],
        "annotated": None,
        "elapsed": elapsed,
    }


def warm_up() -> None:
    """Load what every assessment needs (rules, language pipeline) before the clock runs."""
    try:
        from ..judge.engine import default_engine

        default_engine()
    except Exception:  # the first file will report whatever is wrong
        pass
