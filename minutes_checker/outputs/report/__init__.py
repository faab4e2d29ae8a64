"""The auditors' report: a static site that works from disk (file://), without a server, and
without anything from the internet.

- `index.html`: every municipality and map year with each check's status (symbol, colour and
  Danish text, so it also prints in black and white) and the expected outcome; a small inline
  script sorts the table when a column heading is clicked and filters it as one types.
- one page per municipality and map year: per check the verdict, the explanation and every
  quote, and the text of the assessed items with sections as headings, page numbers in the
  margin and each check's evidence highlighted in its own colour (solid underline: supports,
  dashed: contradicts); the verdict links to its highlight and back. Radio buttons record an
  auditor's agreement in localStorage (with the corrected status on disagreement, the name
  entered once in any page, and the time), and a button exports those decisions as JSON
  (`static/reviewer.js`: `models.DecisionsFile`, read back by `minutes-checker review apply`).
- once decisions are applied, every page shows the reviewed status beside the predicted one and
  the outcome after review; with a history, the previous map year's outcome.

The pages are Jinja2 templates in `templates/`, the style and scripts are `static/report.css`,
`static/index.js` and `static/municipality.js`, inlined into every page: the look changes
there, not here. Python prepares plain data (`pages.py`, `excerpt.py`); text from minutes
reaches a page only through autoescaped template variables. Labels come from `messages.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ...judge.checks import CHECK_IDS
from ...judge.combine import Group
from ...messages import Lang, check_label, report_ui, status_label, ui
from ...models import ItemExcerpt
from ..formats import SYMBOLS
from .excerpt import Mark, excerpt_blocks, locate
from .pages import index_context, municipality_context

__all__ = [
    "Mark",
    "locate",
    "render_excerpt",
    "render_index",
    "render_municipality",
    "write_report",
]


@functools.cache
def _static(name: str) -> Markup:
    """A file of `static/`, to inline in a page as it is (our own CSS or script)."""
    return Markup(files(__name__).joinpath("static", name).read_text(encoding="utf-8"))


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader(__name__, "templates"),
        autoescape=select_autoescape(("html", "html.j2"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(static=_static, symbols=SYMBOLS)
    return env


def _render(template: str, lang: Lang, **context: Any) -> str:
    """Render a template with the labels of `lang`: t(key, **params) for the report's words,
    ui(key) for the shared ones, status_label(status)."""
    return (
        environment()
        .get_template(template)
        .render(
            lang=lang,
            t=lambda key, **params: report_ui(key, lang, **params),
            ui=lambda key: ui(key, lang),
            status_label=lambda status: status_label(status, lang),
            check_label=lambda check: check_label(check, lang),
            check_ids=CHECK_IDS,
            **context,
        )
    )


def render_index(groups: Sequence[Group], lang: Lang = "da", when: str | None = None) -> str:
    when = when or dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    return _render("index.html.j2", lang, when=when, **index_context(groups, lang))


def render_municipality(
    group: Group,
    records: dict[str, dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang = "da",
) -> str:
    context = municipality_context(group, records, excerpts, lang)
    return _render("municipality.html.j2", lang, **context)


def render_excerpt(excerpt: ItemExcerpt, marks: Sequence[Mark], lang: Lang = "da") -> str:
    """The excerpt's text as HTML: item title, section headings, paragraphs, page numbers in the
    margin, and the marks (with an anchor at the start of each)."""
    return _render("_excerpt.html.j2", lang, blocks=excerpt_blocks(excerpt, marks))


def render_report(
    groups: Sequence[Group],
    records: Sequence[dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang = "da",
) -> dict[str, str]:
    """The report's pages by file name: index.html and one page per municipality and map year."""
    by_path = {r["path"]: r for r in records}
    pages = {
        f"{group.slug}.html": render_municipality(group, by_path, excerpts, lang)
        for group in groups
    }
    pages["index.html"] = render_index(groups, lang)
    return pages


def write_report(
    folder: Path,
    groups: Sequence[Group],
    records: Sequence[dict[str, Any]],
    excerpts: dict[str, list[ItemExcerpt]],
    lang: Lang = "da",
) -> Path:
    """Write the report's pages into `folder`; return the index."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, page in render_report(groups, records, excerpts, lang).items():
        (folder / name).write_text(page, encoding="utf-8")
    return folder / "index.html"
