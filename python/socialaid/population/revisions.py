"""The policy at another git revision, as a bundle today's locked sidecar can run (``impact --base-rev``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from socialaid.errors import BundleError

__all__ = ["bundle_at_revision", "temp_workdir"]


def bundle_at_revision(revision: str, workdir: Path) -> tuple[Path, str]:
    """The bundle of the policy at git ``revision``: staged by that revision's own code, locked and signed
    as today's sidecar needs it.

    ``git archive`` of the revision into ``workdir``; its ``socialaid.server.bundle.stage`` lays out its own
    Rego and data. The server-lock policies (``policies/system``: authorization, decision-log masking)
    are today's, added when the revision predates them, because today's sidecar only runs locked; they
    decide nothing about households. Then ``opa build`` and sign with today's key, the revision's short
    hash as the bundle revision. Returns (bundle path, short hash).
    """
    import json as _json

    from socialaid.paths import POLICY_DIR, REPO_ROOT, opa_binary
    from socialaid.server.bundle import ROOTS, build_staged

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BundleError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout.strip()

    short = git("rev-parse", "--short=12", f"{revision}^{{commit}}")
    tree = workdir / f"rev-{short}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", short, "policies", "schemas", "python"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        raise BundleError(f"git archive {short} failed: {archive.stderr.decode(errors='replace').strip()}")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    env = {
        **os.environ,
        "SOCIALAID_ROOT": str(tree),
        "SOCIALAID_OPA": str(opa_binary().resolve()),
        "PYTHONPATH": str(tree / "python"),
    }
    code = (  # a revision from before the package layout (socialaid/server/) has socialaid.bundle
        "import sys\ntry:\n    from socialaid.server import bundle\n"
        "except ImportError:\n    from socialaid import bundle\n"
        "print(bundle.stage(revision=sys.argv[1]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, short], cwd=tree, env=env, capture_output=True, text=True, check=False
    )
    staged = tree / "build" / "stage"
    if proc.returncode != 0 or not (staged / ".manifest").is_file():
        raise BundleError(f"staging the policy of {short} failed:\n{(proc.stderr or proc.stdout).strip()[-2000:]}")
    # The server's own policies (authorization, log mask) are today's: the base runs on today's locked
    # sidecar, which gives its token the way today's authorization reads it; only socialaid/ is the revision's.
    for root in ROOTS:
        if root != "socialaid" and (POLICY_DIR / root).is_dir():
            shutil.rmtree(staged / root, ignore_errors=True)
            shutil.copytree(POLICY_DIR / root, staged / root)
    manifest = _json.loads((staged / ".manifest").read_text("utf-8"))
    manifest["roots"] = sorted(set(manifest.get("roots", [])) | set(ROOTS))
    (staged / ".manifest").write_text(_json.dumps(manifest), "utf-8")
    try:
        output = build_staged(staged, tree / "bundles" / "socialaid.tar.gz")
    except BundleError as exc:
        raise BundleError(f"the bundle of {short}: {exc}") from exc
    return output, short


def temp_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="socialaid-impact-")
