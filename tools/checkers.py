"""Fetch the two markup checkers the browser tests run, into .cache/checkers (standard library and npm only).

    python tools/checkers.py fetch [--optional]   # idempotent; prints the paths
    python tools/checkers.py paths                # the paths, fetching nothing

With --optional (what `make install` passes outside CI) a machine without npm or without the registry
only gets a warning, and the browser tests skip the two checkers; CI (REQUIRE_SEARCH_ENGINE=1) fetches
them or fails, and the tests fail without them.

- the Nu Html Checker, `vnu.jar` (npm package `vnu-jar`), run with the machine's Java over HTML files
  saved from the live server: it makes no request of its own;
- IBM Equal Access, `ace.js` (npm package `accessibility-checker-engine`), injected into each page in
  Chromium by the test: no CDN, no network from the page.

Both are fetched with `npm pack` from the npm registry at pinned versions (change them here) and unpacked;
nothing is installed globally and no `node_modules` is made. `make install` and `.ci/run` call `fetch`.
"""

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "checkers"
PACKAGES = {
    # name: (version, file inside the package, where it goes)
    "vnu-jar": ("26.9.27", "package/build/dist/vnu.jar", CACHE / "vnu.jar"),
    "accessibility-checker-engine": ("4.0.34", "package/ace.js", CACHE / "ace.js"),
}


def paths() -> dict[str, Path]:
    return {name: target for name, (_version, _member, target) in PACKAGES.items()}


def fetch(optional: bool = False) -> dict[str, Path]:
    if shutil.which("npm") is None:
        message = "npm is not on this machine: the markup checkers are not fetched (apt-get install npm)"
        if optional:
            print(f"warning: {message}", file=sys.stderr)
            return paths()
        sys.exit(message)
    CACHE.mkdir(parents=True, exist_ok=True)
    for name, (version, member, target) in PACKAGES.items():
        stamp = target.with_name(target.name + ".version")
        if target.exists() and stamp.exists() and stamp.read_text().strip() == version:
            continue
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            packed = subprocess.run(
                ["npm", "pack", "--silent", f"{name}@{version}", "--pack-destination", tmp],
                capture_output=True,
                text=True,
                check=False,
            )
            if packed.returncode != 0:
                message = f"npm pack {name}@{version} failed:\n{packed.stderr}"
                if optional:
                    print(f"warning: {message}", file=sys.stderr)
                    continue
                sys.exit(message)
            tarball = next(Path(tmp).glob("*.tgz"))
            with tarfile.open(tarball) as archive:
                source = archive.extractfile(member)
                if source is None:
                    sys.exit(f"{member} is not in {tarball.name}")
                partial = target.with_name(target.name + ".part")
                partial.write_bytes(source.read())
                partial.replace(target)
        stamp.write_text(version + "\n")
    return paths()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "fetch"
    if command not in ("fetch", "paths"):
        sys.exit(__doc__)
    found = fetch(optional="--optional" in sys.argv) if command == "fetch" else paths()
    for name, path in found.items():
        print(f"{name}: {path}{'' if path.exists() else ' (missing)'}")
