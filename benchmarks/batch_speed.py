"""How fast does a screening of all 98 municipalities run, next to the floor no checker can beat?

    .venv/bin/python benchmarks/batch_speed.py           # 98 referater of about 150 pages
    .venv/bin/python benchmarks/batch_speed.py --quick   # 10 of them, for development

Generates (once; cached in benchmarks/generated/batch-150/, git-ignored) one full-meeting referat
per municipality with the generator of `read_speed.py`: cover, table of contents, 30-60 items
from the corpus's filler items (traps included) padded to about 150 pages, budget tables, running
header and footer, and one or two danmarkskort items taken from the labelled cases in
corpus/cases/ (with their tables, Indstilling and decisions), so every check really runs.

Then it times, in one run on the same files, each from process start:

1. the floor: every page's text through pypdfium2 alone, one process;
2. `minutes-checker batch --jobs 1` and `--jobs 2` (subprocesses; peak RSS of every worker
   process sampled from /proc/<pid>/status VmHWM);
3. `minutes-checker check` of one 150-page file, 3 times (best and median; the SQLite lemma
   cache is warm: one untimed run before);
4. memory of one worker assessing a 50- and a 300-page referat (fresh process each; peak RSS is
   VmHWM from /proc/<pid>/status).

The package is byte-compiled first (what `pip install` does; this sandbox sets
PYTHONDONTWRITEBYTECODE, which would otherwise recompile every module in every process).
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


def _pad(item: AgendaItem, rng: random.Random, paragraphs: int, table: str | None) -> None:
    """Lengthen the item's Sagsfremstilling (or add one after the first section)."""
    text = "\n\n".join(
        " ".join(rng.choice(PADDING) for _ in range(rng.randint(3, 6))) for _ in range(paragraphs)
    )
    if table:
        text += "\n\n" + table
    for section in item.sections:
        if section.heading.startswith("Sagsfremstilling"):
            section.text = section.text.rstrip() + "\n\n" + text
            return
    item.sections.insert(min(1, len(item.sections)), Section("Sagsfremstilling", text))


