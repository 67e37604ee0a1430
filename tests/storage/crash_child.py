"""Child process for the storage kill tests (not a test module itself).

    python crash_child.py loop <path> <rows>   save generation 1, 2, 3, ... forever
    python crash_child.py hold <path>          load (taking the data lock), then obey
                                               stdin lines: "save <json>" or EOF=exit
    python crash_child.py journal <path>       commit counter values n+1, n+2, ... to the
                                               journal (printing each once it is durable),
                                               with a full save every few and a backup
                                               every ten simulated minutes

Both print "ready <pid>" once the store is loaded, so the parent kills a process that is
really saving rather than one still importing. The document shape and its validator are
shared with the tests, which use them to check that every file on disk is exactly one
complete generation.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

# Runs as a script from a subprocess: make the checkout importable without relying on
# the parent's environment.
_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from app.storage.docstore import DocumentStore  # noqa: E402

FORMAT = "curbwatch-crash-test"
BASE_TIME = datetime(2026, 1, 1, tzinfo=timezone.utc)


def make_state(gen: int, rows: int) -> dict[str, Any]:
    """Generation ``gen`` of the test document; every row carries the generation, so a
    mix of two generations cannot validate."""
    return {
        "gen": gen,
        "rows": [
            {"id": f"r{i}", "gen": gen, "text": f"{gen}:{i}:" + "x" * 90} for i in range(rows)
        ],
    }


def validate_state(data: dict[str, Any]) -> None:
    gen = data.get("gen")
    if type(gen) is not int or gen < 0:
        raise ValueError("gen must be a non-negative integer")
    rows = data.get("rows")
    if not isinstance(rows, list):
        raise ValueError("rows must be a list")
    if data != make_state(gen, len(rows)):
        raise ValueError(f"rows do not all belong to generation {gen}")


def open_store(path: Path, clock: Any = None) -> DocumentStore:
    return DocumentStore(
        path,
        format_name=FORMAT,
        schema_version=1,
        validate=validate_state,
        app_version="test",
        clock=clock,
    )


def _loop(path: Path, rows: int) -> None:
    # Simulated time advancing one hour per generation: backups get distinct names and
    # the thinning really deletes files while we may be killed.
    current = {"gen": 0}
    store = open_store(path, clock=lambda: BASE_TIME + timedelta(hours=current["gen"]))
    report = store.load()
    if report.read_only or report.state not in ("new", "ok"):
        print(f"bad-load {report.state} {report.messages}", flush=True)
        sys.exit(3)
    gen = report.data["gen"] if report.data else 0
    current["gen"] = gen
    print(f"ready {gen}", flush=True)
    while True:
        gen += 1
        current["gen"] = gen
        store.save(make_state(gen, rows))


def _hold(path: Path) -> None:
    store = open_store(path)
    report = store.load()
    print(f"ready {report.read_only}", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "save":
            try:
                store.save(json.loads(arg))
            except Exception as exc:  # noqa: BLE001 - reported to the parent
                print(f"error {type(exc).__name__} {exc}", flush=True)
            else:
                print("saved", flush=True)
    store.close()


JOURNAL_FORMAT = "curbwatch-journal-test"


def validate_counter(data: dict[str, Any]) -> None:
    if set(data) != {"counter"} or type(data["counter"]) is not int:
        raise ValueError("the document holds one whole number, counter")


def apply_counter(data: dict[str, Any], change: Any) -> None:
    if not isinstance(change, dict) or type(change.get("counter")) is not int:
        raise ValueError("not a counter change")
    data["counter"] = change["counter"]


def open_journal_store(path: Path, clock: Any = None) -> DocumentStore:
    return DocumentStore(path, format_name=JOURNAL_FORMAT, schema_version=1, validate=validate_counter,
                         app_version="test", clock=clock, backup_every_s=600, apply_change=apply_counter,
                         empty_data=lambda: {"counter": 0})


def _journal(path: Path) -> None:
    # One simulated minute per edit: backups (every ten minutes) and the journal cuts at
    # each of them happen while we may be killed.
    current = {"n": 0}
    store = open_journal_store(path, clock=lambda: BASE_TIME + timedelta(minutes=current["n"]))
    report = store.load()
    if report.read_only:
        print(f"bad-load {report.state} {report.messages}", flush=True)
        sys.exit(3)
    n = report.data["counter"] if report.data else 0
    current["n"] = n
    print(f"ready {n}", flush=True)
    while True:
        n += 1
        current["n"] = n
        store.journal_changes([{"counter": n}])
        print(n, flush=True)  # durable: a kill from here on must not lose it
        if n % 5 == 0:
            store.save({"counter": n})


def main(argv: list[str]) -> None:
    mode, path = argv[0], Path(argv[1])
    if mode == "loop":
        _loop(path, int(argv[2]))
    elif mode == "hold":
        _hold(path)
    elif mode == "journal":
        _journal(path)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
