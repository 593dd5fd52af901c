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


def seed_operation(seed: list[tuple[str, str]]) -> migrations.RunPython:
    """The reversible migration operation that adds (or removes) exactly these groups."""
    return migrations.RunPython(
        lambda apps, schema_editor: change(apps, forwards=True, seed=seed),
        lambda apps, schema_editor: change(apps, forwards=False, seed=seed),
    )


def replace_operation(changes: list[tuple[str, str, str]]) -> migrations.RunPython:
    """The reversible migration operation that rewrites seeded groups: each (language, terms as
    seeded, terms now) changes only a group still exactly as seeded, never one an editor changed."""

    def rewrite(apps, forwards: bool) -> None:
        Synonym = apps.get_model("envagin_search", "Synonym")
        for language, seeded, now in changes:
            old, new = (seeded, now) if forwards else (now, seeded)
            Synonym.objects.filter(language=language, terms=old).update(terms=new)

    return migrations.RunPython(
        lambda apps, schema_editor: rewrite(apps, forwards=True),
        lambda apps, schema_editor: rewrite(apps, forwards=False),
    )


def remove_terms_operation(changes: list[tuple[str, str, list[str]]]) -> migrations.RunPython:
    """The reversible migration operation that takes terms out of groups: each (language, a term
    that marks the group, the terms to take out) changes every group of that language with the
    marking term, as seeded or as an editor has changed it since. Backwards, the terms are put back
    at its end (where a group with the marking term lacks them)."""

    def terms_of(group) -> list[str]:
        return [term.strip() for term in group.terms.split(",") if term.strip()]

    def rewrite(apps, forwards: bool) -> None:
        Synonym = apps.get_model("envagin_search", "Synonym")
        for language, marking, terms in changes:
            for group in Synonym.objects.filter(language=language):
                present = terms_of(group)
                if marking not in (term.lower() for term in present):
                    continue
                if forwards:
                    kept = [term for term in present if term.lower() not in terms]
                else:
                    kept = present + [term for term in terms if term not in (t.lower() for t in present)]
                if kept != present:
                    group.terms = ", ".join(kept)
                    group.save(update_fields=["terms"])

    return migrations.RunPython(
        lambda apps, schema_editor: rewrite(apps, forwards=True),
        lambda apps, schema_editor: rewrite(apps, forwards=False),
    )