def build_referat(index: int, pages: int) -> tuple[MeetingInfo, list[AgendaItem]]:
    """The meeting and agenda of generated referat number `index` (0-97): municipality `index`
    of municipalities.csv, the meeting and danmarkskort item(s) of a labelled case, fillers."""
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
    per_item = max(1, round((pages * 7.2 - count * 3.2) / len(ordinary)))
    year = case.meeting.date.year
    for item in ordinary:
        table = _budget_table(rng, year) if rng.random() < 0.3 else None
        _pad(item, rng, max(1, per_item + rng.randint(-2, 2)), table)
    position = rng.randint(len(ordinary) // 4, 3 * len(ordinary) // 4)
    items = ordinary[:position] + maps + ordinary[position:] + closed
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


def _generate_one(index: int, pages: int, path: Path) -> int:
    meeting, items = build_referat(index, pages)
    return render_referat(path, meeting, items)


def corpus(count: int, pages: int) -> list[Path]:
    """The first `count` referater of the corpus of `pages` pages, generated where missing."""
    folder = GENERATED / f"batch-{pages}"
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
            futures = {pool.submit(_generate_one, i, pages, paths[i]): i for i in missing}
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


def single_file(pages: int) -> Path:
    """One referat (municipality 0) of `pages` pages, for the memory and check figures."""
    path = GENERATED / f"batch-single-{pages}.pdf"
    stamp = path.with_suffix(".version")
    if not path.exists() or not stamp.exists() or stamp.read_text() != GENERATOR_VERSION:
        _generate_one(0, pages, path)
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


def run_timed(command: list[str], sample: bool = False) -> dict[str, Any]:
    """Run `command`; its wall time from process start, its CPU time (user + system, its worker
    processes included) and, with `sample`, the peak RSS of it and of every worker."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
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
    return {"seconds": seconds, "cpu": cpu, "stdout": out, "stderr": err, **peaks}


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


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=98, help="referater in the batch")
    parser.add_argument("--quick", action="store_true", help="10 files (development)")
    parser.add_argument("--pages", type=int, default=150, help="pages per referat (about)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the single check")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--memory", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        print(json.dumps(floor(args.floor)))
        return 0
    if args.memory:
        print(json.dumps(memory(args.memory)))
        return 0
    if not (FONT_DIR / "DejaVuSans.ttf").exists():
        raise SystemExit(f"the generator needs the DejaVu fonts in {FONT_DIR}")
    count = 10 if args.quick else args.files
    files = corpus(count, args.pages)
    small, large = single_file(50), single_file(300)
    batch_dir = GENERATED / f"run-{count}x{args.pages}"
    shutil.rmtree(batch_dir, ignore_errors=True)
    batch_dir.mkdir(parents=True)
    for path in files:  # the batch folder: links to the cached files
        (batch_dir / path.name).symlink_to(path)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "minutes_checker")],
                   check=True)  # fmt: skip
    cli = str(BIN / "minutes-checker")

    print(f"{dt.date.today()} · {_cpu_model()}, {os.cpu_count()} CPUs · Python "
          f"{platform.python_version()} · {count} files", file=sys.stderr, flush=True)  # fmt: skip
    load_before = os.getloadavg()[0]
    floor_run = run_timed(_self("--floor", str(batch_dir)))
    total_pages = json.loads(floor_run["stdout"])["pages"]
    runs = {}
    for jobs in (1, 2):
        print(f"batch --jobs {jobs} …", file=sys.stderr, flush=True)
        out = GENERATED / f"out-{count}x{args.pages}-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        command = [cli, "batch", str(batch_dir), "--out", str(out), "--jobs", str(jobs)]
        runs[jobs] = run_timed(command, sample=True)
        runs[jobs]["records"] = [
            json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()
        ]
    one = files[0]
    one_pages = _page_count(one)
    check = [cli, "check", str(one), "--format", "line", "--no-fail"]
    run_timed(check)  # warms the SQLite lemma cache (built once per machine) and the page cache
    check_runs = [run_timed(check) for _ in range(args.repeat)]
    checks = [run["seconds"] for run in check_runs]
    check_cpu = min(run["cpu"] for run in check_runs)
    mem = {p: json.loads(run_timed(_self("--memory", str(f)))["stdout"]) for p, f in
           ((_page_count(small), small), (_page_count(large), large))}  # fmt: skip

    floor_s = floor_run["seconds"]
    print()
    print(f"Batch speed, {dt.date.today()}: {_cpu_model()}, {os.cpu_count()} CPUs, "
          f"{platform.system()} {platform.release()}, Python {platform.python_version()}")
    print(f"{count} referater, {total_pages} pages (about {total_pages // count} a file); every "
          "run from process start, on the same files")  # fmt: skip
    print(f"load average before {load_before:.2f}, after {os.getloadavg()[0]:.2f} (other work "
          "on the machine slows the runs; CPU s does not depend on it)")  # fmt: skip
    print()
    print(f"{'run':<42} {'wall s':>7} {'pages/s':>8} {'× floor':>8} {'CPU s':>7} "
          f"{'peak RSS/worker':>16}")  # fmt: skip
    print(f"{'raw pypdfium2 text, 1 process (the floor)':<42} {floor_s:>7.1f} "
          f"{total_pages / floor_s:>8.0f} {1.0:>8.2f} {floor_run['cpu']:>7.1f}")  # fmt: skip
    for jobs, run in runs.items():
        workers = run["workers_mb"] or [run["main_mb"]]
        label = f"minutes-checker batch --jobs {jobs}"
        print(f"{label:<42} {run['seconds']:>7.1f} {total_pages / run['seconds']:>8.0f} "
              f"{run['seconds'] / floor_s:>8.2f} {run['cpu']:>7.1f} "
              f"{max(workers):>13.0f} MB")  # fmt: skip
    best, median = min(checks), statistics.median(checks)
    label = f"minutes-checker check, one {one_pages}-page file"
    print(f"{label:<42} {best:>7.2f} {one_pages / best:>8.0f} {'':>8} {check_cpu:>7.2f}")
    print(f"  best of {len(checks)}; median {median:.2f} s; runs "
          + ", ".join(f"{s:.2f}" for s in checks)
          + " (spaCy start-up included; SQLite lemma cache warm)")
    print()
    for pages, m in mem.items():
        print(f"one worker, {pages:>3}-page referat: {m['before_mb']:.0f} MB after start-up, "
              f"peak {m['peak_mb']:.0f} MB (+{m['peak_mb'] - m['before_mb']:.0f} MB), "
              f"{m['seconds']:.2f} s, {m['status']}, {m['items']} item(s)")  # fmt: skip
    two = runs[2]
    statuses: dict[str, int] = {}
    for record in two["records"]:
        key = record["status"] if record["status"] != "ok" else f"ok ({len(record['items'])} item)"
        statuses[key] = statuses.get(key, 0) + 1
    print()
    print("batch --jobs 2 results: " + ", ".join(f"{v} {k}" for k, v in sorted(statuses.items())))
    print(f"batch --jobs 2 main process peak RSS {two['main_mb']:.0f} MB; workers "
          + ", ".join(f"{w:.0f}" for w in two["workers_mb"]) + " MB")
    print()
    target = 1.5
    ratio = two["seconds"] / floor_s
    flat = abs(mem[max(mem)]["peak_mb"] - mem[min(mem)]["peak_mb"])
    worst = max(max(r["workers_mb"] or [r["main_mb"]]) for r in runs.values())
    print("targets:")
    print(f"  batch --jobs 2 within {target}× the floor: {ratio:.2f}× "
          f"{'met' if ratio <= target else 'NOT met'}")
    print(f"  one check under 2 s: best {best:.2f} s, median {median:.2f} s "
          f"{'met' if median < 2 else 'NOT met'}")
    print(f"  peak RSS under 400 MB per worker: {worst:.0f} MB "
          f"{'met' if worst < 400 else 'NOT met'}; 50 vs 300 pages differ by {flat:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
