from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from broadband.coverage import HEADER, decode, import_file, known_area_codes, parse
from broadband.models import CoverageImport

MAX_BYTES = 2 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label="CSV-fil", help_text="Kolumner: " + ";".join(HEADER))


def may_import(user) -> bool:
    return user.is_superuser or user.has_perm("broadband.add_coveragestatistic")


def coverage_import(request):
    """Step 1: upload and preview (nothing stored). Step 2: confirm the same text (stored all or nothing)."""
    if not may_import(request.user):
        raise PermissionDenied
    context = {
        "form": UploadForm(),
        "history": CoverageImport.objects.select_related("user")[:20],
        "header": HEADER,
    }
    if request.method == "POST" and "confirm" in request.POST:
        text = request.POST.get("content", "")
        parsed, record = import_file(text, user=request.user, filename=request.POST.get("filename", ""))
        if parsed.errors:
            context.update(errors=parsed.errors)
        else:
            messages.success(
                request,
                f"{record.rows} rader importerade för {record.years}; {record.replaced} tidigare rader ersatta.",
            )
            return redirect("coverage_import")
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_BYTES:
                context["errors"] = ["Filen är större än 2 MB."]
            else:
                text = decode(upload.read())
                parsed = parse(text, known_area_codes())
                context.update(
                    errors=parsed.errors,
                    preview=parsed.rows,
                    years=parsed.years,
                    content=text,
                    filename=upload.name,
                )
    return render(request, "broadband/admin/coverage_import.html", context)
