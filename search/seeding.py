"""Synonym groups seeded by data migrations (0005 and later): added when not there yet, removed
exactly (backwards). Used by the migrations with the historical model, so it imports no model."""

from django.db import migrations


def change(apps, forwards: bool, seed: list[tuple[str, str]]) -> None:
    """Add the groups of `seed` that are not there yet, or (backwards) remove exactly these groups."""
    Synonym = apps.get_model("envagin_search", "Synonym")
    if forwards:
        existing = set(Synonym.objects.values_list("language", "terms"))
        new = [(language, terms) for language, terms in seed if (language, terms) not in existing]
        Synonym.objects.bulk_create([Synonym(language=language, terms=terms) for language, terms in new])
        return
    for language in {language for language, _terms in seed}:
        Synonym.objects.filter(
            language=language, terms__in=[t for lang, t in seed if lang == language]
        ).delete()


def _reversible(rewrite) -> migrations.RunPython:
    """A RunPython operation of `rewrite(apps, forwards)`, run forwards or backwards."""
    return migrations.RunPython(
        lambda apps, schema_editor: rewrite(apps, forwards=True),
        lambda apps, schema_editor: rewrite(apps, forwards=False),
    )


def seed_operation(seed: list[tuple[str, str]]) -> migrations.RunPython:
    """The reversible migration operation that adds (or removes) exactly these groups."""
    return _reversible(lambda apps, forwards: change(apps, forwards=forwards, seed=seed))


def replace_operation(changes: list[tuple[str, str, str]]) -> migrations.RunPython:
    """The reversible migration operation that rewrites seeded groups: each (language, terms as
    seeded, terms now) changes only a group still exactly as seeded, never one an editor changed."""

    def rewrite(apps, forwards: bool) -> None:
        Synonym = apps.get_model("envagin_search", "Synonym")
        for language, seeded, now in changes:
            old, new = (seeded, now) if forwards else (now, seeded)
            Synonym.objects.filter(language=language, terms=old).update(terms=new)

    return _reversible(rewrite)


def remove_terms_operation(changes: list[tuple[str, str, list[str]]]) -> migrations.RunPython:
    """The migration operation that takes terms out of groups: each (language, a term that marks the
    group, the terms to take out) changes every group of that language with the marking term, as
    seeded or as an editor has changed it since (whatever the case). Backwards, the terms are put
    back at the end of each group with the marking term that lacks them (also one an editor made
    without them: not an exact inverse)."""
    return _terms_operation(changes, add=False)


def add_terms_operation(changes: list[tuple[str, str, list[str]]]) -> migrations.RunPython:
    """The migration operation that puts terms at the end of groups: each (language, a term that marks
    the group, the terms to add) changes every group of that language with the marking term that
    lacks them. At the end, so that the words the pages use stay first among a concept's other
    terms (a concept carries only the first few). Backwards, the terms are taken out again."""
    return _terms_operation(changes, add=True)


def _terms_operation(changes: list[tuple[str, str, list[str]]], add: bool) -> migrations.RunPython:
    def rewrite(apps, forwards: bool) -> None:
        Synonym = apps.get_model("envagin_search", "Synonym")
        adding = forwards == add
        for language, marking, terms in changes:
            lowered = [term.lower() for term in terms]
            for group in Synonym.objects.filter(language=language):
                present = [term.strip() for term in group.terms.split(",") if term.strip()]
                if marking.lower() not in (term.lower() for term in present):
                    continue
                if adding:
                    kept = present + [t for t in terms if t.lower() not in (p.lower() for p in present)]
                else:
                    kept = [term for term in present if term.lower() not in lowered]
                if kept != present:
                    group.terms = ", ".join(kept)
                    group.save(update_fields=["terms"])

    return _reversible(rewrite)
