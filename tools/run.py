"""Run the whole product on this machine, every part a child process that Ctrl-C stops (standard library).

    python tools/run.py dev     # `make run`: SQLite, the local OpenSearch node (when Java is there),
                                #   runserver, the task worker and the scheduler
    python tools/run.py stack   # `make stack`: the production topology on one machine – PostgreSQL
                                #   and Redis from Debian's packages, the OpenSearch node, gunicorn
                                #   with several workers under config.settings.production, two task
                                #   workers, the scheduler and an SMTP server that keeps every message
    python tools/run.py stack-manage ARGS  # manage.py against the running stack (its settings,
                                #   database, Redis and node), e.g. createsuperuser

Both prepare the database first (migrate, load_demo --if-empty, setup_editors, search_rebuild when
the node answers, ensure_superuser), then start the children, each in its own process group, and
stop them all (SIGTERM, then SIGKILL after 10 s) on Ctrl-C or SIGTERM. A child that exits is started
again, as systemd or a managed service would bring it back, and the rest go on meanwhile: an app
process after a second (longer if it keeps failing), a shared part (Redis, the SMTP server) after
STACK_RESTART_SECONDS (30 s: long enough to watch the site run without it). Only a child that
cannot start at all (it exits within seconds, five times running) stops everything.
What they fetch or create (the venv, the node's jars, the SQLite file, the stack's PostgreSQL
database, its secret key) lives in the work tree and .cache/, and the next run reuses it. A node,
PostgreSQL cluster or Redis that was already running is used and left running; what this script
started, it stops.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CACHE = ROOT / ".cache"
STACK = CACHE / "stack"
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "8000"))
OPENSEARCH_PORT = int(os.environ.get("OPENSEARCH_PORT", "9200"))
STACK_DATABASE = os.environ.get("STACK_DATABASE", "envagin_stack")
REDIS_PORT = int(os.environ.get("STACK_REDIS_PORT", "6390"))
SMTP_PORT = int(os.environ.get("STACK_SMTP_PORT", "8025"))


def say(text: str) -> None:
    print(f"run: {text}", flush=True)


def answers(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def manage(*args: str, env: dict, check: bool = True) -> int:
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=check).returncode


# A shared part that exits comes back after this long (a managed Redis or relay restarting).
SHARED_RESTART_SECONDS = float(os.environ.get("STACK_RESTART_SECONDS", "30"))
QUICK_EXIT_SECONDS = 10  # a child that exits this soon after starting did not really start
GIVE_UP_AFTER = 5  # quick exits in a row


class Child:
    def __init__(self, name: str, command: list[str], env: dict, restart_after: float):
        self.name, self.command, self.env, self.restart_after = name, command, env, restart_after
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0
        self.quick_exits = 0
        self.due = 0.0  # when an exited child is started again

    def start(self) -> None:
        say(f"starting {self.name}: {' '.join(self.command)}")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, start_new_session=True)
        self.started_at = time.monotonic()
        self.due = 0.0


class Supervisor:
    """Starts children in process groups of their own, starts again the ones that exit, and stops
    every one of them on Ctrl-C, whatever happens."""

    def __init__(self):
        self.children: list[Child] = []
        self.cleanups: list = []
        self.stopping = False

    def start(self, name: str, command: list[str], env: dict, *, shared: bool = False) -> None:
        """`shared`: a part the app servers share (Redis, the SMTP server), brought back after
        SHARED_RESTART_SECONDS; app processes come back after a second."""
        child = Child(name, command, env, SHARED_RESTART_SECONDS if shared else 1.0)
        child.start()
        self.children.append(child)

    def _check(self, child: Child) -> int | None:
        """Start an exited child again when it is due; an exit status when it cannot start at all."""
        now = time.monotonic()
        if child.due:
            if now >= child.due:
                child.start()
            return None
        if child.process.poll() is None:
            return None
        code = child.process.returncode
        child.quick_exits = child.quick_exits + 1 if now - child.started_at < QUICK_EXIT_SECONDS else 0
        if child.quick_exits >= GIVE_UP_AFTER:
            say(f"{child.name} exited with {code} {GIVE_UP_AFTER} times within seconds; stopping the rest")
            return code or 1
        delay = child.restart_after * 2 ** max(0, child.quick_exits - 1)
        say(f"{child.name} exited with {code}; the rest go on without it; starting it again in {delay:.0f} s")
        child.due = now + delay
        return None

    def on_exit(self, action) -> None:
        self.cleanups.append(action)

    def wait(self) -> int:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._signalled)
        code = 0
        try:
            while not self.stopping:
                for child in self.children:
                    failed = self._check(child)
                    if failed is not None:
                        code, self.stopping = failed, True
                        break
                time.sleep(0.5)
        finally:
            self.stop()
        return code

    def _signalled(self, signum, frame) -> None:
        self.stopping = True

    def stop(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        running = [child for child in self.children if child.process is not None]
        for child in reversed(running):
            if child.process.poll() is None:
                say(f"stopping {child.name}")
                try:
                    os.killpg(child.process.pid, signal.SIGCONT)  # a part frozen in a fault drill
                    os.killpg(child.process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 10
        for process in (child.process for child in running):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()
        for action in reversed(self.cleanups):
            action()
        self.cleanups.clear()


def search_node(supervisor: Supervisor, env: dict) -> bool:
    """Start the local node unless one answers; on failure say so in one line and go on without."""
    url = f"http://127.0.0.1:{OPENSEARCH_PORT}"
    if answers(OPENSEARCH_PORT):
        say(f"search: using the OpenSearch node already answering on {url}")
        env["OPENSEARCH_URL"] = url
        return True
    result = subprocess.run(
        [PY, "tools/search_node", "start"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines()[-1:] or [f"exit status {result.returncode}"]
        say(
            f"search: NO OpenSearch node ({reason[0]}) – search answers from the database. "
            "Install a Java runtime (e.g. apt-get install default-jdk-headless) and mvn for the real one."
        )
        return False
    pid_file = CACHE / "search-node" / f"node-{OPENSEARCH_PORT}.pid"
    started = pid_file.read_text().strip() if pid_file.exists() else ""

    def stop_our_node():
        # Only the node this command started: one an operator started by hand meanwhile stays.
        if started and pid_file.exists() and pid_file.read_text().strip() == started:
            subprocess.run([PY, "tools/search_node", "stop"], cwd=ROOT, env=env)
        else:
            say(f"search: leaving the node on port {OPENSEARCH_PORT} running (not the one started here)")

    supervisor.on_exit(stop_our_node)
    env["OPENSEARCH_URL"] = url
    return True


def prepare(env: dict, *, engine: bool, production: bool) -> None:
    manage("migrate", "--noinput", env=env)
    if production:
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    manage("load_demo", "--if-empty", env=env)
    manage("setup_editors", "--verbosity", "0", env=env)
    # Wagtail's database index (the fallback search and the admin's search) as this version indexes
    # pages: a database from an earlier version gets the fields added since (seconds on the demo).
    manage("update_index", "--verbosity", "0", env=env)
    if engine and manage("search_rebuild", env=env, check=False) != 0:
        say("search: search_rebuild failed; search answers from the database until search_sync catches up")
    manage("ensure_superuser", env=env)


def run_dev() -> int:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    env.setdefault("SCHEDULED_JOBS_DISABLED", "check_links")  # no requests to other hosts
    supervisor = Supervisor()
    try:
        engine = search_node(supervisor, env)
        prepare(env, engine=engine, production=False)
    except BaseException:
        supervisor.stop()
        raise
    supervisor.start("web", [PY, "manage.py", "runserver", f"{HOST}:{PORT}"], env)
    worker = [PY, "manage.py", "db_worker", "--queue-name", "*", "--verbosity", "0"]  # failures: logged
    supervisor.start("worker", worker, env)
    supervisor.start("scheduler", [PY, "manage.py", "run_scheduler"], env)
    say(f"http://{HOST}:{PORT}/ – Ctrl-C stops the server, the worker, the scheduler and the node")
    return supervisor.wait()


# --- the production topology ------------------------------------------------------------------


def apt_install(packages: list[str]) -> None:
    if os.geteuid() != 0:
        sys.exit(f"run: missing Debian packages {' '.join(packages)}; run: sudo apt-get install -y ...")
    say(f"installing {' '.join(packages)} from Debian's packages")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)


STACK_DATABASE_URL = f"postgres://envagin:envagin@127.0.0.1:5432/{STACK_DATABASE}"


def postgresql(supervisor: Supervisor) -> None:
    """Debian's PostgreSQL cluster, started when it is not running; a role and database for the stack."""
    version = sorted(os.listdir("/usr/lib/postgresql"), key=lambda v: [int(p) for p in v.split(".")])[-1]
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    if not any(line.split()[:2] == [version, "main"] for line in clusters.splitlines()):
        subprocess.run(["pg_createcluster", version, "main"], check=True, stdout=subprocess.DEVNULL)
    if not answers(5432):
        say(f"starting PostgreSQL {version}")
        subprocess.run(["pg_ctlcluster", version, "main", "start"], check=True)
        supervisor.on_exit(lambda: subprocess.run(["pg_ctlcluster", version, "main", "stop"]))
    for _ in range(60):
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
            break
        time.sleep(0.5)

    def psql(sql: str) -> str:
        return subprocess.run(
            ["su", "postgres", "-c", f'psql -q -tAc "{sql}"'], capture_output=True, text=True, check=True
        ).stdout.strip()

    if psql("SELECT 1 FROM pg_roles WHERE rolname='envagin'") != "1":
        psql("CREATE ROLE envagin LOGIN PASSWORD 'envagin' CREATEDB")
    if psql(f"SELECT 1 FROM pg_database WHERE datname='{STACK_DATABASE}'") != "1":
        psql(f"CREATE DATABASE {STACK_DATABASE} OWNER envagin")


