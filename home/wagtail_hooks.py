from wagtail import hooks
from wagtail.admin.ui.components import Component

from home.review import pages_due_for


class ReviewPanel(Component):
    """Dashboard: the pages this editor may edit that are overdue or due within 30 days, oldest first."""

    name = "review_due"
    order = 90
    template_name = "home/admin/review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"rows": pages_due_for(self.user)[:50]}


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel(request.user))
