"""How fast does a screening of all 98 municipalities run, next to the floor no checker can beat?

    .venv/bin/python benchmarks/batch_speed.py           # 98 + 20 dense + 10 real-size referater
    .venv/bin/python benchmarks/batch_speed.py --quick   # 10 + 4 + 4 of them, for development

Generates (once; cached in benchmarks/generated/, git-ignored) one full-meeting referat per
municipality with the generator of `read_speed.py`: cover, table of contents, 30-60 items from
the corpus's filler items (traps included) padded to about 150 pages, budget tables, running
header and footer, and one or two danmarkskort items taken from the labelled cases in
corpus/cases/ (with their tables, Indstilling and decisions), so every check really runs. The
dense variant (`dense-150/`) gives every ordinary item two or three wide tables of 8-12 rows:
pages of at least 3,000 characters and 45 lines (the figures per page are printed). The
real-size files (`batch-28/`) are the same kind of referat at about 28 pages.

Then it measures, in one run on the same files, each from process start and with the machine's
load average when it starts (the machine is shared):

1. `minutes-checker check` of one 150-page referat, of the same referat without its danmarkskort
   items, and `python -c "import spacy; spacy.blank('da')"`, interleaved, 5 times each (best
   and median; one untimed run of each first: page cache, SQLite lemma cache);
2. for the dense and the standard files: the floor (every page's text through pypdfium2 alone,
   one process), then `minutes-checker batch --jobs 2` and `--jobs 1`; the batch runs with a
   worker that wraps `assess_job` and writes, in every forked child, its RSS at the start
   (shared with the parent), its peak RSS (VmHWM) and its private dirty memory at the end;
3. a warm worker: in one process, after warm-up, the best of 3 of the floor and of `assess_job`
   on each real-size file;
4. memory of one worker assessing a 50- and a 300-page referat (fresh process each; peak RSS is
   VmHWM from /proc/<pid>/status).

It ends with the targets of issue 13, met or by how much not. The package is byte-compiled first
(what `pip install` does; this sandbox sets PYTHONDONTWRITEBYTECODE, which would otherwise
recompile every module in every process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache
from pathlib import Path
from typing import Any

from read_speed import FONT_DIR, AgendaItem, MeetingInfo, Section, render_referat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = HERE / "generated"
BIN = Path(sys.executable).parent
GENERATOR_VERSION = "batch-1"  # change when the generated documents change

# Ordinary municipal prose for padding: no word the item finder looks for.
PADDING = [
    "Forvaltningen har udarbejdet et notat, der beskriver de økonomiske og administrative "
    "konsekvenser af forslaget, og notatet er vedlagt som bilag til sagen.",
    "Sagen har været i høring hos de berørte parter, og de indkomne høringssvar er samlet i et "
    "høringsnotat med forvaltningens bemærkninger.",
    "Projektet gennemføres i tre etaper, hvor den første etape forventes påbegyndt i foråret og "
    "afsluttet inden udgangen af året.",
    "Der er afholdt borgermøde i lokalområdet, hvor cirka 80 borgere deltog og bidrog med forslag "
    "til den videre planlægning.",
    "Udgifterne afholdes inden for den eksisterende ramme på udvalgets område, og forslaget har "
    "derfor ingen konsekvenser for kassebeholdningen.",
    "Administrationen anbefaler, at arbejdet organiseres i en tværgående projektgruppe med "
    "deltagelse af de relevante fagområder.",
    "Forslaget er i overensstemmelse med kommuneplanen og understøtter målene i den gældende "
    "planstrategi for byudvikling og grønne områder.",
    "Der vil blive fulgt op på initiativet i forbindelse med den årlige status til udvalget, hvor "
    "også effekten af de gennemførte tiltag vurderes.",
    "Medarbejderne er inddraget gennem de lokale MED-udvalg, som har drøftet forslaget og ikke "
    "har haft bemærkninger til den foreslåede model.",
    "Tidsplanen forudsætter, at den endelige beslutning træffes inden sommerferien, så udbuddet "
    "kan gennemføres i løbet af efteråret.",
    "Anlægsudgiften er skønnet til 4,8 mio. kr., hvortil kommer driftsudgifter på 0,3 mio. kr. "
    "årligt fra det første hele driftsår.",
    "Kommunens erfaringer fra tilsvarende projekter viser, at en tidlig dialog med brugerne "
    "giver færre ændringer sent i forløbet.",
    "Sagen fremlægges samtidig for Handicaprådet og Ældrerådet, hvis udtalelser vil blive "
    "eftersendt til medlemmerne inden mødet.",
    "Det vurderes, at forslaget kan gennemføres uden ændringer i den nuværende organisering, og "
    "at opgaven løses inden for de eksisterende normeringer.",
]
BUDGET_ROWS = ("Anlæg", "Drift", "Tilskud og refusion", "Personale", "Udgifter i alt")
# the dense variant's tables: long row labels, four figures a row
DENSE_ROWS = (
    "Personlig og praktisk hjælp efter servicelovens § 83",
    "Tilskud til private institutioner og friskoler",
    "Botilbud til voksne med handicap, §§ 107-108",
    "Forebyggende foranstaltninger for børn og unge",
    "Merudgifter og tabt arbejdsfortjeneste, §§ 41-42",
    "Specialundervisning og pædagogisk-psykologisk rådgivning",
    "Vedligeholdelse af kommunale bygninger og arealer",
    "Kollektiv trafik, busbetjening og flextrafik",
    "Ældreboliger, drift og administration",
    "Aktivitets- og samværstilbud efter servicelovens § 104",
    "Beskæftigelsesindsats for forsikrede ledige",
    "Administration og fælles udgifter i alt",
)


# --------------------------------------------------------------------------- the corpus


@cache
def _render_module() -> Any:
    sys.path.insert(0, str(ROOT / "corpus"))
    import render  # corpus/render.py: case and filler loading, placeholders

    return render


@cache
def _fillers() -> dict[str, dict[str, Any]]:
    fillers: dict[str, dict[str, Any]] = _render_module().load_fillers()
    return fillers


@cache
def _municipalities() -> list[Any]:
    found = _render_module().load_municipalities().values()
    return sorted({m.code: m for m in found}.values(), key=lambda m: m.code)


@cache
def _map_sources() -> list[tuple[Any, list[dict[str, Any]]]]:
    """(case, raw item dicts) of every labelled case with a danmarkskort item."""
    import yaml

    render = _render_module()
    munis, fillers = render.load_municipalities(), _fillers()
    sources = []
    for path in sorted((ROOT / "corpus" / "cases").glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        wanted = {str(n) for n in data["labels"].get("items") or []}
        raw = [item for item in data["items"] if str(item["number"]) in wanted]
        if raw and not any("filler" in item for item in raw):
            sources.append((render.load_case(path, munis, fillers), raw))
    return sources


def _target_case(render: Any, source: Any, municipality: Any) -> Any:
    """A case for `municipality` that holds the meeting of `source` (body, dates, committee)."""
    src = source.meeting
    body = src.body.replace(src.municipality.short, municipality.short)
    meeting = render.Meeting(
        municipality=municipality, body=body, body_kind=src.body_kind, date=src.date,
        place=src.place, start_time=src.start_time, end_time=src.end_time, absent=src.absent,
        members=[], header_lines=[], council=src.council.replace(src.municipality.short,
        municipality.short), committee=src.committee, committee_date=src.committee_date,
    )  # fmt: skip
    return render.Case(id="benchmark", split="dev", format="pdf", style="pdf_a", meeting=meeting,
                       toc=True, items=[], labels={})  # fmt: skip


def _agenda_item(item: Any, rename: tuple[Any, Any] | None = None) -> AgendaItem:
    def fix(text: str) -> str:
        if rename is None:
            return text
        old, new = rename
        return text.replace(old.official, new.official).replace(old.short, new.short)

    return AgendaItem(
        title=fix(item.title),
        sections=[Section(fix(s.title), fix(s.text)) for s in item.sections],
        kind_label=item.kind_label,
        case_number=item.case_number,
        closed=item.closed,
    )


def _budget_table(rng: random.Random, year: int) -> str:
    rows = [f"| Mio. kr. | {year} | {year + 1} | {year + 2} |"]
    for label in BUDGET_ROWS:
        values = " | ".join(f"{rng.uniform(-2, 25):.1f}".replace(".", ",") for _ in range(3))
        rows.append(f"| {label} | {values} |")
    return "\n".join(rows)


def _dense_table(rng: random.Random, year: int) -> str:
    rows = [f"| Mio. kr. | Regnskab {year - 1} | Budget {year} | Forbrug {year} | Afvigelse |"]
    for label in rng.sample(DENSE_ROWS, rng.randint(8, 12)):
        values = " | ".join(f"{rng.uniform(-9, 250):.1f}".replace(".", ",") for _ in range(4))
        rows.append(f"| {label} | {values} |")
    return "\n".join(rows)


def _pad(
    item: AgendaItem, rng: random.Random, paragraphs: int, table: str | list[str] | None
) -> None:
    """Lengthen the item's Sagsfremstilling (or add one after the first section): one table
    after the paragraphs, a list of tables spread between them."""
    blocks = [
        " ".join(rng.choice(PADDING) for _ in range(rng.randint(3, 6))) for _ in range(paragraphs)
    ]
    if isinstance(table, str):
        blocks.append(table)
    for index, each in enumerate(table if isinstance(table, list) else []):
        step = max(1, paragraphs // (len(table or []) + 1))
        blocks.insert(min(len(blocks), (index + 1) * step + index), each)
    text = "\n\n".join(blocks)
    for section in item.sections:
        if section.heading.startswith("Sagsfremstilling"):
            section.text = section.text.rstrip() + "\n\n" + text
            return
    item.sections.insert(min(1, len(item.sections)), Section("Sagsfremstilling", text))


def build_referat(
    index: int, pages: int, dense: bool = False, maps_too: bool = True
) -> tuple[MeetingInfo, list[AgendaItem]]:
    """The meeting and agenda of generated referat number `index` (0-97): municipality `index`
    of municipalities.csv, the meeting and danmarkskort item(s) of a labelled case, fillers.
    `dense`: every ordinary item holds two or three wide tables (pages of at least 3,000
    characters and 45 lines, most with a table); `maps_too=False` leaves the map items out."""
    render = _render_module()
    rng = random.Random(1000 + index)
    municipalities = _municipalities()
    municipality = municipalities[index % len(municipalities)]
    sources = _map_sources()
    source, raw_items = sources[index % len(sources)]
    case = _target_case(render, source, municipality)
    fillers = _fillers()
    rename = (source.meeting.municipality, municipality)
    rename_short = (source.meeting.municipality.short, municipality.short)
    maps = [
        _agenda_item(render.build_item(raw, case, fillers, "bench"), rename) for raw in raw_items
    ]
    if index % 5 == 1 and len(maps) == 1:  # a second danmarkskort item: another case, same year
        same_year = [
            (c, r) for c, r in sources
            if c.labels.get("map_year") == source.labels.get("map_year") and c.id != source.id
        ]  # fmt: skip
        if same_year:
            other, other_raw = rng.choice(same_year)
            item = render.build_item(other_raw[0], case, fillers, "bench")
            maps.append(_agenda_item(item, (other.meeting.municipality, municipality)))
    count = rng.randint(30, 60)
    open_ids = sorted(f for f, v in fillers.items() if not v.get("closed"))
    closed_ids = sorted(f for f, v in fillers.items() if v.get("closed"))
    n_closed = rng.randint(1, 3)
    chosen = rng.sample(open_ids, min(len(open_ids), count - len(maps) - n_closed))
    ordinary = [
        _agenda_item(render.build_item({"number": 0, "filler": f}, case, fillers, "bench"))
        for f in chosen
    ]
    closed = [
        _agenda_item(render.build_item({"number": 0, "filler": f}, case, fillers, "bench"))
        for f in rng.sample(closed_ids, n_closed)
    ]
    year = case.meeting.date.year
    if dense:  # a table of 8-12 rows takes the room of about 1.6 paragraphs
        tables = [rng.randint(2, 3) for _ in ordinary]
        per_item = max(1, round((pages * 6.4 - count * 3.2 - 1.6 * sum(tables)) / len(ordinary)))
        for item, n in zip(ordinary, tables, strict=True):
            dense_tables = [_dense_table(rng, year) for _ in range(n)]
            _pad(item, rng, max(1, per_item + rng.randint(-2, 2)), dense_tables)
    else:
        per_item = max(1, round((pages * 7.2 - count * 3.2) / len(ordinary)))
        for item in ordinary:
            table = _budget_table(rng, year) if rng.random() < 0.3 else None
            _pad(item, rng, max(1, per_item + rng.randint(-2, 2)), table)
    position = rng.randint(len(ordinary) // 4, 3 * len(ordinary) // 4)
    items = ordinary[:position] + (maps if maps_too else []) + ordinary[position:] + closed
    meeting = MeetingInfo(
        municipality=municipality.official,
        body=case.meeting.body,
        date=case.meeting.date,
        place=(case.meeting.place or "Byrådssalen").replace(*rename_short),
        absent=tuple(case.meeting.absent),
    )
    return meeting, items


def _slug(name: str) -> str:
    name = name.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        name = name.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def _generate_one(
    index: int, pages: int, path: Path, dense: bool = False, maps_too: bool = True
) -> int:
    meeting, items = build_referat(index, pages, dense, maps_too)
    return render_referat(path, meeting, items)


def corpus(count: int, pages: int, dense: bool = False) -> list[Path]:
    """The first `count` referater of the corpus of `pages` pages (`dense`: the dense-page
    variant), generated where missing."""
    folder = GENERATED / (f"dense-{pages}" if dense else f"batch-{pages}")
    manifest_path = folder / "manifest.json"
    manifest: dict[str, Any] = {}
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("version") != GENERATOR_VERSION:
        shutil.rmtree(folder, ignore_errors=True)
        manifest = {"version": GENERATOR_VERSION, "files": {}}
    folder.mkdir(parents=True, exist_ok=True)
    wanted: dict[int, Path] = {}
    for index in range(count):
        name = manifest["files"].get(str(index))
        if name and (folder / name).exists():
            wanted[index] = folder / name
    missing = [i for i in range(count) if i not in wanted]
    if missing:
        started = time.perf_counter()
        print(f"generating {len(missing)} referater of about {pages} pages into {folder} "
              "(once; about 10 s each) …", file=sys.stderr, flush=True)  # fmt: skip
        paths = {}
        for index in missing:
            meeting, _ = build_referat(index, 1)
            paths[index] = folder / f"{_slug(meeting.municipality)}-{meeting.date:%Y-%m-%d}.pdf"
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            futures = {
                pool.submit(_generate_one, i, pages, paths[i], dense): i for i in missing
            }
            for future in as_completed(futures):
                index = futures[future]
                future.result()
                wanted[index] = paths[index]
                manifest["files"][str(index)] = paths[index].name
                manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    listed = set(manifest["files"].values())
    for stale in folder.glob("*.pdf"):  # left by an interrupted generation
        if stale.name not in listed:
            stale.unlink()
    return [wanted[i] for i in range(count)]


def single_file(pages: int, maps_too: bool = True) -> Path:
    """One referat (municipality 0) of `pages` pages, for the memory and check figures;
    `maps_too=False`: the same without its danmarkskort items."""
    path = GENERATED / f"batch-single-{pages}{'' if maps_too else '-no-map'}.pdf"
    stamp = path.with_suffix(".version")
    if not path.exists() or not stamp.exists() or stamp.read_text() != GENERATOR_VERSION:
        _generate_one(0, pages, path, maps_too=maps_too)
        stamp.write_text(GENERATOR_VERSION)
    return path


# --------------------------------------------------------------------------- measuring


def floor(folder: Path) -> dict[str, Any]:
    """Every page's text of every PDF in `folder` through pypdfium2 alone (run in a fresh
    process: the import is part of the time, as for the batch)."""
    import pypdfium2 as pdfium

    pages = chars = 0
    for path in sorted(folder.glob("*.pdf")):
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return {"pages": pages, "chars": chars}


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(p) for p in found]


class PeakSampler:
    """Samples VmHWM (peak RSS) of a process and all its descendants every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.commands: dict[int, str] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            todo = [self.pid]
            while todo:
                pid = todo.pop()
                peak = _status_kb(pid, "VmHWM")
                if peak:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), peak)
                    if pid not in self.commands:
                        try:
                            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
                            self.commands[pid] = raw.replace(b"\0", b" ").decode(errors="replace")
                        except OSError:
                            self.commands[pid] = ""
                todo.extend(_children(pid))
            self.stop.wait(0.05)

    def finish(self) -> dict[str, Any]:
        self.stop.set()
        self.thread.join()
        workers = [
            kb for pid, kb in self.peaks.items()
            if pid != self.pid and "resource_tracker" not in self.commands.get(pid, "")
        ]  # fmt: skip
        return {
            "main_mb": self.peaks.get(self.pid, 0) / 1024,
            "workers_mb": sorted(kb / 1024 for kb in workers),
        }


