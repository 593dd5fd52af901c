"""Admin permission policies for data that belongs to municipalities (operators, e-service links).

Wagtail's generic views check model permissions only; these policies and the viewset mixin add the
check per object to every view of a viewset that works on one object (edit, delete, history, usage,
inspect, copy, preview, revisions…), so a municipal editor reaches only what is their
municipality's by every URL.

The rule for shared records: an object belongs to the municipalities it names (`codes_of`). A
municipal editor may read and change it only when every one of those is their own; an object
shared with another municipality (an operator serving two of them) is the region's, and a
municipality asks the region to change it. When a municipal editor saves, the municipalities they
may set are their own ones only (`OwnMunicipalitiesFormMixin`).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from editorial.permissions import editable_municipality_codes


class MunicipalSnippetPolicy(ModelPermissionPolicy):
    """Regional editors (model permission) act on all; a municipal editor reads and changes only
    what is wholly their municipality's (`codes_of(instance)` non-empty and all their own)."""

    municipal_actions = ("change", "view")

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
        return action in self.municipal_actions and bool(self._own_codes(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if self._regional(user, action):
            return True
        if action not in self.municipal_actions:
            return False
        codes = set(self.codes_of(instance))
        return bool(codes) and codes <= self._own_codes(user)

    def instances_user_has_permission_for(self, user, action):
        queryset = self.model.objects.all()
        if self._regional(user, action):
            return queryset
        if action not in self.municipal_actions:
            return queryset.none()
        # By primary key only: a listing searches this queryset, and the search backend accepts
        # filters on declared filter fields alone (the models declare `id`), not on the joins that
        # find the user's objects.
        own = self.filter_by_codes(queryset, self._own_codes(user)).values_list("pk", flat=True)
        return queryset.filter(pk__in=list(own))

    def filter_by_codes(self, queryset, codes):
        """The objects that name at least one municipality and only municipalities in `codes`."""
        raise NotImplementedError

    def is_regional(self, user, action="change") -> bool:
        return self._regional(user, action)


class ObjectCheckMixin:
    """Asks the view's permission policy about the one object the view works on."""

    def object_action(self) -> str:
        required = getattr(self, "permission_required", None)
        if required:
            return required
        return "view" if isinstance(self, InspectView) else "change"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and obj.pk is not None:
            if not self.permission_policy.user_has_permission_for_instance(
                self.request.user, self.object_action(), obj
            ):
                raise PermissionDenied
        return obj


class ObjectCheckedViewSetMixin:
    """For a ModelViewSet or SnippetViewSet: every view with an object checks it (see module doc),
    the index lists what the user may change, and reordering is off (an Orderable's reorder
    renumbers the whole table, other municipalities' rows included)."""

    sort_order_field = None

    def construct_view(self, view_class, **kwargs):
        if hasattr(view_class, "get_object") and not issubclass(view_class, ObjectCheckMixin):
            view_class = type(f"ObjectChecked{view_class.__name__}", (ObjectCheckMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)


class FilteredIndexMixin:
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")


class FilteredIndexView(FilteredIndexMixin, SnippetIndexView):
    pass


class OwnMunicipalitiesFormMixin:
    """A model form whose `municipalities` field offers a municipal editor their own municipalities
    only, and needs at least one (an object with none would be nobody's, hence the region's)."""

    municipality_field = "municipalities"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields.get(self.municipality_field)
        policy = getattr(type(self), "permission_policy", None)
        if user is None or field is None or policy is None or policy.is_regional(user):
            return
        codes = editable_municipality_codes(user)
        field.queryset = field.queryset.filter(code__in=codes)
        field.required = True
        field.help_text = _("Kommuner du redigerar. Delas operatören med andra kommuner sköter regionen den.")

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        policy = getattr(type(self), "permission_policy", None)
        chosen = cleaned_data.get(self.municipality_field)
        if user is not None and policy is not None and not policy.is_regional(user) and chosen is not None:
            own = editable_municipality_codes(user)
            if not chosen or any(m.code not in own for m in chosen):
                raise forms.ValidationError(_("Välj bara kommuner som du redigerar."))
        return cleaned_data
