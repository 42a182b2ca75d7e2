"""Start the production stack on one machine and stop all of it on exit.

PostgreSQL (tracker store), Redis (lock store), two action servers, two Rasa
replicas and nginx in front of both, all from Debian's packages and the project's
virtualenv. `make run-prod` calls this; the tests call it the same way.
Everything lives in one state folder: data, logs, generated configs and
`stack.json`, which names every process and port once the stack answers.
"""

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 300
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def stop_with_runner() -> None:
    """Run in each child before exec: SIGTERM it if the runner dies.

    The services run in their own sessions, so nothing else stops them when the
    runner is killed outright. Python has no binding for prctl, hence ctypes.
    """
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def as_db_owner(command: List[str], pg_user: Optional[str]) -> List[str]:
    """PostgreSQL refuses to run as root: run its tools as `pg_user` then."""
    return ["runuser", "-u", pg_user, "--", *command] if pg_user else command


def secret(path: Path, env_name: str) -> str:
    """The value of `env_name`, else one generated once and kept in `path`."""
    if os.environ.get(env_name):
        return os.environ[env_name]
    if not path.exists():
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def postgres_options(port: int) -> str:
    """Server options: TCP on loopback only, no Unix socket folder needed."""
    return f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"


def pg_ctl(
    state: Path, pg_bin: str, port: int, pg_user: Optional[str], command: str
) -> None:
    """Run `pg_ctl start|stop|restart` on the stack's cluster and wait for it."""
    log = state / "logs" / "postgres.log"
    log.touch()
    if pg_user:
        shutil.chown(log, pg_user)
    options = (
        ["-o", postgres_options(port), "-l", str(log)]
        if command in ("start", "restart")
        else []
    )
    subprocess.run(
        as_db_owner(
            [f"{pg_bin}/pg_ctl", "-D", str(state / "postgres"), "-w", "-t", "60"]
            + ["-m", "fast", command, *options],
            pg_user,
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def init_postgres(args: argparse.Namespace, password: str) -> None:
    """Create the cluster once, owned by `pg_user`, with password logins only."""
    data = Path(args.state) / "postgres"
    if (data / "PG_VERSION").exists():
        return
    if (
        args.pg_user
        and subprocess.run(
            ["runuser", "-u", args.pg_user, "--", "test", "-x", str(data.parent)]
        ).returncode
    ):
        raise SystemExit(
            f"{args.pg_user} cannot reach {data.parent}: choose PROD_STATE"
        )
    data.mkdir(mode=0o700)
    pwfile = Path(args.state) / "postgres.pwfile"
    pwfile.write_text(password)
    if args.pg_user:
        shutil.chown(data, args.pg_user)
        shutil.chown(pwfile, args.pg_user)
    try:
        subprocess.run(
            as_db_owner(
                [
                    f"{args.pg_bin}/initdb",
                    "-D",
                    str(data),
                    "-U",
                    args.db_user,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                ],
                args.pg_user,
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    finally:
        pwfile.unlink()


def create_database(args: argparse.Namespace, password: str) -> None:
    """Create the conversations database unless it exists."""
    import psycopg2

    connection = psycopg2.connect(
        host="127.0.0.1",
        port=args.pg_port,
        user=args.db_user,
        password=password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args.db_name,))
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{args.db_name}"')
    connection.close()


def render_nginx(args: argparse.Namespace) -> Path:
    """Fill the nginx template with this stack's ports and folders."""
    state = Path(args.state)
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (state / "nginx" / folder).mkdir(parents=True, exist_ok=True)
        # nginx workers run as an unprivileged user when the master is root.
        (state / "nginx" / folder).chmod(0o1777)
    values = {
        "state": str(state),
        "lb_port": args.lb_port,
        "actions_lb_port": args.actions_lb_port,
        "rasa_servers": "".join(
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;\n"
            for p in args.rasa_ports
        ),
        "actions_servers": "".join(
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;\n"
            for p in args.actions_ports
        ),
        "read_timeout": args.nginx_read_timeout,
    }
    text = Path(args.nginx_template).read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    config = state / "nginx" / "nginx.conf"
    config.write_text(text)
    return config


class Stack:
    """The processes of one stack, started in order and stopped in reverse."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.state = Path(args.state)
        self.logs = self.state / "logs"
        self.processes: Dict[str, subprocess.Popen] = {}
        self.postgres_started = False

    def spawn(self, name: str, command: List[str], env: Dict[str, str]) -> None:
        """Start one child with its own log file."""
        log = open(self.logs / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=stop_with_runner,
        )

    def wait_for(self, name: str, url: str) -> None:
        """Wait until `url` answers, failing early if the process died."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} exited; see {self.logs / name}.log")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"{name} did not answer on {url}")

    def start(self) -> None:
        """Start every service and wait until each one answers."""
        args = self.args
        self.logs.mkdir(parents=True, exist_ok=True)
        db_password = secret(self.state / "db.password", "DB_PASSWORD")
        token = secret(self.state / "rasa.token", "RASA_AUTH_TOKEN")

        init_postgres(args, db_password)
        pg_ctl(self.state, args.pg_bin, args.pg_port, args.pg_user, "start")
        self.postgres_started = True
        create_database(args, db_password)

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.spawn(
            "redis",
            [
                args.redis_server,
                "--port",
                str(args.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            env,
        )
        for i, port in enumerate(args.actions_ports, 1):
            self.spawn(
                f"actions-{i}",
                [str(BIN / "rasa"), "run", "actions", "--actions", "actions"]
                + ["--port", str(port)],
                env,
            )
        self.spawn(
            "nginx",
            [args.nginx, "-p", str(self.state / "nginx"), "-e", "stderr"]
            + ["-c", str(render_nginx(args)), "-g", "daemon off;"],
            env,
        )
        rasa_env = {
            **env,
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{args.actions_lb_port}/webhook",
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(args.pg_port),
            "DB_USER": args.db_user,
            "DB_PASSWORD": db_password,
            "DB_DATABASE": args.db_name,
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(args.redis_port),
            "REDIS_DB": "1",
            "REDIS_PASSWORD": os.environ.get("REDIS_PASSWORD", ""),
            "TICKET_LOCK_LIFETIME": str(args.lock_lifetime),
        }
        for i, port in enumerate(args.rasa_ports, 1):
            self.spawn(
                f"rasa-{i}",
                [str(BIN / "rasa"), "run", "--model", args.model]
                + ["--endpoints", args.endpoints, "--credentials", args.credentials]
                + ["--port", str(port), "--enable-api", "--auth-token", token],
                rasa_env,
            )
        for i, port in enumerate(args.actions_ports, 1):
            self.wait_for(f"actions-{i}", f"http://127.0.0.1:{port}/health")
        for i, port in enumerate(args.rasa_ports, 1):
            self.wait_for(f"rasa-{i}", f"http://127.0.0.1:{port}/")
        self.wait_for("nginx", f"http://127.0.0.1:{args.lb_port}/")
        self.write_description(token)

    def write_description(self, token: str) -> None:
        """Name every process and port for operators and tests."""
        a = self.args
        description = {
            "url": f"http://127.0.0.1:{a.lb_port}",
            "auth_token_file": str(self.state / "rasa.token"),
            "rasa": [
                {"port": p, "pid": self.processes[f"rasa-{i}"].pid}
                for i, p in enumerate(a.rasa_ports, 1)
            ],
            "actions": [
                {"port": p, "pid": self.processes[f"actions-{i}"].pid}
                for i, p in enumerate(a.actions_ports, 1)
            ],
            "actions_url": f"http://127.0.0.1:{a.actions_lb_port}",
            "postgres": {
                "port": a.pg_port,
                "db": a.db_name,
                "user": a.db_user,
                "bin": a.pg_bin,
                "os_user": a.pg_user,
            },
            "redis": {"port": a.redis_port},
            "nginx_access_log": str(self.logs / "nginx-access.log"),
            "runner_pid": os.getpid(),
        }
        path = self.state / "stack.json"
        path.with_suffix(".tmp").write_text(json.dumps(description, indent=2))
        path.with_suffix(".tmp").rename(path)

    def stop(self) -> None:
        """Stop children in reverse order, then PostgreSQL."""
        (self.state / "stack.json").unlink(missing_ok=True)
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                process.terminate()
        for process in reversed(list(self.processes.values())):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        a = self.args
        if self.postgres_started:
            try:
                pg_ctl(self.state, a.pg_bin, a.pg_port, a.pg_user, "stop")
            except subprocess.CalledProcessError:
                print("PostgreSQL was not running at shutdown", file=sys.stderr)


_stopping = False


def stop_on_signal(signum: int, frame: object) -> None:
    """Treat the first SIGTERM or SIGINT like Ctrl-C, also while the stack starts.

    make passes its own SIGTERM on to us right after the one sent to its group.
    Raising again would interrupt the shutdown and orphan the services, which
    run in their own sessions, so every later signal is ignored.
    """
    global _stopping
    if _stopping:
        return
    _stopping = True
    raise KeyboardInterrupt


def ports(text: str) -> List[int]:
    """Comma-separated ports."""
    return [int(p) for p in text.split(",") if p]


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    """Command line; the Makefile passes every value."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--state", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--endpoints", required=True)
    p.add_argument("--credentials", required=True)
    p.add_argument("--nginx-template", required=True)
    p.add_argument("--lb-port", type=int, required=True)
    p.add_argument("--actions-lb-port", type=int, required=True)
    p.add_argument("--rasa-ports", type=ports, required=True)
    p.add_argument("--actions-ports", type=ports, required=True)
    p.add_argument("--pg-port", type=int, required=True)
    p.add_argument("--redis-port", type=int, required=True)
    p.add_argument("--pg-bin", required=True)
    p.add_argument("--pg-user", default="postgres" if os.geteuid() == 0 else "")
    p.add_argument("--db-user", default="writeback")
    p.add_argument("--db-name", default="writeback")
    p.add_argument("--lock-lifetime", type=int, default=30)
    p.add_argument("--nginx-read-timeout", type=int, default=90)
    p.add_argument("--redis-server", default="redis-server")
    p.add_argument("--nginx", default="nginx")
    args = p.parse_args(argv)
    args.state = str(Path(args.state).resolve())
    args.pg_user = args.pg_user or None
    return args


def main(argv: Optional[List[str]] = None) -> int:
    """Start the stack, report when it answers, and stop it on a signal."""
    args = parse_args(argv)
    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)  # the database user must reach its data folder
    stack = Stack(args)
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    started = time.monotonic()
    try:
        stack.start()
        print(
            f"Stack ready in {time.monotonic() - started:.0f} s: "
            f"http://127.0.0.1:{args.lb_port}/webhooks/rest/webhook "
            f"(processes in {state / 'stack.json'}; Ctrl-C stops all)",
            flush=True,
        )
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
