"""The request form of the documents page: one form for every type: each type takes its own fields."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.models import MAX_ID
from danvan.core.periods import PERIOD_HELP
from danvan.documents.models import Format
from danvan.documents.pdf import pdf_available
from danvan.documents.registry import DOCUMENT_TYPES
from danvan.territory.models import Unit

STYLE_CHOICES = [
    ("", _("Theo mặc định của đơn vị")),
    ("party", _("Văn bản của Đảng")),
    ("state", _("Văn bản hành chính")),
]
PARAMETER_FIELDS = ("form", "period", "year", "style", "number", "signer_name", "decision")


class DocumentRequestForm(forms.Form):
    type = forms.ChoiceField(label=_("Loại văn bản"))
    unit = forms.ChoiceField(label=_("Đơn vị"))
    format = forms.ChoiceField(label=_("Định dạng"))
    period = forms.CharField(label=_("Kỳ báo cáo"), required=False, max_length=20, help_text=PERIOD_HELP)
    form = forms.CharField(label=_("Mẫu báo cáo (mã)"), required=False, max_length=40)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    decision = forms.CharField(label=_("Kèm theo quyết định"), required=False, max_length=120)
    style = forms.ChoiceField(label=_("Thể thức"), required=False, choices=STYLE_CHOICES)
    number = forms.CharField(label=_("Số văn bản"), required=False, max_length=20)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=200)

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units = {str(u.pk): u for u in units}
        types = [(code, kind.label) for code, kind in DOCUMENT_TYPES.items() if kind.target is None]
        self.fields["type"].choices = types  # type: ignore[attr-defined]
        self.fields["unit"].choices = [(str(u.pk), u.name) for u in units]  # type: ignore[attr-defined]
        formats = [(Format.DOCX.value, Format.DOCX.label)]
        if pdf_available():
            formats.append((Format.PDF.value, Format.PDF.label))
        self.fields["format"].choices = formats  # type: ignore[attr-defined]

    def chosen_unit(self) -> Unit:
        return self.units[self.cleaned_data["unit"]]

    def parameters(self) -> dict[str, Any]:
        """The values the chosen type declares, left out when empty (its defaults apply)."""
        declared = DOCUMENT_TYPES[self.cleaned_data["type"]].parameters.model_fields
        return {
            name: self.cleaned_data[name]
            for name in PARAMETER_FIELDS
            if name in declared and self.cleaned_data.get(name) not in (None, "")
        }


VARIANTS = {"minutes": _("Biên bản"), "conclusions": _("Thông báo kết luận")}
OBJECT_FIELDS = ("meeting", "campaign", "variant", "style", "number", "signer_name")


class ObjectDocumentForm(forms.Form):
    """ "Tạo văn bản" on the page of a meeting or a campaign: the object decides the unit."""

    type = forms.ChoiceField(label=_("Loại văn bản"))
    format = forms.ChoiceField(label=_("Định dạng"), choices=Format.choices)
    meeting = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    campaign = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    variant = forms.ChoiceField(label=_("Văn bản"), required=False, choices=list(VARIANTS.items()))
    style = forms.ChoiceField(label=_("Thể thức"), required=False, choices=STYLE_CHOICES)
    number = forms.CharField(label=_("Số văn bản"), required=False, max_length=20)
    signer_name = forms.CharField(label=_("Người ký"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = [(code, kind.label) for code, kind in DOCUMENT_TYPES.items() if kind.target is not None]
        self.fields["type"].choices = types  # type: ignore[attr-defined]

    def parameters(self) -> dict[str, Any]:
        declared = DOCUMENT_TYPES[self.cleaned_data["type"]].parameters.model_fields
        return {
            name: self.cleaned_data[name]
            for name in OBJECT_FIELDS
            if name in declared and self.cleaned_data.get(name) not in (None, "")
        }
