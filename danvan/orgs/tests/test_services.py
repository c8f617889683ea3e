import datetime as dt

import pytest

from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.orgs import services
from danvan.orgs.models import Organization, Position, UnitSetting
from danvan.territory.models import LEGACY_END

D = dt.date


def test_kinds_are_seeded_with_stable_codes(kinds):
    assert {"cap_uy", "mttq", "ban_xay_dung_dang", "ban_tuyen_giao_dan_van", "ban_cong_tac_mat_tran"} <= set(
        kinds
    )
    assert kinds["hoi_phu_nu"].name == "Hội Liên hiệp Phụ nữ"
    assert kinds["ban_dan_van"].is_historic and not kinds["mttq"].is_historic
    assert len(kinds) == 22


def test_create_stores_folded_name_and_sort_key_and_audits(tree, kinds, personas):
    org = services.organization_create(
        user=personas.unit_admin,
        unit=tree.commune_a,
        kind=kinds["hoi_nong_dan"],
        name="  Hội Nông dân   phường Sóc Trăng ",
    )
    assert org.name == "Hội Nông dân phường Sóc Trăng"
    assert org.name_folded == "hoi nong dan phuong soc trang"
    event = AuditEvent.objects.get(action="organization.create")
    assert event.object_id == str(org.pk) and event.unit_path == tree.commune_a.path
    assert event.actor_label == "quantri_tinh"


def test_open_names_are_unique_in_a_unit_accents_aside(orgs, tree, kinds):
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None, unit=tree.commune_a, kind=kinds["mttq"], name="Uy ban MTTQ Viet Nam phuong Soc Trang"
        )
    assert exc.value.code == "duplicate_name"
    assert "name" in exc.value.errors


def test_dates_must_fit_the_unit_and_the_kind(tree, kinds):
    count = Organization.objects.count()
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None, unit=tree.legacy_commune, kind=kinds["cap_uy"], name="Đảng ủy"
        )
    assert exc.value.code == "outlives_unit"
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None, unit=tree.commune_a, kind=kinds["ban_dan_van"], name="Ban Dân vận"
        )
    assert exc.value.code == "historic_kind"
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None, unit=tree.commune_a, kind=kinds["mttq"], name="X", valid_from=D(2020, 1, 1)
        )
    assert exc.value.code == "precedes_unit"
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None,
            unit=tree.commune_a,
            kind=kinds["mttq"],
            name="X",
            valid_from=D(2026, 2, 1),
            valid_to=D(2026, 1, 1),
        )
    assert exc.value.code == "dates_reversed"
    assert Organization.objects.count() == count


def test_parent_must_be_at_the_unit_or_above_and_not_a_cycle(orgs, tree, kinds):
    with pytest.raises(DomainError) as exc:
        services.organization_create(
            user=None,
            unit=tree.commune_b,
            kind=kinds["hoi_nong_dan"],
            name="Hội Nông dân",
            parent=orgs.front_a,
        )
    assert exc.value.code == "parent_elsewhere"
    child = services.organization_create(
        user=None,
        unit=tree.commune_a,
        kind=kinds["chi_bo_dang_bo"],
        name="Chi bộ khóm 1",
        parent=orgs.province_board,
    )
    assert child.parent == orgs.province_board
    with pytest.raises(DomainError) as exc:
        _update(orgs.party_a, parent=orgs.builder_a)
    assert exc.value.code == "parent_cycle"
    orgs.party_a.refresh_from_db()
    assert orgs.party_a.parent is None


def _update(org, **values):
    current = {f: getattr(org, f) for f in ("kind", "name", "short_name", "parent", "valid_from", "valid_to")}
    return services.organization_update(user=None, organization=org, **{**current, **values})


def test_update_refolds_the_name_and_records_only_changes(orgs):
    _update(orgs.front_b, name="Ủy ban Mặt trận Tổ quốc Việt Nam phường Phú Lợi", short_name="UBMTTQ")
    orgs.front_b.refresh_from_db()
    assert orgs.front_b.name_folded == "uy ban mat tran to quoc viet nam phuong phu loi"
    event = AuditEvent.objects.get(action="organization.update")
    assert set(event.changes) == {"name", "short_name"}
    _update(orgs.front_b)
    assert AuditEvent.objects.filter(action="organization.update").count() == 1


