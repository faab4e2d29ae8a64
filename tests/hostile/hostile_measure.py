"""Running the command line on a hostile file with its time and memory measured.

The command runs under a small launcher process (Python without site, about 10 MB), so that
the kernel's peak figures are not those of the test process it was forked from (a process's
peak resident set survives exec). Its peak memory is taken two ways:

- `peak_mb`: the largest peak resident set of any one process of the tree (the command and
  every child it forked and waited for), exact, from the kernel (the launcher's
  `getrusage(RUSAGE_CHILDREN).ru_maxrss`; at least the launcher's own size);
- `tree_mb`: the largest memory of all processes of the tree at once, sampled every 20 ms
  from /proc: the sum of their proportional set sizes (Pss: a page shared by a batch and the
  children it forked is counted once in all, not once per process); a peak shorter than 20 ms
  may be missed, which `peak_mb` does not.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "minutes_checker"]
SAMPLE_SECONDS = 0.02
# runs the command given after the file name, then writes the peak resident set (KB) of all
# its descendants to that file and exits with the command's exit code
LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[2:]).returncode\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code if code >= 0 else 128 - code)\n"
)


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    tree_mb: float
    killed: bool  # still running at the deadline and killed by the test

    def row(self, name: str, result: str) -> str:
        """A row of the closing note's table."""
        return (
            f"| {name} | {self.seconds:.1f} s | {self.peak_mb:.0f} MB | {self.tree_mb:.0f} MB "
            f"| {self.returncode} | {result} |"
        )


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _memory_kb(pid: int) -> int:
    """A process's proportional set size (its own pages, and its share of pages it shares with
    others: the tree's sum is its real use), or its resident set where Pss is not known."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def tree_mb(pid: int) -> float:
    """The memory of `pid` and all its descendants (MB): their proportional set sizes summed."""
    tree = _children()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _memory_kb(current)
        todo.extend(tree.get(current, []))
    return total / 1024


def run_measured(args: list[str], deadline: float, cwd: Path = ROOT) -> Measured:
    """Run `minutes-checker *args`; kill it (and its children) after `deadline` seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MINUTES_CHECKER_DEBUG", None)
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        peak_file = Path(scratch) / "peak"
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER, str(peak_file), *CLI, *args],
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_mb(process.pid))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        killed = False
        try:
            process.wait(timeout=deadline)
        except subprocess.TimeoutExpired:
            killed = True
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        written = peak_file.read_text() if peak_file.exists() else ""
        return Measured(
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=seconds,
            peak_mb=int(written) / 1024 if written else float("nan"),
            tree_mb=peak[0],
            killed=killed,
        )
