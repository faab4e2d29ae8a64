"""One file's work in a forked child process that cannot take the caller down with it.

A hostile or broken file can make a reader loop forever (a PDF page whose content stream
points to itself), inflate a stream to gigabytes, or make a library abort the process. So the
work on every file runs in a child forked from the caller (cheap: the child shares the caller's
loaded modules, the language pipeline and the compiled rules, copy-on-write) with

- an address-space cap (`RLIMIT_AS`): the caller's size plus a budget, so a decompression bomb
  ends in a MemoryError or a killed child, not in a machine that swaps;
- a CPU-time cap (`RLIMIT_CPU`) a little over the time limit, as a second line of defence;
- a wall-clock deadline, after which the caller kills the child (SIGKILL) and never calls into
  the library for that file again.

What the child returns (or raises as `InputError`) comes back pickled through a pipe; a child
that dies, is killed or exceeds its memory becomes an `InputError` with a Danish reason.
Linux (fork) only: `available()` says whether this can be used; callers fall back to working in
their own process elsewhere.
"""

from __future__ import annotations

import faulthandler
import gc
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from .errors import InputError, InternalError, ReaderStopped, TimedOut, TooLarge

DEFAULT_MEMORY_MB = 1024  # address space a file may add to the caller's: a 300-page PDF needs ~50
CPU_MARGIN = 5.0  # seconds of CPU time over the wall-clock limit before the kernel stops a child
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0
    memory_mb: int | None = DEFAULT_MEMORY_MB


def available() -> bool:
    """Whether work can be forked here: Linux, no other thread running, not under
    MINUTES_CHECKER_DEBUG (where a traceback must reach the terminal)."""
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
        and not os.environ.get("MINUTES_CHECKER_DEBUG")
    )


def _address_space() -> int:
    """This process's virtual size in bytes (what RLIMIT_AS counts)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _apply(limits: Limits) -> None:
    """Set the limits in this (new) child; never above limits it inherited (a child of a
    child, as the annotated copy is made)."""
    import resource

    def within(kind: int, value: int) -> int:
        hard = resource.getrlimit(kind)[1]
        return value if hard == resource.RLIM_INFINITY else min(value, hard)

    if limits.memory_mb is not None:
        cap = within(resource.RLIMIT_AS, _address_space() + limits.memory_mb * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cpu = int(resource.getrusage(resource.RUSAGE_SELF).ru_utime + limits.seconds + CPU_MARGIN)
    hard = within(resource.RLIMIT_CPU, cpu + 5)
    resource.setrlimit(resource.RLIMIT_CPU, (min(cpu, hard), hard))


@dataclass
class Child:
    """A running child: its pid, the pipe its result comes through, and its deadline."""

    pid: int
    fd: int
    started: float
    deadline: float
    limits: Limits
    hint_fd: int = -1
    data: bytearray = field(default_factory=bytearray)
    done: bool = False
    hinted: bool = False  # the child has called `hint()`

    def read(self) -> bool:
        """Take everything the pipe holds now; True once the child has closed it."""
        while True:
            try:
                chunk = os.read(self.fd, _CHUNK)
            except BlockingIOError:
                return False
            if not chunk:
                self.done = True
                return True
            self.data += chunk

    def check_hint(self) -> bool:
        """Whether the child has called `hint()` (read without blocking)."""
        if not self.hinted and self.hint_fd >= 0:
            with suppress(BlockingIOError):
                self.hinted = bool(os.read(self.hint_fd, 1))
        return self.hinted

    def kill(self) -> None:
        with suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        for fd in (self.fd, self.hint_fd):
            with suppress(OSError):
                os.close(fd)
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def outcome(self) -> Any:
        """The child's return value; its `InputError`, or one for how it died, is raised."""
        for fd in (self.fd, self.hint_fd):
            with suppress(OSError):
                os.close(fd)
        status = 0
        with suppress(ChildProcessError):
            _, status = os.waitpid(self.pid, 0)
        try:
            kind, value = pickle.loads(bytes(self.data))
        except Exception:
            raise _death(status, self.limits) from None
        if kind == "ok":
            return value
        if kind == "error":
            raise value
        raise InternalError(str(value))


