from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.territory.models import NEIGHBOURHOOD_KINDS, Kind
from danvan.territory.services.neighbourhoods import NAME_MAX_LENGTH

NEIGHBOURHOOD_KIND_CHOICES = [(str(kind), Kind(kind).label) for kind in NEIGHBOURHOOD_KINDS]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm đơn vị"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Tên xã, phường, tỉnh… (gõ không dấu cũng được)")}
        ),
    )
    truoc = forms.BooleanField(label=_("Đơn vị trước 1/7/2025"), required=False)


class NeighbourhoodForm(forms.Form):
    name = forms.CharField(label=_("Tên"), max_length=NAME_MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Loại"), choices=NEIGHBOURHOOD_KIND_CHOICES, initial=Kind.THON)


class NeighbourhoodImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