def run_timed(
    command: list[str], sample: bool = False, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run `command`; its wall time from process start, its CPU time (user + system, its worker
    processes included), the load average (1 min) when it started and, with `sample`, the peak
    RSS of it (and of the workers it keeps alive long enough to be sampled)."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    sampler = PeakSampler(process.pid) if sample else None
    out_file, err_file = process.stdout, process.stderr
    assert out_file is not None and err_file is not None
    chunks: dict[str, str] = {}
    reader = threading.Thread(target=lambda: chunks.update(err=err_file.read()), daemon=True)
    reader.start()
    out = out_file.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    err = chunks.get("err", "")
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    peaks = sampler.finish() if sampler else {}
    cpu = usage.ru_utime + usage.ru_stime
    return {"seconds": seconds, "cpu": cpu, "load": load, "stdout": out, "stderr": err, **peaks}


# --------------------------------------------------------------------------- the batch, per child

HWM_ENV = "BATCH_SPEED_CHILDREN"  # where each forked child appends its memory figures


def _smaps_kb(field: str) -> int:
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def measured_worker(path: str, rel: str, lang: str, annotate_dir: str | None) -> dict[str, Any]:
    """The batch worker, and in the child that runs it: RSS when it starts (what it shares with
    the parent it was forked from), its peak RSS (VmHWM) and its private dirty memory at the
    end (what it added of its own), one line a file in $BATCH_SPEED_CHILDREN."""
    from minutes_checker.batch.worker import assess_job

    pid = os.getpid()
    start_kb = _status_kb(pid, "VmRSS")
    result = assess_job(path, rel, lang, annotate_dir)
    line = f"{pid} {start_kb} {_status_kb(pid, 'VmHWM')} {_smaps_kb('Private_Dirty')}\n"
    with open(os.environ[HWM_ENV], "a", encoding="ascii") as handle:
        handle.write(line)
    return result


def cli_batch(folder: str, out: str, jobs: str) -> None:
    """`minutes-checker batch FOLDER --out OUT --jobs JOBS`, its worker `measured_worker`."""
    from minutes_checker import batch
    from minutes_checker.cli import main as cli

    defaults = batch.run_batch.__kwdefaults__
    assert defaults is not None
    defaults["worker"] = measured_worker
    cli(["batch", folder, "--out", out, "--jobs", jobs])


def batch_run(folder: Path, out: Path, jobs: int) -> dict[str, Any]:
    """`minutes-checker batch` from process start, with each forked child's memory."""
    shutil.rmtree(out, ignore_errors=True)
    children_file = out.with_suffix(".children")
    children_file.unlink(missing_ok=True)
    run = run_timed(_self("--batch", str(folder), str(out), str(jobs)), sample=True,
                    env={HWM_ENV: str(children_file)})  # fmt: skip
    run["records"] = [
        json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()
    ]
    children = [[int(v) for v in line.split()] for line in children_file.read_text().splitlines()]
    run["child_start_mb"] = [c[1] / 1024 for c in children]
    run["child_peak_mb"] = [c[2] / 1024 for c in children]
    run["child_private_mb"] = [c[3] / 1024 for c in children]
    return run


# --------------------------------------------------------------------------- in one process


def memory(path: Path) -> dict[str, Any]:
    """In a fresh process: RSS after loading what every assessment needs, then the peak RSS of
    assessing `path` and its growth over the start-up RSS."""
    from minutes_checker.batch.worker import warm_up
    from minutes_checker.pipeline import assess_file

    def rss_mb() -> float:  # VmHWM; ru_maxrss may keep a forking parent's peak across exec
        return _status_kb(os.getpid(), "VmHWM") / 1024

    warm_up()
    before = rss_mb()
    started = time.perf_counter()
    assessment = assess_file(path).assessment
    seconds = time.perf_counter() - started
    return {
        "before_mb": before,
        "peak_mb": rss_mb(),
        "seconds": seconds,
        "status": assessment.status,
        "items": len(assessment.items),
    }


def _floor_file(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    chars = 0
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def warm(folder: Path, repeat: int = 3) -> dict[str, Any]:
    """In one process, warmed up (spaCy, the pipeline, the rules; every file read once): per
    file the best of `repeat` of the floor (pypdfium2's text of every page), of reading
    (`read_file`), of reading and structuring (`inspect_file`) and of the batch worker
    (`assess_job`: read, structure, judge, excerpts), each summed over the files (CPU time)."""
    import gc

    from minutes_checker.batch.worker import assess_job, warm_up
    from minutes_checker.pipeline import inspect_file
    from minutes_checker.read import read_file
    from minutes_checker.structure import looks_like_section_heading

    warm_up()
    files = sorted(folder.glob("*.pdf"))
    for path in files:
        _floor_file(path)
        assess_job(str(path), path.name, "da", None)
    gc.collect()
    steps: dict[str, Any] = {
        "floor": lambda path: _floor_file(path),
        "read": lambda path: read_file(path, heading=looks_like_section_heading),
        "structure": lambda path: inspect_file(path),
        "worker": lambda path: assess_job(str(path), path.name, "da", None),
    }
    totals = dict.fromkeys(steps, 0.0)
    pages = 0
    for path in files:
        for name, step in steps.items():
            best = float("inf")
            for _ in range(repeat):
                started = time.process_time()
                step(path)
                best = min(best, time.process_time() - started)
            totals[name] += best
        pages += _page_count(path)
    return {"files": len(files), "pages": pages, **totals}


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_stats(files: list[Path]) -> dict[str, float]:
    """Characters and lines per page (PDFium's text): median and 10th percentile, and the share
    of pages with at least 3,000 characters and 45 lines (the last page of a file left out)."""
    import pypdfium2 as pdfium

    chars, lines = [], []
    for path in files:
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf) - 1):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            chars.append(len(text))
            lines.append(text.count("\n") + 1)
        pdf.close()
    full = sum(1 for c, n in zip(chars, lines, strict=True) if c >= 3000 and n >= 45)

    def p10(values: list[int]) -> float:
        return sorted(values)[len(values) // 10]

    return {
        "chars": statistics.median(chars), "chars_p10": p10(chars),
        "lines": statistics.median(lines), "lines_p10": p10(lines),
        "dense_share": full / len(chars),
    }  # fmt: skip


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _self(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *args]


def _folder_of_links(name: str, files: list[Path]) -> Path:
    folder = GENERATED / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in files:  # the batch folder: links to the cached files
        (folder / path.name).symlink_to(path)
    return folder


def _timed_pair(commands: dict[str, list[str]], repeat: int) -> dict[str, list[dict[str, Any]]]:
    """Each command `repeat` times, interleaved (so a change in the machine's load falls on
    all of them alike); one untimed run of each first (page cache, SQLite lemma cache)."""
    for command in commands.values():
        run_timed(command)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run_timed(command))
    return runs


