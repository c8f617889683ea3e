"""Seed the kinds of organization. Admins may rename, reorder or retire them later (admin site);
this migration only adds the kinds that are missing, looked up by their stable code."""

from django.db import migrations

# (code, name, order, is_historic)
KINDS = [
    ("cap_uy", "Đảng ủy, cấp ủy", 10, False),
    ("ban_tuyen_giao_dan_van", "Ban Tuyên giáo và Dân vận", 20, False),
    ("ban_xay_dung_dang", "Ban Xây dựng Đảng", 30, False),
    ("uy_ban_kiem_tra", "Ủy ban Kiểm tra", 40, False),
    ("van_phong_cap_uy", "Văn phòng cấp ủy", 50, False),
    ("hdnd", "Hội đồng nhân dân", 60, False),
    ("ubnd", "Ủy ban nhân dân", 70, False),
    ("co_quan_chuyen_mon", "Cơ quan chuyên môn", 80, False),
    ("mttq", "Ủy ban MTTQ Việt Nam", 90, False),
    ("doan_thanh_nien", "Đoàn TNCS Hồ Chí Minh", 100, False),
    ("hoi_phu_nu", "Hội Liên hiệp Phụ nữ", 110, False),
    ("hoi_nong_dan", "Hội Nông dân", 120, False),
    ("hoi_cuu_chien_binh", "Hội Cựu chiến binh", 130, False),
    ("cong_doan", "Công đoàn", 140, False),
    ("cong_an", "Công an", 150, False),
    ("quan_su", "Quân sự", 160, False),
    ("chi_bo_dang_bo", "Chi bộ, đảng bộ", 170, False),
    ("co_quan_don_vi", "Cơ quan, đơn vị", 180, False),
    ("truong_hoc", "Trường học", 190, False),
    ("doanh_nghiep", "Doanh nghiệp", 200, False),
    ("ban_cong_tac_mat_tran", "Ban công tác Mặt trận khu dân cư", 210, False),
    ("ban_dan_van", "Ban Dân vận (trước năm 2025)", 900, True),
]


def seed(apps, schema_editor):
    OrganizationKind = apps.get_model("orgs", "OrganizationKind")
    for code, name, order, is_historic in KINDS:
        OrganizationKind.objects.get_or_create(
            code=code, defaults={"name": name, "order": order, "is_historic": is_historic}
        )


class Migration(migrations.Migration):
    dependencies = [("orgs", "0002_kind_historic_position_note")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
