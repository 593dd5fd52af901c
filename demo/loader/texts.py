"""Where the demo's facts and texts are read from, and how placeholders in the texts are filled.

A county's folder (demo/data/<county>/) holds its facts.yaml and may hold its own text files. Each text
file is read from `_generic/` first; the county's file of the same name, if any, replaces top-level
keys. Texts may contain placeholders such as `{name}`; the loader fills them with values from the facts.
"""

import re
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
GENERIC = DATA / "_generic"
DEFAULT_FACTS = DATA / "vastmanland" / "facts.yaml"
TEXT_FILES = ("site", "broadband", "services", "local")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def read_yaml(path: Path) -> dict:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def read_texts(county_folder: Path) -> dict[str, dict]:
    """Every text file by name: the generic keys, replaced by the county's own where it has them."""
    texts = {}
    for name in TEXT_FILES:
        merged = dict(read_yaml(GENERIC / f"{name}.yaml"))
        if Path(county_folder).resolve() != GENERIC:
            merged.update(read_yaml(Path(county_folder) / f"{name}.yaml"))
        texts[name] = merged
    return texts


def fill(value, values: dict):
    """The value with every `{placeholder}` in its strings replaced; lists and mappings recursively."""
    if isinstance(value, str):

        def replace(match):
            key = match.group(1)
            if key not in values:
                raise ValueError(f"Okänd platshållare {{{key}}} i demotexten: {value[:80]!r}")
            return str(values[key])

        return PLACEHOLDER.sub(replace, value)
    if isinstance(value, list):
        return [fill(item, values) for item in value]
    if isinstance(value, dict):
        return {key: fill(item, values) for key, item in value.items()}
    return value


REQUIRED_FACTS = {
    "county": ("name", "county_code"),
    "municipalities": ("code", "name", "population", "web"),
}


def check_facts(facts, path: Path) -> None:
    """Stop early, in words an editor understands, when the facts file lacks what the loader needs."""
    missing = []
    if not isinstance(facts, dict):
        raise ValueError(f"{path}: faktafilen är inte en YAML-mappning.")
    county = facts.get("county") or {}
    missing += [f"county.{key}" for key in REQUIRED_FACTS["county"] if not county.get(key)]
    municipalities = facts.get("municipalities") or []
    if not municipalities:
        missing.append("municipalities")
    for index, row in enumerate(municipalities):
        missing += [
            f"municipalities[{index}].{key}" for key in REQUIRED_FACTS["municipalities"] if key not in row
        ]
    if missing:
        raise ValueError(f"{path}: faktafilen saknar " + ", ".join(missing) + ".")
    codes = [county["county_code"]] + [row["code"] for row in municipalities]
    unquoted = [str(code) for code in codes if not isinstance(code, str)]
    if unquoted:
        raise ValueError(
            f'{path}: skriv läns- och kommunkoder inom citattecken, till exempel "0000": '
            + ", ".join(unquoted)
        )
