"""The UI translations: the .po files are the source, edited by translators (README: Translating).

CI fails on a fuzzy or untranslated entry in a language residents read, on a catalogue msgfmt rejects,
and on a compiled .mo that no longer matches its .po (someone edited the .po and forgot
`make messages`).
"""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
SOURCE = settings.LANGUAGE_CODE
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != SOURCE]


def catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def live_entries(po: polib.POFile):
    return [entry for entry in po if not entry.obsolete and entry.msgid]


def key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid)


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_fuzzy_entries(code):
    fuzzy = [entry.msgid for entry in live_entries(catalogue(code)) if "fuzzy" in entry.flags]
    assert not fuzzy, f"{code}: gettext's guesses must be checked by a translator: {fuzzy}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_entry_is_translated(code):
    missing = []
    for entry in live_entries(catalogue(code)):
        if entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not entry.msgstr:
            missing.append(entry.msgid)
    assert not missing, f"{code}: untranslated: {missing}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_has_every_source_string(code):
    source = {key(entry) for entry in live_entries(catalogue(SOURCE))}
    target = {key(entry) for entry in live_entries(catalogue(code))}
    assert source - target == set(), f"{code} lacks strings the Swedish catalogue has; run make messages"


@pytest.mark.parametrize("code", TRANSLATED)
def test_msgfmt_accepts_the_catalogue(code):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (Debian package gettext) is needed to compile translations"
    po = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_compiled_catalogue_matches_its_source(code):
    po = catalogue(code)
    mo = polib.mofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.mo"))
    compiled = {key(entry): (entry.msgstr, dict(entry.msgstr_plural)) for entry in mo if entry.msgid}
    expected = {}
    for entry in live_entries(po):
        if "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            if all(entry.msgstr_plural.values()):
                forms = {int(n): text for n, text in entry.msgstr_plural.items()}
                expected[key(entry)] = ("", forms)
        elif entry.msgstr:
            expected[key(entry)] = (entry.msgstr, {})
    compiled = {k: (text, {int(n): t for n, t in forms.items()}) for k, (text, forms) in compiled.items()}
    stale = sorted(k[1] for k in set(expected) | set(compiled) if expected.get(k) != compiled.get(k))
    assert not stale, f"{code}: django.mo is out of date with django.po (run make messages): {stale[:10]}"
