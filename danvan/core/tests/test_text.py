from danvan.core.text import fold, sort_key


def test_fold_strips_diacritics_and_folds_d():
    assert fold("Hồng Ngự") == "hong ngu"
    assert fold("Thoại Sơn") == "thoai son"
    assert fold("Đồng Tháp") == "dong thap"
    assert fold("Dân vận khéo") == "dan van kheo"
    assert fold("Bà Rịa - Vũng Tàu") == "ba ria vung tau"


def test_fold_handles_decomposed_input():
    decomposed = "Ho\u0302\u0300ng Ngu\u031b\u0323"
    assert fold(decomposed) == "hong ngu"


def test_sort_key_follows_vietnamese_alphabet():
    names = ["Đồng Tháp", "Dương Minh Châu", "Ân Thi", "An Giang", "Ấp Bắc", "Bình Dương", "Ăn Uống"]
    ordered = sorted(names, key=sort_key)
    assert ordered == [
        "An Giang",
        "Ăn Uống",
        "Ân Thi",
        "Ấp Bắc",
        "Bình Dương",
        "Dương Minh Châu",
        "Đồng Tháp",
    ]


def test_sort_key_orders_tones_after_letters():
    assert sorted(["má", "mà", "ma", "mạ", "mã", "mả"], key=sort_key) == ["ma", "mà", "má", "mả", "mã", "mạ"]
