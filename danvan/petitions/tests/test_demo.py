"""The demo petitions load on the demo places (the wards that replaced the former Sóc Trăng city)
with the demo roles, and a second run creates nothing."""

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.demo.selectors import find_places
from danvan.demo.tests.conftest import mini_territory  # noqa: F401  (the demo's small territory)
from danvan.petitions import demo
from danvan.petitions.models import Answer, Escalation, Petition, Status


def test_demo_load_is_idempotent_and_covers_every_stage(mini_territory):  # noqa: F811
    place = find_places()["soc_trang"]
    user_with_grant("lanhdao_demo", Role.APPROVER, place.province)
    for i, ward in enumerate(place.communes[:2]):
        user_with_grant(f"nhaplieu_demo{i}", Role.REPORTER, ward)
    demo.load()
    assert Petition.objects.count() == len(demo.ITEMS)
    statuses = set(Petition.objects.values_list("status", flat=True))
    assert {Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS, Status.ANSWERED} <= statuses
    assert Answer.objects.filter(files__isnull=False).exists()
    assert Escalation.objects.exists()  # the dialogue recommendation is overdue
    assert Petition.objects.get(kind="denunciation").handlers.exists()
    demo.load()
    assert Petition.objects.count() == len(demo.ITEMS)
