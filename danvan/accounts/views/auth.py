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
from danvan.accounts.services.second_factor import totp_enabled
from danvan.accounts.views.second_factor import start_pending_login
from danvan.core import ratelimit
from danvan.core.errors import DomainError

# Password-reset requests: per address (mail bombing, enumeration by timing) and per e-mail.
RESET_LIMIT_PER_IP, RESET_LIMIT_PER_EMAIL, RESET_WINDOW = 5, 3, 3600


class DanVanLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    form_class = LoginForm

    def form_valid(self, form: Any) -> HttpResponse:
        """Users with a second factor sign in only once their code is checked too."""
        user = form.get_user()
        if totp_enabled(user):
            return start_pending_login(self.request, user, self.get_redirect_url())
        return super().form_valid(form)


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

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        ip = ratelimit.client_ip(request)
        if not ratelimit.hit("password-reset-ip", ip, limit=RESET_LIMIT_PER_IP, window=RESET_WINDOW):
            form = self.get_form()
            form.add_error(None, _("Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần; hãy thử lại sau 1 giờ."))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(RESET_WINDOW)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"].strip().lower()
        if not ratelimit.hit("password-reset-email", email, limit=RESET_LIMIT_PER_EMAIL, window=RESET_WINDOW):
            # Same answer as a sent mail: says nothing about the address, sends nothing more.
            return HttpResponseRedirect(self.get_success_url())
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
