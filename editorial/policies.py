"""Admin permission policies for data that belongs to municipalities (operators, e-service links).

Wagtail's generic edit views check model permissions only; these policies and views add the check
per object, so a municipal editor reaches only what is their municipality's by every URL.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from editorial.permissions import editable_municipality_codes


class MunicipalSnippetPolicy(ModelPermissionPolicy):
    """Regional editors (model permission) edit all; municipal editors only what is their municipality's.

    `codes_of(instance)` says which municipalities an object belongs to.
    """

    def __init__(self, model, codes_of):
        super().__init__(model)
        self.codes_of = codes_of

    def _regional(self, user, action):
        return super().user_has_permission(user, action)

    def _own_codes(self, user):
        return editable_municipality_codes(user)

    def user_has_permission(self, user, action):
        if self._regional(user, action):
            return True
        return action in ("change", "view") and bool(self._own_codes(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if self._regional(user, action):
            return True
        return action in ("change", "view") and bool(self.codes_of(instance) & self._own_codes(user))

    def instances_user_has_permission_for(self, user, action):
        queryset = self.model.objects.all()
        if self._regional(user, action):
            return queryset
        codes = self._own_codes(user)
        return self.filter_by_codes(queryset, codes) if action in ("change", "view") else queryset.none()

    def filter_by_codes(self, queryset, codes):
        raise NotImplementedError


class InstanceCheckMixin:
    """Wagtail's edit views check model permissions only; these objects need a per-object check."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj):
            raise PermissionDenied
        return obj


class InstanceCheckedEditView(InstanceCheckMixin, SnippetEditView):
    pass


class FilteredIndexView(SnippetIndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
