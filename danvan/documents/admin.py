"""Administrators upload their own Word template per document type here; a broken one is refused."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from danvan.documents.models import DocumentTemplate, GeneratedDocument
from danvan.documents.registry import DOCUMENT_TYPES
from danvan.documents.rendering import check_template

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class DocumentTemplateForm(forms.ModelForm):
    type = forms.ChoiceField(label="Loại văn bản")

    class Meta:
        model = DocumentTemplate
        fields = ["type", "file", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = [(code, kind.label) for code, kind in DOCUMENT_TYPES.items()]
        self.fields["type"].choices = types  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload is None or not hasattr(upload, "read"):
            return upload
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError("Tệp mẫu lớn hơn 5 MB.")
        data = upload.read()
        upload.seek(0)
        try:
            check_template(data)
        except ValueError as exc:
            raise forms.ValidationError(f"Không dùng được tệp này làm mẫu: {exc}") from exc
        return upload


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    form = DocumentTemplateForm
    list_display = ["type", "note", "updated_at", "uploaded_by"]

    def save_model(self, request: HttpRequest, obj: DocumentTemplate, form: Any, change: bool) -> None:
        obj.uploaded_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "type", "unit", "requested_by", "status", "created_at"]
    list_filter = ["status", "type", "format"]
    readonly_fields = [f.name for f in GeneratedDocument._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
