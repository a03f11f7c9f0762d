"""``socialaid batch`` loses nothing: a sidecar killed mid-batch is restarted and its chunk asked again;
a run that still fails leaves no partial file and says which rows were done; a row with a number JSON
cannot hold is refused with the pointer of the field. Real OPA sidecars on in-process Ray.

The sidecars are found as this test process's descendants (in-process Ray's raylet and workers are
its children), never by name: other OPA servers on the machine are not touched.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from socialaid.errors import EngineUnavailableError
from socialaid.population.batch import BatchOptions, run_batch
from socialaid.population.io import InputFormat
from socialaid.server.bundle import ensure_fresh
from tests.helpers import household, person

pytestmark = pytest.mark.integration


def our_sidecars() -> dict[int, list[str]]:
    """The batch actors' OPA sidecars (pid → command line) below this process: their bundle lives in the
    actor's own directory (``socialaid-actor-*``); another test's sidecar is never touched."""
    parents: dict[int, int] = {}
    commands: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found = {}
    for pid, cmd in commands.items():
        ancestor = parents.get(pid)
        for _ in range(12):
            if ancestor is None or ancestor == os.getpid():
                break
            ancestor = parents.get(ancestor)
        if ancestor != os.getpid() or len(cmd) < 3 or not cmd[0].endswith("opa") or cmd[1:3] != ["run", "--server"]:
            continue
        if "--bundle" in cmd and "/socialaid-actor-" in cmd[cmd.index("--bundle") + 1]:  # an actor's, no other
            found[pid] = cmd
    return found


def population(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.jsonl"
    rows = []
    for i in range(n):
        request = household(person("m1", "1980-01-01", (i * 37) % 1500, legal_supporters=[]), person("m2"))
        request["household"]["id"] = f"h{i:05d}"
        rows.append(json.dumps(request))
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def strict_lines(path: Path) -> list[dict[str, Any]]:
    def no_constant(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return [json.loads(line, parse_constant=no_constant) for line in path.read_text("utf-8").splitlines()]


def test_a_sidecar_killed_mid_batch_is_restarted_and_every_row_comes_out_once_in_order(
    ray_local: None, tmp_path: Path
) -> None:
    source = population(tmp_path, 1200)
    killed: list[int] = []

    def kill_once(_: int) -> None:  # on the first rows written: kill every sidecar of the job
        if not killed:
            for pid in our_sidecars():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    out = tmp_path / "out.jsonl"
    summary = run_batch(
        source,
        out,
        bundle=ensure_fresh(),
        fmt=InputFormat.jsonl,
        options=BatchOptions(actors=1, chunk=40),
        progress=kill_once,
    )
    assert killed, "no sidecar was found to kill"
    assert summary.restarts >= 1
    rows = strict_lines(out)
    assert [r["household_id"] for r in rows] == [f"h{i:05d}" for i in range(1200)]
    assert summary.decided == 1200 and all(r["status"] == "decided" for r in rows)
    assert not list(tmp_path.glob(".*.partial"))


def test_a_sidecar_that_cannot_come_back_stops_the_batch_with_exit_5_and_no_output(
    ray_local: None, tmp_path: Path
) -> None:
    source = population(tmp_path, 1200)
    done: list[int] = []

    def kill_for_good(n: int) -> None:  # spoil the bundle each sidecar was started from, then kill it
        if not done:
            for pid, cmd in our_sidecars().items():
                Path(cmd[cmd.index("--bundle") + 1]).write_bytes(b"not a bundle")
                os.kill(pid, signal.SIGKILL)
        done.append(n)

    out = tmp_path / "out.jsonl"
    with pytest.raises(EngineUnavailableError) as caught:
        run_batch(
            source,
            out,
            bundle=ensure_fresh(),
            fmt=InputFormat.jsonl,
            options=BatchOptions(actors=1, chunk=40),
            progress=kill_for_good,
        )
    assert caught.value.exit_code == 5
    message = str(caught.value)
    assert f"rows 1–{sum(done)} (in input order) were decided" in message
    assert 0 < sum(done) < 1200
    assert "could not be restarted" in message and "http://" not in message and "127.0.0.1" not in message
    assert not out.exists() and not list(tmp_path.glob(".*.partial"))


def test_a_non_finite_number_is_an_invalid_row_with_its_pointer_and_every_line_is_json(
    ray_local: None, tmp_path: Path
) -> None:
    good = household(person("m1", "1980-01-01", 0, legal_supporters=[]))
    good["household"]["id"] = "ok"
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps(good),
                '{"as_of": NaN}',
                '{"household": {"id": "inf", "area": "urban", "members": [{"id": "m1", "monthly_income": 1e999}]}}',
                json.dumps(good),
            ]
        )
        + "\n",
        "utf-8",
    )
    out = tmp_path / "out.jsonl"
    summary = run_batch(source, out, bundle=ensure_fresh(), fmt=InputFormat.jsonl, options=BatchOptions(actors=1))
    rows = strict_lines(out)
    assert [r["status"] for r in rows] == ["decided", "refused", "refused", "decided"]
    assert (summary.decided, summary.refused) == (2, 2)
    assert rows[1]["as_of"] is None
    assert [e["pointer"] for e in rows[1]["errors"]] == ["/as_of"]
    assert rows[2]["household_id"] == "inf"
    assert [e["pointer"] for e in rows[2]["errors"]] == ["/household/members/0/monthly_income"]
    text = out.read_text("utf-8")
    assert "127.0.0.1" not in text and "http://" not in text
