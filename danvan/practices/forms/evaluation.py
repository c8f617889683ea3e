"""Forms of the year-end evaluation: a round, its practices, one evaluator's scores, the decision."""

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.core.formatting import format_number
from danvan.practices.models import CriteriaSet, Criterion, Practice, RoundItem


class UserChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.username})" if obj.full_name else obj.username


class PracticeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} — {obj.unit.name} ({obj.get_status_display()})"


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Tên đợt bình xét"), max_length=200)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    criteria_set = forms.ModelChoiceField(
        label=_("Bộ tiêu chí"), queryset=CriteriaSet.objects.none(), empty_label=None
    )
    evaluators = UserChoices(
        label=_("Thành viên chấm điểm"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, criteria_sets: QuerySet[CriteriaSet], users: QuerySet[User], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["criteria_set"].queryset = criteria_sets  # type: ignore[attr-defined]
        self.fields["evaluators"].queryset = users  # type: ignore[attr-defined]
        self.fields["year"].initial = timezone.localdate().year


class AddPracticesForm(forms.Form):
    practices = PracticeChoices(
        label=_("Mô hình, điển hình chờ bình xét"),
        queryset=Practice.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, candidates: QuerySet[Practice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practices"].queryset = candidates  # type: ignore[attr-defined]


class ScoreForm(forms.Form):
    """One evaluator's scores for one practice: a field per criterion, labelled with its weight."""

    def __init__(self, *args: Any, criteria: list[Criterion], item: RoundItem, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"item{item.pk}")
        super().__init__(*args, **kwargs)
        self.item = item
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=criterion.text,
                min_value=Decimal(0),
                max_value=Decimal(criterion.max_score),
                decimal_places=1,
                max_digits=4,
                localize=True,
                help_text=_("Trọng số %(weight)s · tối đa %(max)s điểm")
                % {"weight": format_number(criterion.weight, 2), "max": criterion.max_score},
            )

    def values(self) -> dict[int, Decimal]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Kết luận"), choices=RoundItem.Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bắt buộc khi không công nhận."),
    )

    def __init__(self, *args: Any, item: RoundItem, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"decide{item.pk}")
        super().__init__(*args, **kwargs)
        self.item = item
