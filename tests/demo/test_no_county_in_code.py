"""Nothing county-specific in code: a county's names and kommunkoder live in demo/data/ only."""

from pathlib import Path

from .names import FACTS_FILES, county_codes, county_names, pattern

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".git", ".venv", ".cache", "build", "node_modules", "migrations", "tests", "__pycache__"}


def source_files():
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if set(relative.parts) & SKIP_DIRS or relative.parts[0].endswith(".egg-info"):
            continue
        if relative.parts[:2] == ("demo", "data"):
            continue
        if path.suffix == ".py" or (path.suffix in {".html", ".txt"} and "templates" in relative.parts):
            yield path, relative


def test_the_facts_files_are_found():
    assert {path.parent.name for path in FACTS_FILES} >= {"vastmanland", "exempellan"}


def test_no_county_municipality_or_kommunkod_in_python_or_templates():
    names, codes = set(), set()
    for facts in FACTS_FILES:
        names |= county_names(facts)
        codes |= county_codes(facts)
    search = pattern(names, codes)
    found = []
    for path, relative in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{relative}:{number}: {match.group()}" for match in search.finditer(line)]
    assert not found, "County-specific names in code (move them to demo/data/):\n" + "\n".join(found)