def _death(status: int, limits: Limits) -> InputError:
    """The error for a child that ended without a result."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGXCPU:
            return TimedOut(f"over {limits.seconds:g} s CPU-tid")
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        budget = f"{limits.memory_mb} MB" if limits.memory_mb else "den tilladte hukommelse"
        return ReaderStopped(
            f"{name}; filen er beskadiget eller kræver mere hukommelse end {budget}"
        )
    return ReaderStopped(f"afslutningskode {os.WEXITSTATUS(status)}")


# in a child: where `hint` writes
_hint: dict[str, int] = {"fd": -1}
# in a child: when (time.monotonic()) the caller kills it
_deadline: list[float] = []


def time_left() -> float | None:
    """In a child: the seconds left before the caller kills it; None outside a child."""
    return _deadline[0] - time.monotonic() if _deadline else None


def hint() -> None:
    """Called in a child: tell the caller something early (once), before the result."""
    fd = _hint["fd"]
    if fd >= 0:
        with suppress(OSError):
            os.write(fd, b"!")
            os.close(fd)
        _hint["fd"] = -1


def start(function: Callable[..., Any], *args: Any, limits: Limits = Limits()) -> Child:
    """Run `function(*args)` in a forked child under `limits`."""
    read_fd, write_fd = os.pipe()
    hint_read, hint_write = os.pipe()
    gc.freeze()  # the child's collector leaves the inherited objects (and their pages) alone
    pid = os.fork()
    if pid == 0:  # the child: work, send, leave without running the caller's exit handlers
        status = 0
        try:
            os.close(read_fd)
            os.close(hint_read)
            _hint["fd"] = hint_write
            _deadline[:] = [time.monotonic() + limits.seconds]
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
            faulthandler.disable()  # a library's abort is reported by the caller, not dumped
            try:
                _apply(limits)
                outcome: tuple[str, Any] = ("ok", function(*args))
            except InputError as error:
                outcome = ("error", error)
            except MemoryError:
                outcome = ("error", TooLarge(f"filen kræver mere end {limits.memory_mb} MB"))
            except RecursionError:
                outcome = ("error", TooLarge("dokumentets opbygning er for dybt indlejret"))
            except BaseException as exc:
                outcome = ("crash", f"{type(exc).__name__}: {exc}")
            try:
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                data = pickle.dumps(("crash", f"resultatet kunne ikke sendes: {exc}"))
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    gc.unfreeze()
    os.close(write_fd)
    os.close(hint_write)
    os.set_blocking(read_fd, False)
    os.set_blocking(hint_read, False)
    now = time.monotonic()
    return Child(pid, read_fd, now, now + limits.seconds, limits, hint_read)


def wait(children: list[Child], timeout: float, hints: bool = False) -> list[Child]:
    """Read from the children until one finishes (or, with `hints`, sends a hint) or `timeout`
    passes; the finished ones."""
    open_children = [c for c in children if not c.done]
    if not open_children:
        return []
    fds = [c.fd for c in open_children]
    if hints:
        fds += [c.hint_fd for c in open_children if not c.hinted and c.hint_fd >= 0]
    ready, _, _ = select.select(fds, [], [], max(timeout, 0.0))
    if hints:
        for child in open_children:
            if child.hint_fd in ready:
                child.check_hint()
    return [child for child in open_children if child.fd in ready and child.read()]


def result(child: Child, on_hint: Callable[[], None] | None = None) -> Any:
    """Wait for a started child until its deadline: its value, or the `InputError` it raised or
    that says how it ended (timed out, out of memory, died). `on_hint` is called (once) when
    the child sends a hint."""
    try:
        while not child.done:
            left = child.deadline - time.monotonic()
            if left <= 0:
                child.kill()
                raise TimedOut(f"over {child.limits.seconds:g} s")
            hinted = child.hinted
            wait([child], min(left, 1.0), hints=on_hint is not None and not hinted)
            if on_hint is not None and child.hinted and not hinted:
                on_hint()
    except BaseException:
        child.kill()
        raise
    return child.outcome()


def run(function: Callable[..., Any], *args: Any, limits: Limits = Limits()) -> Any:
    """`function(*args)` in a child under `limits` (see `result`)."""
    return result(start(function, *args, limits=limits))