def secret_key() -> str:
    """A random key for this machine's stack, made once and kept (mode 600) in .cache/stack/."""
    path = STACK / "secret_key"
    if not path.exists():
        STACK.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


def stack_env() -> dict:
    """The environment of every process of the stack (and of `stack-manage`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENSEARCH_URL", "EMAIL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{PORT}",
        LOCAL_STACK_PLAIN_HTTP="1",
        PUBLIC_URL=f"http://127.0.0.1:{PORT}",
        REDIS_URL=f"redis://127.0.0.1:{REDIS_PORT}/0",
        OPENSEARCH_INDEX_PREFIX=os.environ.get("OPENSEARCH_INDEX_PREFIX", "envagin-stack"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(SMTP_PORT),
        DEFAULT_FROM_EMAIL="En väg in <noreply@envagin.localhost>",
        MEDIA_ROOT=str(STACK / "media"),
        SCHEDULED_JOBS_DISABLED=os.environ.get("SCHEDULED_JOBS_DISABLED", "check_links"),
    )
    env["DATABASE_URL"] = STACK_DATABASE_URL
    if answers(OPENSEARCH_PORT):
        env["OPENSEARCH_URL"] = f"http://127.0.0.1:{OPENSEARCH_PORT}"
    return env


def stack_manage(args: list[str]) -> int:
    """`manage.py` against the running stack, with its settings, database, Redis and node:
    `python tools/run.py stack-manage createsuperuser`."""
    return manage(*args, env=stack_env(), check=False)


def run_stack() -> int:
    missing = []
    if not shutil.which("pg_ctlcluster"):
        missing.append("postgresql")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if missing:
        apt_install(missing)
    STACK.mkdir(parents=True, exist_ok=True)
    supervisor = Supervisor()
    env = stack_env()
    try:
        postgresql(supervisor)
        # As production's Redis is configured: page entries (with a lifetime) are evicted first,
        # never the tokens and rate-limit counters (README, "Production: caching, health and HTTP").
        redis = ["redis-server", "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--save", ""]
        redis += ["--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru"]
        supervisor.start("redis", redis, env, shared=True)
        smtp = [PY, "tools/mailcatcher.py", "serve", "--port", str(SMTP_PORT)]
        supervisor.start("smtp", smtp, env, shared=True)
        engine = search_node(supervisor, env)
        prepare(env, engine=engine, production=True)
        say("check --deploy (warnings about HTTPS, HSTS and secure cookies: LOCAL_STACK_PLAIN_HTTP)")
        manage("check", "--deploy", env=env, check=False)
    except BaseException:
        supervisor.stop()
        raise
    workers = os.environ.get("STACK_WEB_WORKERS", "3")
    supervisor.start(
        "gunicorn",
        [PY, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", workers],
        env,
    )
    for n in (1, 2):
        supervisor.start(
            f"worker {n}",
            [PY, "manage.py", "db_worker", "--queue-name", "*", "--worker-id", f"stack-{n}", "--no-reload"],
            env,
        )
    supervisor.start("scheduler", [PY, "manage.py", "run_scheduler"], env)
    say(
        f"http://127.0.0.1:{PORT}/ under config.settings.production ({workers} gunicorn workers); "
        "mail: `make mail`; Ctrl-C stops everything this command started"
    )
    return supervisor.wait()


def main(argv: list[str]) -> int:
    if argv[:1] == ["dev"]:
        return run_dev()
    if argv[:1] == ["stack"]:
        return run_stack()
    if argv[:1] == ["stack-manage"]:
        return stack_manage(argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
