"""The hub pages (the start page, each municipality) show what the feature apps contribute.

`home` imports no feature app: a feature app fills these Wagtail hooks in its `wagtail_hooks.py`
(consumerfinance.gov's `cfgovpage_context_handlers` pattern). A hook is called with the page, the
request and the context built so far, and returns a dict of names for the page's template:

    @hooks.register(MUNICIPALITY_PAGE_CONTEXT)
    def libraries(page, request, context):
        return {"libraries": ...}

Each contribution should cost a fixed number of queries, so a hub page stays bounded.
"""

from wagtail import hooks

START_PAGE_CONTEXT = "envagin_start_page_context"
MUNICIPALITY_PAGE_CONTEXT = "envagin_municipality_page_context"


def add_contributions(hook_name: str, page, request, context: dict) -> dict:
    for contribute in hooks.get_hooks(hook_name):
        context.update(contribute(page, request, context) or {})
    return context
