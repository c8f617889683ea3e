"""Excel import of member lists: row numbers, de-duplication suggestions, all or nothing."""

import datetime as dt

import pytest

from danvan.accounts.scope import scope_for
from danvan.core.errors import DomainError
from danvan.membership.models import Member, MemberImport, Membership
from danvan.membership.services.imports import members_import_apply, members_import_prepare
from danvan.membership.services.members import MemberData, membership_add
from danvan.membership.tests.conftest import row, workbook


def prepare(user, org, data):
    return members_import_prepare(
        actor=user, scope=scope_for(user), organization=org, file_name="ds.xlsx", data=data
    )


def test_ten_thousand_rows_with_twelve_wrong_report_the_twelve_and_save_nothing(
    personas, orgs, settings, unchanged
):
    settings.DANVAN_MAX_IMPORT_ROWS = 10_000
    rows = [
        row(f"Hội Viên Số {i}", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}") for i in range(10_000)
    ]
    wrong = [17, 230, 999, 1500, 2222, 3000, 4567, 5000, 6001, 7777, 8888, 9999]
    for n, i in enumerate(wrong):
        rows[i] = [
            row(birth="31/02/1980"),
            row(joined="01/01/2099"),
            row(gender="Không rõ"),
            row(id_number="12345"),
        ][n % 4][:]
        rows[i][0] = f"Sai Số {i}"
    with unchanged(), pytest.raises(DomainError) as err:
        prepare(personas.reporter_a, orgs["women_a"], workbook(rows))
    assert err.value.code == "import_invalid_rows" and "Tệp có 12 lỗi; chưa lưu dòng nào" in err.value.message
    lines = err.value.errors["rows"]
    assert [int(line.split(":")[0].removeprefix("Dòng ")) for line in lines] == [i + 2 for i in wrong]
    assert "Ngày sinh: Không hiểu ngày «31/02/1980»" in lines[0]
    assert "Ngày vào tổ chức 01/01/2099 phải sau ngày sinh và không sau hôm nay." in lines[1]
    assert "Giới tính ghi Nam hoặc Nữ" in lines[2] and "12 chữ số" in lines[3]


def test_duplicates_are_suggested_and_the_file_saved_after_confirmation(personas, orgs, unchanged):
    user = personas.reporter_a
    membership_add(
        actor=user,
        scope=scope_for(user),
        organization=orgs["farmers_a"],
        data=MemberData("Nguyễn Thị Lan", dt.date(1985, 3, 15), "female", "087185000123"),
        joined_on=dt.date(2019, 1, 1),
    )
    membership_add(
        actor=user,
        scope=scope_for(user),
        organization=orgs["women_a"],
        data=MemberData("Võ Thị Hạnh", dt.date(1970, 7, 7), "female", ""),
        joined_on=dt.date(2000, 1, 1),
    )
    data = workbook(
        [
            row("Nguyễn Thị Lan", id_number="087185000123"),  # same ID as the farmers' member
            row("Võ Thị Hạnh", "07/07/1970"),  # already in this organization: skipped
            row("Trần Thị Mai", "02/02/1992", id_number="087192000456", role="Chi hội trưởng"),
        ]
    )
    pending, report = prepare(user, orgs["women_a"], data)
    assert [s.split(";")[0] for s in report.suggestions] == [
        "Dòng 2: Nguyễn Thị Lan (15/03/1985) trùng hồ sơ đã có (cùng số định danh)"
    ]
    assert (
        report.skipped == ["Dòng 3: Võ Thị Hạnh đã là thành viên của tổ chức; bỏ qua."]
        and report.new_people == 1
    )
    assert Membership.objects.count() == 2  # nothing saved before confirmation
    with unchanged(), pytest.raises(DomainError):
        members_import_apply(actor=personas.reporter_b, scope=scope_for(personas.reporter_b), pending=pending)
    members_import_apply(actor=user, scope=scope_for(user), pending=pending)
    assert (
        Member.objects.count() == 3 and Membership.objects.filter(organization=orgs["women_a"]).count() == 3
    )
    assert Membership.objects.get(member__full_name="Trần Thị Mai").role == "Chi hội trưởng"
    assert MemberImport.objects.get().done
    with unchanged(), pytest.raises(DomainError):
        members_import_apply(actor=user, scope=scope_for(user), pending=pending)


def test_the_same_person_twice_in_a_file_or_a_wrong_header(personas, orgs, unchanged):
    with unchanged(), pytest.raises(DomainError) as err:
        prepare(
            personas.reporter_a,
            orgs["women_a"],
            workbook([row(), row("Khác", "01/01/1990"), row(" nguyen thi lan ")]),
        )
    assert err.value.errors["rows"] == ["Dòng 4: trùng người với dòng 2."]
    with unchanged(), pytest.raises(DomainError) as err:
        prepare(personas.reporter_a, orgs["women_a"], workbook([row()], header=["Tên", "Ngày sinh"]))
    assert err.value.code == "import_wrong_columns"
    with unchanged(), pytest.raises(DomainError):
        prepare(personas.reporter_b, orgs["women_a"], workbook([row()]))
