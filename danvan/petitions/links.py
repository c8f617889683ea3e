"""Links to the public pages (mounted by the lead at /gui-y-kien/, namespace petitions_public)."""

from django.urls import NoReverseMatch, reverse

PUBLIC_PREFIX = "/gui-y-kien/"


def private_path(code: str, secret: str) -> str:
    """The citizen's private link: their own item, its answer, the satisfaction question."""
    try:
        return reverse("petitions_public:private", args=[code, secret])
    except NoReverseMatch:
        return f"{PUBLIC_PREFIX}theo-doi/{code}/{secret}/"


def tracking_path(code: str) -> str:
    try:
        return reverse("petitions_public:track", args=[code])
    except NoReverseMatch:
        return f"{PUBLIC_PREFIX}theo-doi/{code}/"
