"""Meetings, dialogues, tasks, directives, citizen reception, supervision and annual themes."""

from danvan.meetings.models.dialogues import AnswerState, Question, QuestionSource
from danvan.meetings.models.directives import Directive, DirectiveKind, DirectiveStyle
from danvan.meetings.models.meetings import Attendee, Meeting, MeetingKind, MeetingStatus
from danvan.meetings.models.reception import ReceptionCase, ReceptionSchedule, ReceptionSession, SessionStatus
from danvan.meetings.models.supervision import (
    Acceptance,
    Recommendation,
    Supervision,
    SupervisionKind,
    SupervisionPlan,
)
from danvan.meetings.models.tasks import Task, TaskStatus, TaskUpdate
from danvan.meetings.models.themes import AnnualTheme

__all__ = [
    "Acceptance",
    "AnnualTheme",
    "AnswerState",
    "Attendee",
    "Directive",
    "DirectiveKind",
    "DirectiveStyle",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Question",
    "QuestionSource",
    "ReceptionCase",
    "ReceptionSchedule",
    "ReceptionSession",
    "Recommendation",
    "SessionStatus",
    "Supervision",
    "SupervisionKind",
    "SupervisionPlan",
    "Task",
    "TaskStatus",
    "TaskUpdate",
]
