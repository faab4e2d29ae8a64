"""Rule data: where the rule files live and how they are loaded.

`rules/judge/` holds the phrasings the checks read (one file per check, plus the item finder,
shared decision wording and the context cues); `rules/structure/` holds the vocabulary of the
structure stage (section headings, item labels, body names, meeting-header labels). Both are
YAML validated by pydantic models that reject unknown keys, and every entry carries Danish
examples that must and must not match (run as tests by `tests/test_rule_examples.py`).

The rules are found in MINUTES_CHECKER_RULES, else bundled in the wheel, else in the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

# libyaml's loader when PyYAML was built with it: the same data, ten times faster (about 0.3 s
# less start-up for every check)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Strict(BaseModel):
    """A rule-data model: unknown keys are errors, loaded values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleFileError(ValueError):
    """A rule file that does not validate: names the file and what is wrong."""


def rules_root() -> Path:
    """The folder that holds `judge/` and `structure/`."""
    if os.environ.get("MINUTES_CHECKER_RULES"):
        return Path(os.environ["MINUTES_CHECKER_RULES"])
    package = Path(__file__).resolve().parent
    bundled = package / "rules"
    return bundled if bundled.is_dir() else package.parent / "rules"


def load_yaml(path: Path) -> Any:
    """A rule file's data; a YAML error names the file."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path.name}: {exc}") from exc
