"""``socialaid batch --address`` on a real two-node Ray cluster on 127.0.0.1, started as a district starts
one (docs/population.md): ``ray start --head --port … --num-cpus 1`` and a worker ``ray start --address …
--num-cpus 1``, both with token authentication (``RAY_AUTH_MODE=token`` and the head's token), and the
batch driven from a third process with the same token.

Every Ray process the test starts is a descendant of its two ``ray start --block`` processes, each in a
session of its own; teardown stops them and then kills whatever of their descendants is left, by process
id, never by name (``ray stop`` would stop every Ray on the machine).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from socialaid.server.sidecar import free_port

pytestmark = pytest.mark.integration

BIN = Path(sys.executable).parent


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class Cluster:
    def __init__(self, root: Path) -> None:
        token = root / "ray-token"
        token.write_text(secrets.token_hex(32))
        token.chmod(0o600)
        # not the in-process session's switch (ray_session sets it to 0 in this process: one node, loopback)
        inherited = {k: v for k, v in os.environ.items() if k != "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"}
        self.env = {
            **inherited,
            "RAY_AUTH_MODE": "token",
            "RAY_AUTH_TOKEN_PATH": str(token),
            "RAY_USAGE_STATS_ENABLED": "0",
        }
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.root = root
        self.nodes: list[subprocess.Popen[bytes]] = []
        self.seen: set[int] = set()  # every descendant seen while starting: a node that dies orphans its own

    def start_node(self, *args: str) -> subprocess.Popen[bytes]:
        common = ["--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--block", "--disable-usage-stats"]
        with (self.root / f"node-{len(self.nodes)}.log").open("wb") as log:
            node = subprocess.Popen(
                [str(BIN / "ray"), "start", *args, *common, "--temp-dir", str(self.root / "ray")],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.nodes.append(node)
        return node

    def join(self, *args: str, count: int, attempts: int = 3) -> None:
        """Start a node and wait until the cluster has ``count`` live nodes. Ray gives a starting node 30 s
        to register (hard-coded in ray._private.node), which a loaded machine can miss: a node that exits
        while starting is stopped, with everything it started, and started again, ``attempts`` times."""
        for attempt in range(attempts):
            node = self.start_node(*args)
            log = self.root / f"node-{len(self.nodes) - 1}.log"
            if self.wait_for_nodes(count, node):
                return
            self.kill(node)
            if attempt == attempts - 1:
                pytest.fail(f"ray start {' '.join(args)} exited {attempts} times:\n" + log.read_text()[-2000:])

    def wait_for_nodes(self, count: int, node: subprocess.Popen[bytes], timeout: float = 180) -> bool:
        """True when ``count`` nodes are alive; False when ``node`` exited first."""
        code = (
            "import ray; ray.init(address='auto', logging_level='ERROR'); "
            "print(sum(1 for n in ray.nodes() if n['Alive']))"
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.seen |= descendants(node.pid)
            if node.poll() is not None:
                return False
            probe = subprocess.run(
                [sys.executable, "-c", code],
                env={**self.env, "RAY_ADDRESS": self.address},
                capture_output=True,
                text=True,
                timeout=90,
                check=False,
            )
            if probe.returncode == 0 and probe.stdout.strip().splitlines()[-1:] == [str(count)]:
                return True
            time.sleep(2)
        pytest.fail(f"the Ray cluster did not reach {count} nodes in {timeout:.0f} s")

    def ours(self, pid: int) -> bool:
        """A process of this cluster: its command line names the cluster's own temporary directory."""
        try:
            return str(self.root) in (Path("/proc") / str(pid) / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return False

    def kill(self, node: subprocess.Popen[bytes]) -> None:
        left = descendants(node.pid) | {pid for pid in self.seen if self.ours(pid)}
        if node.poll() is None:
            node.send_signal(signal.SIGTERM)
            try:
                node.wait(timeout=20)
            except subprocess.TimeoutExpired:
                node.kill()
                node.wait(timeout=10)
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        for node in reversed(self.nodes):
            self.kill(node)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    # a short root: Ray's socket paths must stay under the 107 bytes a Unix socket name may hold
    root = Path(tempfile.mkdtemp(prefix="sa-ray-", dir="/tmp"))
    made = Cluster(root)
    try:
        made.join("--head", "--port", str(made.port), "--include-dashboard", "false", count=1)
        made.join("--address", made.address, count=2)
        yield made
    finally:
        made.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_batch_on_a_two_node_cluster_with_token_auth_decides_every_row(cluster: Cluster, tmp_path: Path) -> None:
    population = tmp_path / "p.jsonl"
    socialaid = str(BIN / "socialaid")
    subprocess.run([socialaid, "synth", "-n", "200", "--seed", "6", "-o", str(population)], check=True, timeout=60)
    out = tmp_path / "out.jsonl"
    run = subprocess.run(
        [socialaid, "batch", str(population), "-o", str(out), "--address", cluster.address, "--actors", "2", "--json"],
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout)
    assert (summary["rows"], summary["decided"], summary["refused"]) == (200, 200, 0)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["household_id"] for r in rows] == [f"s6-{i:07d}" for i in range(200)]
    assert all(r["status"] == "decided" and "dibao" in r["programs"] for r in rows)

    # more than the cluster holds: said within seconds, naming the resource, never a wait without end
    started = time.monotonic()
    stuck = subprocess.run(
        [
            socialaid,
            "batch",
            str(population),
            "-o",
            str(tmp_path / "no.jsonl"),
            "--address",
            cluster.address,
            "--actors",
            "3",
            "--cpus-per-actor",
            "1",
        ],
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert stuck.returncode == 5, stuck.stderr[-2000:]
    assert "CPU" in stuck.stderr and "--cpus-per-actor" in stuck.stderr
    assert time.monotonic() - started < 60
    assert not (tmp_path / "no.jsonl").exists()