def test_close_ends_the_positions_still_held(orgs, people):
    services.organization_close(user=None, organization=orgs.builder_a, valid_to=D(2026, 3, 31))
    people.minh_head.refresh_from_db()
    assert people.minh_head.end_date == D(2026, 3, 31)
    event = AuditEvent.objects.get(action="organization.close")
    assert event.changes == {"valid_to": [None, "2026-03-31"], "positions_ended": 1}


def test_close_refuses_open_children_and_the_records_keeper(orgs, tree):
    with pytest.raises(DomainError) as exc:
        services.organization_close(user=None, organization=orgs.front_a, valid_to=D(2026, 3, 31))
    assert exc.value.code == "open_children"
    services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.builder_a)
    with pytest.raises(DomainError) as exc:
        services.organization_close(user=None, organization=orgs.builder_a, valid_to=D(2026, 3, 31))
    assert exc.value.code == "records_keeper"
    orgs.builder_a.refresh_from_db()
    assert orgs.builder_a.valid_to is None


def test_records_keeper_must_be_an_open_organization_of_the_unit(orgs, tree):
    with pytest.raises(DomainError) as exc:
        services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.front_b)
    assert exc.value.code == "keeper_elsewhere"
    assert not UnitSetting.objects.exists()
    setting = services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.front_a)
    assert setting is not None and setting.records_keeper == orgs.front_a
    services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.builder_a)
    events = AuditEvent.objects.filter(action="unit_setting.update").order_by("id")
    assert [e.changes["records_keeper"] for e in events] == [
        [None, str(orgs.front_a.pk)],
        [str(orgs.front_a.pk), str(orgs.builder_a.pk)],
    ]


def test_person_names_are_folded(tree):
    person = services.person_create(
        user=None, full_name="Đinh  Văn Hiền", gender="male", home_unit=tree.commune_a
    )
    assert (person.full_name, person.name_folded) == ("Đinh Văn Hiền", "dinh van hien")
    services.person_update(
        user=None,
        person=person,
        full_name="Đinh Văn Hiển",
        gender="male",
        birth_year=1970,
        home_unit=tree.commune_b,
    )
    person.refresh_from_db()
    assert person.home_unit == tree.commune_b and person.birth_year == 1970
    assert AuditEvent.objects.filter(action__startswith="person.").count() == 2
    with pytest.raises(DomainError):
        services.person_create(user=None, full_name="   ")


def test_several_concurrent_positions_are_normal(people, orgs):
    services.position_add(
        user=None,
        person=people.minh,
        organization=orgs.party_a,
        title="Ủy viên Ban Thường vụ",
        start_date=D(2025, 7, 1),
    )
    assert Position.objects.filter(person=people.minh, end_date__isnull=True).count() == 3


def test_position_dates_are_checked(people, orgs):
    count = Position.objects.count()
    with pytest.raises(DomainError) as exc:
        services.position_add(
            user=None,
            person=people.chi,
            organization=orgs.front_a,
            title="Ủy viên",
            start_date=D(2026, 5, 1),
            end_date=D(2026, 4, 1),
        )
    assert exc.value.code == "dates_reversed" and "end_date" in exc.value.errors
    with pytest.raises(DomainError) as exc:
        services.position_add(
            user=None, person=people.chi, organization=orgs.old_ward_committee, title="Bí thư"
        )
    assert exc.value.code == "after_organization"
    assert Position.objects.count() == count


def test_position_end(people):
    services.position_end(user=None, position=people.minh_front, end_date=D(2026, 1, 15))
    people.minh_front.refresh_from_db()
    assert people.minh_front.end_date == D(2026, 1, 15)
    with pytest.raises(DomainError) as exc:
        services.position_end(user=None, position=people.minh_front, end_date=D(2026, 2, 1))
    assert exc.value.code == "already_ended"
    with pytest.raises(DomainError):
        services.position_end(user=None, position=people.minh_head, end_date=D(2025, 6, 1))
    people.minh_head.refresh_from_db()
    assert people.minh_head.end_date is None


def test_closing_a_legacy_organization_twice_is_refused(orgs):
    with pytest.raises(DomainError) as exc:
        services.organization_close(user=None, organization=orgs.old_ward_committee, valid_to=LEGACY_END)
    assert exc.value.code == "already_closed"
