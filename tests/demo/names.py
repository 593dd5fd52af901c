"""The names a county's facts file lists: what must not appear in code, or on another county's site."""

import re
from pathlib import Path

import yaml

from demo.loader.texts import DATA

FACTS_FILES = sorted(DATA.glob("*/facts.yaml"))


def county_names(facts_path: Path) -> set[str]:
    """The county (also without "län" and its genitive s), its bodies, municipalities (also as its
    local texts name them in other languages), towns, localities, libraries and operators."""
    facts = yaml.safe_load(Path(facts_path).read_text(encoding="utf-8"))
    county = facts["county"]
    names = {county["name"], county.get("short_name"), county.get("regional_body"), county.get("state_body")}
    if county["name"].endswith(" län"):
        bare = county["name"].removesuffix(" län")
        names |= {bare, bare.removesuffix("s")}
    for row in facts["municipalities"]:
        names |= {row["name"], row.get("town")} | set(row.get("localities", []))
    for library in facts.get("libraries") or []:
        names |= {library["main"]} | set(library.get("branches", []))
    for operator in (facts.get("broadband") or {}).get("operators") or []:
        names.add(operator["name"])
    # The municipalities' names in the other languages of the county's local texts ("فيستروس").
    local = Path(facts_path).parent / "local.yaml"
    if local.exists():
        for texts in (yaml.safe_load(local.read_text(encoding="utf-8")) or {}).values():
            for translation in ((texts or {}).get("municipality") or {}).values():
                names |= {translation.get("name"), translation.get("title")}
    return {name for name in names if name}


def county_codes(facts_path: Path) -> set[str]:
    facts = yaml.safe_load(Path(facts_path).read_text(encoding="utf-8"))
    return {row["code"] for row in facts["municipalities"]}


def pattern(names: set[str], codes: set[str] = frozenset()) -> re.Pattern:
    """Whole words only, any case; a code only where it is not part of a longer token (a uuid, a path)."""
    words = [rf"(?<!\w){re.escape(name)}(?!\w)" for name in sorted(names, key=len, reverse=True)]
    numbers = [rf"(?<![\w-]){re.escape(code)}(?![\w-])" for code in sorted(codes)]
    return re.compile("|".join(words + numbers), re.IGNORECASE)
