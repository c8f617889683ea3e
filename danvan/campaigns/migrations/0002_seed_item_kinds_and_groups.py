"""Seed the item kinds and beneficiary groups. Admins may rename, reorder or retire them later;
this migration only adds the missing ones, looked up by their stable code."""

from django.db import migrations

# (code, name, counted as, measure, is a new house, order)
ITEM_KINDS = [
    ("suat_qua", "Suất quà", "suất quà", "suất", False, 10),
    ("hoc_bong", "Học bổng", "suất học bổng", "suất", False, 20),
    ("nha_dai_doan_ket", "Nhà Đại đoàn kết", "căn nhà Đại đoàn kết", "căn", True, 30),
    ("nha_tinh_nghia", "Nhà tình nghĩa", "căn nhà tình nghĩa", "căn", True, 40),
    ("sua_chua_nha", "Sửa chữa nhà", "căn nhà được sửa chữa", "căn", False, 50),
    ("dien_thoai_thong_minh", "Điện thoại thông minh", "chiếc điện thoại thông minh", "chiếc", False, 60),
    ("xe_dap", "Xe đạp", "chiếc xe đạp", "chiếc", False, 70),
    ("bao_hiem_y_te", "Thẻ bảo hiểm y tế", "thẻ bảo hiểm y tế", "thẻ", False, 80),
    ("tien_mat", "Hỗ trợ tiền mặt", "suất hỗ trợ tiền mặt", "suất", False, 90),
]
# (code, name, order)
GROUPS = [
    ("ho_ngheo", "Hộ nghèo", 10),
    ("ho_can_ngheo", "Hộ cận nghèo", 20),
    ("gia_dinh_chinh_sach", "Gia đình chính sách", 30),
    ("bao_tro_xa_hoi", "Đối tượng bảo trợ xã hội", 40),
    ("hoc_sinh_kho_khan", "Học sinh có hoàn cảnh khó khăn", 50),
    ("nguoi_cao_tuoi", "Người cao tuổi", 60),
    ("nguoi_khuyet_tat", "Người khuyết tật", 70),
    ("ho_kho_khan", "Hộ có hoàn cảnh khó khăn", 80),
]


def seed(apps, schema_editor):
    ItemKind = apps.get_model("campaigns", "ItemKind")
    BeneficiaryGroup = apps.get_model("campaigns", "BeneficiaryGroup")
    for code, name, counted_as, measure, is_house, order in ITEM_KINDS:
        ItemKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "counted_as": counted_as,
                "measure": measure,
                "is_house": is_house,
                "order": order,
            },
        )
    for code, name, order in GROUPS:
        BeneficiaryGroup.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
