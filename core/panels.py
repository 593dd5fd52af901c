from wagtail.admin.ui.components import Component


class UserPanel(Component):
    """A dashboard panel whose content depends on what the logged-in editor may see."""

    def __init__(self, user):
        self.user = user
