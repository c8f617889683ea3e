"""Forms of the portal: a reader's comment (with its spam traps) and a news post."""

import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from danvan.portal.models import Category
from danvan.portal.services import PostContent
from danvan.territory.models import Unit

_SIGNER = signing.Signer(salt="danvan.portal.comment-form")
FORM_MAX_AGE = 24 * 3600


def min_fill_seconds() -> float:
    return float(getattr(settings, "DANVAN_PORTAL_MIN_FILL_SECONDS", 3))


def form_started_token() -> str:
    """A signed time the form was shown: a reply sooner than a person can type is a robot."""
    return _SIGNER.sign(f"{time.time():.3f}")


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Họ tên"), max_length=80)
    body = forms.CharField(
        label=_("Ý kiến của bạn"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    # The honeypot: hidden from people (the `hidden` attribute of its wrapper), filled by robots.
    website = forms.CharField(label=_("Trang web"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:
            self.initial["started"] = form_started_token()

    def clean_started(self) -> float:
        try:
            started = float(_SIGNER.unsign(self.cleaned_data["started"]))
        except (signing.BadSignature, ValueError) as exc:
            raise forms.ValidationError(_("Biểu mẫu không hợp lệ: hãy tải lại trang rồi gửi lại.")) from exc
        if time.time() - started > FORM_MAX_AGE:
            raise forms.ValidationError(_("Biểu mẫu đã quá hạn: hãy tải lại trang rồi gửi lại."))
        return started

    @property
    def looks_automated(self) -> bool:
        """Honeypot filled or sent faster than a person types: dropped without saying so."""
        started = self.cleaned_data.get("started") or 0.0
        return bool(self.cleaned_data.get("website")) or time.time() - started < min_fill_seconds()


class PostForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đăng"), queryset=Unit.objects.none())
    category = forms.ModelChoiceField(label=_("Chuyên mục"), queryset=Category.objects.all())
    title = forms.CharField(label=_("Tiêu đề"), max_length=250)
    summary = forms.CharField(
        label=_("Tóm tắt"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Mỗi đoạn cách nhau một dòng trống."),
    )
    author_line = forms.CharField(label=_("Tác giả, nguồn"), max_length=200, required=False)
    tags = forms.CharField(
        label=_("Thẻ"), max_length=700, required=False, help_text=_("Cách nhau bằng dấu phẩy.")
    )
    cover = forms.FileField(
        label=_("Ảnh bìa"), required=False, help_text=_("JPEG, PNG hoặc WebP, tối đa 2 MB.")
    )
    cover_alt = forms.CharField(label=_("Mô tả ảnh bìa"), max_length=200, required=False)
    remove_cover = forms.BooleanField(label=_("Bỏ ảnh bìa hiện tại"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, units: list[Unit], editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if editing:
            del self.fields["unit"]
        else:
            del self.fields["remove_cover"]

    def content(self) -> PostContent:
        data = self.cleaned_data
        return PostContent(
            category=data["category"],
            title=data["title"],
            body=data["body"],
            summary=data.get("summary", ""),
            author_line=data.get("author_line", ""),
            tags=[t for t in (data.get("tags") or "").split(",") if t.strip()],
            cover_alt=data.get("cover_alt", ""),
        )