def _row(
    label: str, run: dict[str, Any], pages: int, floor: dict[str, Any], jobs: int = 1
) -> str:
    """A table row; `× CPU-bound`: the run's CPU time spread over `jobs` free cores, next to the
    floor's CPU time (what the wall-clock ratio would be on a machine nobody else uses)."""
    ratio = run["seconds"] / floor["seconds"]
    bound = run["cpu"] / min(jobs, os.cpu_count() or 1) / floor["cpu"]
    workers = run.get("child_peak_mb") or []
    peak = f"{max(workers):>9.0f} MB" if workers else f"{'':>12}"
    return (f"{label:<46} {run['seconds']:>7.2f} {pages / run['seconds']:>8.0f} {ratio:>8.2f} "
            f"{bound:>11.2f} {run['cpu']:>7.1f} {peak} {run['load']:>5.2f}")  # fmt: skip


def _target(text: str, value: float, limit: float, unit: str = "×") -> str:
    if value <= limit:
        return f"  {text}: {value:.2f}{unit} (target {limit:g}{unit}) met"
    over = (value / limit - 1) * 100
    return f"  {text}: {value:.2f}{unit} (target {limit:g}{unit}) NOT met, {over:.0f} % over"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=98, help="referater in the batch")
    parser.add_argument("--dense-files", type=int, default=20, help="dense referater")
    parser.add_argument("--real-files", type=int, default=10, help="real-size referater")
    parser.add_argument("--quick", action="store_true", help="10 + 4 + 4 files (development)")
    parser.add_argument("--pages", type=int, default=150, help="pages per referat (about)")
    parser.add_argument("--real-pages", type=int, default=28, help="pages of a real-size one")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the pre-check and spaCy")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warm", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--batch", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        print(json.dumps(floor(args.floor)))
        return 0
    if args.memory:
        print(json.dumps(memory(args.memory)))
        return 0
    if args.warm:
        print(json.dumps(warm(args.warm)))
        return 0
    if args.batch:
        cli_batch(*args.batch)
        return 0
    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        raise SystemExit(f"the generator needs the DejaVu fonts in {FONT_DIR}")
    count = 10 if args.quick else args.files
    dense_count = 4 if args.quick else args.dense_files
    real_count = 4 if args.quick else args.real_files
    repeat = 3 if args.quick else args.repeat
    files = corpus(count, args.pages)
    dense_files = corpus(dense_count, args.pages, dense=True)
    real_files = corpus(real_count, args.real_pages)
    small, large = single_file(50), single_file(300)
    no_map = single_file(args.pages, maps_too=False)
    batch_dir = _folder_of_links(f"run-{count}x{args.pages}", files)
    dense_dir = _folder_of_links(f"run-dense-{dense_count}x{args.pages}", dense_files)
    real_dir = _folder_of_links(f"run-real-{real_count}x{args.real_pages}", real_files)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "minutes_checker")],
                   check=True)  # fmt: skip
    cli = str(BIN / "minutes-checker")

    def note(text: str) -> None:
        print(f"{text} (load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)

    print(f"{dt.date.today()} · {_cpu_model()}, {os.cpu_count()} CPUs · Python "
          f"{platform.python_version()} · {count} + {dense_count} dense + {real_count} real-size "
          "files", file=sys.stderr, flush=True)  # fmt: skip
    load_before = os.getloadavg()

    # 1. the pre-check of one 150-page file next to spaCy's own start-up, interleaved
    note("pre-check and spaCy start-up …")
    one = files[0]
    one_pages, no_map_pages = _page_count(one), _page_count(no_map)
    pair = _timed_pair({
        "spacy": [sys.executable, "-c", "import spacy; spacy.blank('da')"],
        "check": [cli, "check", str(one), "--format", "line", "--no-fail"],
        "no_map": [cli, "check", str(no_map), "--format", "line", "--no-fail"],
    }, repeat)  # fmt: skip

    # 2. the batches and their floors
    runs: dict[str, dict[str, Any]] = {}
    floors: dict[str, dict[str, Any]] = {}
    pages: dict[str, int] = {}
    for name, folder, jobs_list in (
        ("dense", dense_dir, (2, 1)), ("standard", batch_dir, (2, 1))
    ):  # fmt: skip
        note(f"{name}: floor …")
        floors[name] = run_timed(_self("--floor", str(folder)))
        pages[name] = json.loads(floors[name]["stdout"])["pages"]
        for jobs in jobs_list:
            note(f"{name}: batch --jobs {jobs} …")
            out = GENERATED / f"out-{folder.name}-j{jobs}"
            runs[f"{name} {jobs}"] = batch_run(folder, out, jobs)

    # 3. a warm worker on real-size files; memory from 50 to 300 pages
    note("warm worker …")
    warm_runs = {
        "real-size": json.loads(run_timed(_self("--warm", str(real_dir)))["stdout"]),
        "standard": json.loads(run_timed(_self("--warm", str(_folder_of_links(
            "warm-standard", files[:3]))))["stdout"]),
        "dense": json.loads(run_timed(_self("--warm", str(_folder_of_links(
            "warm-dense", dense_files[:3]))))["stdout"]),
    }  # fmt: skip
    warm_run = warm_runs["real-size"]
    note("memory …")
    mem = {p: json.loads(run_timed(_self("--memory", str(f)))["stdout"]) for p, f in
           ((_page_count(small), small), (_page_count(large), large))}  # fmt: skip
    load_after = os.getloadavg()
    stats = {"standard": page_stats(files), "dense": page_stats(dense_files)}

    print()
    print(f"Batch speed, {dt.date.today()}: {_cpu_model()}, {os.cpu_count()} CPUs, "
          f"{platform.system()} {platform.release()}, Python {platform.python_version()}")
    print(f"load average (1/5/15 min) before {load_before[0]:.2f}/{load_before[1]:.2f}/"
          f"{load_before[2]:.2f}, after {load_after[0]:.2f}/{load_after[1]:.2f}/"
          f"{load_after[2]:.2f}; each run's 1-min load when it started is in the last column "
          "(other work on the machine slows the runs; CPU s does not depend on it)")  # fmt: skip
    for name, stat in stats.items():
        n = count if name == "standard" else dense_count
        print(f"{name}: {n} referater, {pages[name]} pages; a page holds {stat['chars']:.0f} "
              f"characters and {stat['lines']:.0f} lines (median; 10th percentile "
              f"{stat['chars_p10']:.0f} and {stat['lines_p10']:.0f}); "
              f"{stat['dense_share']:.0%} of the pages have at least 3,000 and 45")  # fmt: skip
    print()
    print(f"{'run, from process start':<46} {'wall s':>7} {'pages/s':>8} {'× floor':>8} "
          f"{'× CPU-bound':>11} {'CPU s':>7} {'peak/child':>12} {'load':>5}")  # fmt: skip
    for name in ("dense", "standard"):
        n = count if name == "standard" else dense_count
        print(_row(f"{name}: pypdfium2 text, 1 process (the floor)", floors[name], pages[name],
                   floors[name]))  # fmt: skip
        for jobs in (2, 1):
            label = f"{name}: batch --jobs {jobs} ({n} files)"
            print(_row(label, runs[f"{name} {jobs}"], pages[name], floors[name], jobs))
    print("× CPU-bound: the run's CPU seconds over its worker count (at most the CPUs), over the "
          "floor's CPU seconds: the ratio on two cores nobody else uses")  # fmt: skip
    print()
    spacy = [r["seconds"] for r in pair["spacy"]]
    checks = [r["seconds"] for r in pair["check"]]
    no_maps = [r["seconds"] for r in pair["no_map"]]
    loads = [r["load"] for rs in pair.values() for r in rs]
    print(f"pre-check and spaCy, {repeat} runs each, interleaved (load {min(loads):.2f}-"
          f"{max(loads):.2f}):")  # fmt: skip
    for label, values, cpu in (
        ("python -c \"import spacy; spacy.blank('da')\"", spacy, pair["spacy"]),
        (f"minutes-checker check, {one_pages}-page referat", checks, pair["check"]),
        (f"minutes-checker check, {no_map_pages} pages, no map item", no_maps, pair["no_map"]),
    ):
        print(f"  {label:<52} best {min(values):.2f} s, median {statistics.median(values):.2f} s"
              f", CPU {min(r['cpu'] for r in cpu):.2f} s; runs "
              + ", ".join(f"{v:.2f}" for v in values))  # fmt: skip
    print()
    print("a warm worker, CPU s (best of 3 per file, summed), and × the floor: where the time "
          "goes")  # fmt: skip
    for name, w in warm_runs.items():
        floor_cpu = w["floor"]
        print(f"  {name:<10} {w['files']:>2} files, {w['pages']:>4} pages: floor {floor_cpu:.2f}, "
              f"read {w['read']:.2f} ({w['read'] / floor_cpu:.2f}×), + structure "
              f"{w['structure']:.2f} ({w['structure'] / floor_cpu:.2f}×), whole worker "
              f"{w['worker']:.2f} ({w['worker'] / floor_cpu:.2f}×)")  # fmt: skip
    for p, m in mem.items():
        print(f"one worker, {p:>3}-page referat: {m['before_mb']:.0f} MB after start-up, "
              f"peak {m['peak_mb']:.0f} MB (+{m['peak_mb'] - m['before_mb']:.0f} MB), "
              f"{m['seconds']:.2f} s, {m['status']}, {m['items']} item(s)")  # fmt: skip
    for key, run in runs.items():
        name, jobs = key.split()
        print(f"{name} batch --jobs {jobs}: forked children start at "
              f"{statistics.median(run['child_start_mb']):.0f} MB (shared with the parent), peak "
              f"{min(run['child_peak_mb']):.0f}-{max(run['child_peak_mb']):.0f} MB, own memory "
              f"{min(run['child_private_mb']):.0f}-{max(run['child_private_mb']):.0f} MB; the "
              f"parent's peak {run['main_mb']:.0f} MB")  # fmt: skip
    statuses: dict[str, int] = {}
    for record in runs["standard 2"]["records"]:
        key = record["status"] if record["status"] != "ok" else f"ok ({len(record['items'])} item)"
        statuses[key] = statuses.get(key, 0) + 1
    print("standard batch results: " + ", ".join(f"{v} {k}" for k, v in sorted(statuses.items())))

    print()
    print("targets:")
    spacy_best, spacy_median = min(spacy), statistics.median(spacy)
    print(_target("pre-check of a 150-page file / spaCy import and blank, best", min(checks) /
                  spacy_best, 1.15))  # fmt: skip
    print(_target("  the same, median", statistics.median(checks) / spacy_median, 1.15))
    for name, n, limit in (("dense", dense_count, 1.3), ("standard", count, 1.0)):
        run, base = runs[f"{name} 2"], floors[name]
        print(_target(f"{n} {name} files, --jobs 2, × floor", run["seconds"] / base["seconds"],
                      limit))  # fmt: skip
        print(_target("  the same, CPU-bound", run["cpu"] / 2 / base["cpu"], limit))
    print(_target("warm worker on real-size files, × floor",
                  warm_run["worker"] / warm_run["floor"], 1.1))  # fmt: skip
    worst = max(max(r["child_peak_mb"]) for r in runs.values())
    print(_target("peak memory a worker (forked child, VmHWM)", worst, 250, " MB"))
    flat = mem[max(mem)]["peak_mb"] - mem[min(mem)]["peak_mb"]
    print(f"  memory from {min(mem)} to {max(mem)} pages: {flat:+.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
