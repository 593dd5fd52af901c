"""Admin: importing coverage statistics (upload, preview, confirm) and the import history."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from broadband import admin_views
from broadband.freshness import broadband_columns
from broadband.models import CoverageReport, MunicipalityBroadbandPage, NetworkOperator
from core.exports import FormulaSafeExportMixin
from core.panels import UserPanel, admin_menu_item, admin_urls
from editorial.freshness import FRESHNESS_COLUMNS
from editorial.permissions import municipality_scope
from editorial.policies import (
    FilteredIndexView,
    MunicipalSnippetPolicy,
    ObjectCheckedViewSetMixin,
    OwnMunicipalitiesFormMixin,
)
from home.hub import MUNICIPALITY_PAGE_CONTEXT
from home.localization import prefer_active_locale
from home.models import MunicipalityPage
from home.privacy import RETENTION_PERIODS, RetentionPeriod


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Regional staff read every report; a municipality's editors only their municipality's.

    Reading needs no model permission: being able to edit the municipality's page is what counts.
    """

    def _codes(self, user):
        return municipality_scope(user, "broadband.view_all_coveragereports")

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


class ReportIndexView(FormulaSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return REPORT_POLICY.instances_user_has_permission_for(self.request.user, "view").order_by(
            "-created_at"
        )


class ReportInspectView(InspectView):
    template_name = "broadband/admin/report_inspect.html"

    def get_object(self, queryset=None):
        report = super().get_object(queryset)
        if not REPORT_POLICY.user_has_permission_for_instance(self.request.user, "view", report):
            raise PermissionDenied
        return report

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answer_url"] = reverse("coverage_reports:answer", args=[self.object.pk])
        return context


@require_POST
def mark_answered(request, pk: int):
    """Whoever may read a report may mark it answered (or not answered again)."""
    report = get_object_or_404(CoverageReport, pk=pk)
    if not REPORT_POLICY.user_has_permission_for_instance(request.user, "view", report):
        raise PermissionDenied
    report.answered_at = None if request.POST.get("answered") == "0" else timezone.now()
    report.save(update_fields=["answered_at"])
    messages.success(
        request, "Rapporten är markerad som besvarad." if report.answered_at else "Markeringen är borttagen."
    )
    return redirect("coverage_reports:inspect", pk)


REPORT_POLICY = ReportPermissionPolicy(CoverageReport)


class CoverageReportViewSet(ObjectCheckedViewSetMixin, ModelViewSet):
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
        "answered_at",
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
        "answered_at",
    ]
    export_filename = "rapporter-mobiltackning"
    search_fields = ["place", "description", "reference"]
    inspect_view_enabled = True
    create_view_enabled = False
    form_fields = ["place"]
    permission_policy = REPORT_POLICY
    index_view_class = ReportIndexView
    inspect_view_class = ReportInspectView

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/besvarad/", mark_answered, name="answer")]


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


admin_urls(path("tackning/import/", admin_views.coverage_import, name="coverage_import"))


admin_menu_item("Täckningsstatistik", "coverage_import", "table", 900, admin_views.may_import)


class OperatorPolicy(MunicipalSnippetPolicy):
    """Shared operators are the region's: a municipal editor changes an operator only when it serves
    their municipalities alone (see editorial.policies)."""

    def filter_by_codes(self, queryset, codes):
        served_elsewhere = NetworkOperator.municipalities.through.objects.exclude(
            municipalitypage__code__in=codes
        ).values("networkoperator_id")
        return queryset.filter(municipalities__code__in=codes).exclude(pk__in=served_elsewhere).distinct()


OPERATOR_POLICY = OperatorPolicy(NetworkOperator, lambda op: {m.code for m in op.municipalities.all()})


class OperatorForm(OwnMunicipalitiesFormMixin, WagtailAdminModelForm):
    permission_policy = OPERATOR_POLICY


class OperatorViewSet(ObjectCheckedViewSetMixin, SnippetViewSet):
    model = NetworkOperator
    icon = "site"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    index_view_class = FilteredIndexView
    permission_policy = OPERATOR_POLICY
    edit_handler = ObjectList(NetworkOperator.panels, base_form_class=OperatorForm)


register_snippet(NetworkOperator, viewset=OperatorViewSet)


@hooks.register(MUNICIPALITY_PAGE_CONTEXT)
def municipality_broadband_page(page, request, context):
    """The municipality page links to its local broadband page (in the reader's language if any)."""
    pages = prefer_active_locale(
        MunicipalityBroadbandPage.objects.live().filter(page.subtree_filter()).select_related("locale")
    )
    return {"broadband_page": pages[0] if pages else None}


@hooks.register(RETENTION_PERIODS)
def coverage_report_retention():
    return [
        RetentionPeriod(
            _("Rapporter om dålig mobiltäckning (plats, koordinater, beskrivning, kontakt)"),
            settings.COVERAGE_REPORT_RETENTION_DAYS,
            _("efter att rapporten kom in"),
            _("Uppgifterna raderas; kvar finns bara kommun, operatör, problem och datum, för statistiken."),
            "purge_coverage_reports",
        )
    ]


@hooks.register(FRESHNESS_COLUMNS)
def register_broadband_freshness_columns():
    return broadband_columns()
