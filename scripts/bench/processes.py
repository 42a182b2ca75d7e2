"""Start the servers a bench run needs, and measure their memory and start time."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests
import yaml

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
STARTUP_TIMEOUT_S = 300


def _children() -> Dict[int, List[int]]:
    tree: Dict[int, List[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # Field 4 is the parent pid; the name in brackets may hold spaces.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree(pid: int) -> Iterator[int]:
    """Yield `pid` and all its descendants."""
    tree = _children()
    todo = [pid]
    while todo:
        current = todo.pop()
        todo.extend(tree.get(current, []))
        yield current


def tree_rss_mb(pid: int) -> float:
    """Return the summed resident memory of `pid` and all its descendants (MB).

    psutil is not among Rasa's dependencies, so this reads /proc directly.
    """
    total_kb = 0
    for current in _tree(pid):
        try:
            fields = Path(f"/proc/{current}/statm").read_text().split()
        except OSError:
            continue
        total_kb += int(fields[1]) * PAGE_KB
    return total_kb / 1024


def tree_pss_mb(pid: int) -> float:
    """Return the summed proportional set size of `pid` and its descendants (MB).

    Unlike RSS, PSS splits pages that forked workers share, so the sum is what
    the tree really holds.
    """
    total_kb = 0
    for current in _tree(pid):
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total_kb += int(line.split()[1])
                break
    return total_kb / 1024


class PeakRss:
    """Samples a process tree's RSS in a thread and keeps the peak."""

    def __init__(self, pid: int, interval_s: float = 0.5) -> None:
        """Starts sampling `pid` every `interval_s` seconds."""
        self.pid, self.interval_s = pid, interval_s
        self.peak_mb = self.peak_pss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))
            self.peak_pss_mb = max(self.peak_pss_mb, tree_pss_mb(self.pid))
            self._stop.wait(self.interval_s)

    def stop(self) -> float:
        """Stops sampling; returns the peak in MB."""
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))
        return self.peak_mb


def wait_for_first_reply(
    base_url: str, process: subprocess.Popen, started: float, text: str
) -> float:
    """Send `text` until the bot answers it; return seconds since `started`."""
    url = f"{base_url}/webhooks/rest/webhook"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            response = requests.post(
                url, json={"sender": "bench-first-reply", "message": text}, timeout=30
            )
            if response.ok and response.json():
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise TimeoutError(url)


def start(
    args: List[str], log: Path, cwd: Path, env: Optional[Dict[str, str]] = None
) -> subprocess.Popen:
    """Start a server process with its output in `log`."""
    return subprocess.Popen(
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    """Terminate a server and all the workers it forked."""
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def write_endpoints(
    path: Path,
    actions_url: Optional[str],
    tracker: str,
    redis_port: Optional[int],
    sqlite_path: Optional[Path] = None,
) -> Path:
    """Write an endpoints file for a bench configuration.

    Args:
        path: Where to write it.
        actions_url: The action server's webhook, or None for no action server.
        tracker: "memory", "sqlite" or "redis" (Rasa's own stores).
        redis_port: A local Redis for the lock store (and tracker store), if any.
        sqlite_path: The SQLite file when tracker is "sqlite".

    Returns:
        The path written.

    """
    endpoints: Dict[str, object] = {}
    if actions_url:
        endpoints["action_endpoint"] = {"url": actions_url}
    if tracker == "sqlite":
        endpoints["tracker_store"] = {
            "type": "SQL",
            "dialect": "sqlite",
            "db": str(sqlite_path),
        }
    elif tracker == "redis":
        endpoints["tracker_store"] = {
            "type": "redis",
            "url": "127.0.0.1",
            "port": redis_port,
            "db": 0,
        }
    elif tracker != "memory":
        raise ValueError(f"unknown tracker store {tracker!r}")
    if redis_port:
        # Several Sanic workers share conversations only through a shared lock store.
        endpoints["lock_store"] = {
            "type": "redis",
            "url": "127.0.0.1",
            "port": redis_port,
            "db": 1,
        }
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path
