"""The demo meetings load on the demo's small territory, and a second load creates nothing."""

import pytest

from danvan.demo.services import demo_load
from danvan.demo.tests.conftest import mini_territory  # noqa: F401  (the demo app's small territory)
from danvan.meetings import demo
from danvan.meetings.models import Attendee, Directive, Meeting, Task


@pytest.mark.usefixtures("mini_territory")
def test_demo_meetings_load_idempotently():
    demo_load()
    demo.load()
    counts = (
        Meeting.objects.count(),
        Task.objects.count(),
        Attendee.objects.count(),
        Directive.objects.count(),
    )
    assert counts[0] == len(demo.MEETINGS) and counts[1] == sum(len(m.tasks) for m in demo.MEETINGS)
    cao_bang = Meeting.objects.get(period="2021-H1")
    assert cao_bang.chair.full_name == "Tô Vũ Ninh" and "Phó Bí thư Thường trực" in cao_bang.chair_title
    assert "Trưởng Ban Dân vận" in cao_bang.attendees.get(person__full_name="Vũ Văn Minh").title
    assert Directive.objects.get(number=71).reference == "71-KH/TU"
    demo.load()
    assert (
        Meeting.objects.count(),
        Task.objects.count(),
        Attendee.objects.count(),
        Directive.objects.count(),
    ) == counts
