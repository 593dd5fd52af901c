"""Admin: importing coverage statistics (upload, preview, confirm) and the import history."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from broadband import admin_views
from broadband.models import CoverageReport, NetworkOperator
from broadband.reports import municipality_codes_for
from home.panels import UserPanel
from services.models import EServiceMunicipalLink


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Regional staff read every report; a municipality's editors only their municipality's.

    Reading needs no model permission: being able to edit the municipality's page is what counts.
    """

    def _codes(self, user):
        return municipality_codes_for(user)

    def user_has_permission(self, user, action):
        if action in ("view", "export"):
            codes = self._codes(user)
            return codes is None or bool(codes)
        return user.is_superuser and action == "delete"

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        codes = self._codes(user)
        queryset = CoverageReport.objects.all()
        if not self.user_has_permission(user, action):
            return queryset.none()
        return queryset if codes is None else queryset.filter(municipality_code__in=codes)

    def user_has_permission_for_instance(self, user, action, instance):
        codes = self._codes(user)
        return self.user_has_permission(user, action) and (
            codes is None or instance.municipality_code in codes
        )


class ReportIndexView(IndexView):
    def get_base_queryset(self):
        return REPORT_POLICY.instances_user_has_permission_for(self.request.user, "view").order_by(
            "-created_at"
        )


class ReportInspectView(InspectView):
    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if not REPORT_POLICY.user_has_permission_for_instance(self.request.user, "view", report):
            raise PermissionDenied
        return report


REPORT_POLICY = ReportPermissionPolicy(CoverageReport)


class CoverageReportViewSet(ModelViewSet):
    model = CoverageReport
    icon = "warning"
    menu_label = "Rapporter om mobiltäckning"
    menu_order = 910
    add_to_admin_menu = True
    url_prefix = "mobilrapporter"
    name = "coverage_reports"
    list_display = [
        "reference",
        "municipality_name",
        "place",
        "problem",
        "operator",
        "occurred_on",
        "created_at",
    ]
    list_filter = ["municipality_code", "problem", "operator"]
    list_export = [
        "reference",
        "municipality_code",
        "place",
        "latitude",
        "longitude",
        "operator",
        "problem",
        "occurred_on",
        "description",
        "contact",
        "created_at",
    ]
    export_filename = "rapporter-mobiltackning"
    search_fields = ["place", "description", "reference"]
    inspect_view_enabled = True
    create_view_enabled = False
    form_fields = ["place"]
    permission_policy = REPORT_POLICY
    index_view_class = ReportIndexView
    inspect_view_class = ReportInspectView


coverage_report_viewset = CoverageReportViewSet()


@hooks.register("register_admin_viewset")
def register_coverage_reports():
    return coverage_report_viewset


class CoverageReportPanel(UserPanel):
    """Dashboard: reports per municipality and problem, for what the user may read."""

    name = "coverage_reports"
    order = 150
    template_name = "broadband/admin/report_panel.html"

    def get_context_data(self, parent_context=None):
        from home.models import MunicipalityPage

        reports = REPORT_POLICY.instances_user_has_permission_for(self.user, "view")
        names = dict(MunicipalityPage.objects.filter(locale__language_code="sv").values_list("code", "name"))
        counts = {}
        for row in reports.values("municipality_code", "problem").annotate(n=Count("id")):
            counts.setdefault(row["municipality_code"], {})[row["problem"]] = row["n"]
        problems = CoverageReport.Problem.choices
        rows = [
            (
                names.get(code, code),
                [counts[code].get(key, 0) for key, _label in problems],
                sum(counts[code].values()),
            )
            for code in sorted(counts, key=lambda c: names.get(c, c))
        ]
        return {"rows": rows, "problems": problems, "url": reverse("coverage_reports:index")}


@hooks.register("construct_homepage_panels")
def add_coverage_report_panel(request, panels):
    if REPORT_POLICY.user_has_permission(request.user, "view"):
        panels.append(CoverageReportPanel(request.user))


@hooks.register("register_admin_urls")
def register_coverage_urls():
    return [path("tackning/import/", admin_views.coverage_import, name="coverage_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_coverage_menu_item():
    return ImportMenuItem(
        "Täckningsstatistik",
        reverse("coverage_import"),
        icon_name="table",
        order=900,
    )


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
        from home.editors import municipality_codes_for

        return municipality_codes_for(user)

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


class OperatorPolicy(MunicipalSnippetPolicy):
    def filter_by_codes(self, queryset, codes):
        return queryset.filter(municipalities__code__in=codes).distinct()


class LinkPolicy(MunicipalSnippetPolicy):
    def filter_by_codes(self, queryset, codes):
        return queryset.filter(municipality__code__in=codes)


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


class OperatorViewSet(SnippetViewSet):
    model = NetworkOperator
    icon = "site"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    edit_view_class = InstanceCheckedEditView
    index_view_class = FilteredIndexView

    @property
    def permission_policy(self):
        return OperatorPolicy(NetworkOperator, lambda op: {m.code for m in op.municipalities.all()})


register_snippet(NetworkOperator, viewset=OperatorViewSet)


class LinkEditView(InstanceCheckMixin, EditView):
    pass


class LinkIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("eservice", "municipality")


class MunicipalLinkViewSet(ModelViewSet):
    """Each municipality keeps its own links to the e-services every municipality runs."""

    model = EServiceMunicipalLink
    icon = "link"
    menu_label = "Kommunens e-tjänstlänkar"
    menu_order = 920
    add_to_admin_menu = True
    url_prefix = "e-tjanstlankar"
    name = "municipal_links"
    list_display = ["eservice", "municipality", "url"]
    panels = [FieldPanel("url")]
    create_view_enabled = False
    edit_view_class = LinkEditView
    index_view_class = LinkIndexView
    permission_policy = LinkPolicy(EServiceMunicipalLink, lambda link: {link.municipality.code})


@hooks.register("register_admin_viewset")
def register_municipal_links():
    return MunicipalLinkViewSet()
