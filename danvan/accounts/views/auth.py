"""Sign-in, password change and password reset by e-mail, in Vietnamese.

Django's views do the flow; the new password is saved through `user_set_password` so that every
password change is audited.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.accounts.forms import LoginForm, ResetRequestForm, add_domain_errors
from danvan.accounts.services import user_set_password
from danvan.core.errors import DomainError


class DanVanLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    form_class = LoginForm


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        crumbs = [
            {"label": gettext_lazy("Hồ sơ của tôi"), "url": reverse_lazy("accounts:profile")},
            {"label": gettext_lazy("Đổi mật khẩu")},
        ]
        return super().get_context_data(breadcrumbs=crumbs, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            user = user_set_password(
                actor=form.user, user=form.user, password=form.cleaned_data["new_password1"]
            )
        except DomainError as exc:
            add_domain_errors(form, exc, {"password": "new_password1"})
            return self.form_invalid(form)
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(self.get_success_url())


class ResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = ResetRequestForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = {"valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)}
        return super().form_valid(form)


class ResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            user_set_password(actor=form.user, user=form.user, password=form.cleaned_data["new_password1"])
        except DomainError as exc:
            add_domain_errors(form, exc, {"password": "new_password1"})
            return self.form_invalid(form)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
