"""The session store: Django's database sessions, the row read by a query prepared once
(core/fixed_sql.py), since every signed-in request reads it. Writes (login, the refresh every few
minutes, logout) go through Django's store unchanged. SESSION_ENGINE names this module."""

import logging
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from danvan.core.fixed_sql import Prepared

_SESSION = Prepared("accounts.session", Session, lambda key: Session.objects.filter(session_key=key))


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        """The session row unless it has expired, as Django's store reads it (expired: no session)."""
        try:
            key = self.session_key
            if not key:
                raise Session.DoesNotExist
            session = _SESSION.first(key)
            if session is None or session.expire_date <= timezone.now():
                raise Session.DoesNotExist
            return session
        except (Session.DoesNotExist, SuspiciousOperation) as exc:
            if isinstance(exc, SuspiciousOperation):
                logging.getLogger(f"django.security.{exc.__class__.__name__}").warning(str(exc))
            self._session_key = None
            return None
