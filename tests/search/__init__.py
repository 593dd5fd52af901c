# The document types of the demo site: one per public page type and searchable snippet.
DEMO_DOCUMENT_TYPES = {
    "municipality",
    "municipality_broadband",
    "broadband_guide",
    "operator",
    "library",
    "help_session",
    "life_event_guide",
    "e_service",
    "page",
}


def api(client, **params) -> dict:
    """The search API's answer (which must be a 200)."""
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return response.json()


def suggest(client, **params) -> dict:
    """The suggestion API's answer (which must be a 200)."""
    response = client.get("/api/search/suggest/", params)
    assert response.status_code == 200
    return response.json()


def titles(data) -> list[str]:
    return [hit["title"] for hit in data["hits"]]


def publish_child(engine, parent, instance):
    """Add `instance` (unpublished) under `parent` and publish it, the index following after the
    commit as on the site (`engine` is the search tests' fixture); then refresh the index."""
    from search.indexing import refresh

    with engine(execute=True):
        page = parent.add_child(instance=instance)
        page.save_revision().publish()
    refresh()
    return page
