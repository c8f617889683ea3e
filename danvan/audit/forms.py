from django import forms


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label="Người thực hiện", required=False, max_length=150)
    action = forms.CharField(label="Thao tác", required=False, max_length=80)
    object_type = forms.CharField(label="Loại đối tượng", required=False, max_length=80)
    date_from = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
