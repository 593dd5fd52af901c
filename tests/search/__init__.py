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
