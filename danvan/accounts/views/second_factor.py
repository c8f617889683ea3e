"""The second sign-in step for users who turned it on, and the page to turn it on or off."""

import time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from danvan.accounts import totp
from danvan.accounts.models import TotpDevice, User
from danvan.accounts.services.second_factor import (
    second_factor_check,
    totp_confirm,
    totp_disable,
    totp_enabled,
    totp_required,
    totp_start,
)
from danvan.core.errors import DomainError

PENDING = "danvan_second_factor"
PENDING_SECONDS = 300


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=gettext_lazy("6 chữ số trên ứng dụng xác thực, hoặc một mã dự phòng."),
    )


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def start_pending_login(request: HttpRequest, user: User, redirect_to: str) -> HttpResponse:
    """The password was right; remember who is signing in until the second step is done."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", "danvan.accounts.backends.AccountBackend"),
        "at": time.time(),
        "next": redirect_to,
    }
    return redirect("accounts:login_second_factor")


def _pending_user(request: HttpRequest) -> tuple[User | None, dict[str, Any]]:
    pending = request.session.get(PENDING) or {}
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    user_id = pending.get("user")
    user = User.objects.filter(pk=user_id, is_active=True).first() if isinstance(user_id, int) else None
    return user, pending


@never_cache
def login_second_factor(request: HttpRequest) -> HttpResponse:
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.error(request, _("Phiên đăng nhập đã hết hạn; hãy nhập lại mật khẩu."))
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor_check(user=user, code=form.cleaned_data["code"]):
            del request.session[PENDING]
            auth_login(request, user, backend=pending["backend"])
            target = pending.get("next") or ""
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                target = "/"
            return redirect(target)
        form.add_error(
            "code", _("Mã không đúng hoặc đã dùng. Sau nhiều lần sai, việc đăng nhập tạm bị khóa.")
        )
    return render(request, "accounts/second_factor_login.html", {"form": form})


@login_required
@never_cache
def second_factor(request: HttpRequest) -> HttpResponse:
    """Status; or a new secret to enter in the app and a code to confirm it."""
    user: User = request.user  # type: ignore[assignment]
    crumbs = [{"label": _("Hồ sơ của tôi"), "url": "/tai-khoan/ho-so/"}, {"label": _("Xác thực hai bước")}]
    context: dict[str, Any] = {"breadcrumbs": crumbs, "enabled": totp_enabled(user)}
    if context["enabled"]:
        context["disable_form"] = PasswordConfirmForm()
        return render(request, "accounts/second_factor.html", context)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = totp_confirm(user=user, code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc.errors.get("code", [exc.message])[0])
        else:
            return render(
                request, "accounts/second_factor.html", {**context, "enabled": True, "recovery_codes": codes}
            )
    device = TotpDevice.objects.filter(user=user, confirmed_at__isnull=True).first()
    if device is None or request.GET.get("moi"):  # ?moi=1: a new secret
        device = totp_start(user=user)
    context.update(
        form=form,
        secret=device.secret,
        uri=totp.provisioning_uri(device.secret, account=user.get_username()),
    )
    return render(request, "accounts/second_factor.html", context)


@login_required
@require_POST
def second_factor_disable(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if totp_required(request.scope):  # type: ignore[attr-defined]
        messages.error(request, _("Vai trò của bạn bắt buộc dùng xác thực hai bước; không tắt được."))
        return redirect("accounts:second_factor")
    form = PasswordConfirmForm(request.POST)
    if form.is_valid() and user.check_password(form.cleaned_data["password"]):
        totp_disable(actor=user, user=user)
        messages.success(request, _("Đã tắt xác thực hai bước."))
        return redirect("accounts:profile")
    messages.error(request, _("Mật khẩu không đúng; xác thực hai bước vẫn bật."))
    return redirect("accounts:second_factor")
