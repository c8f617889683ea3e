"""HTML pages of the Dân vận khéo registry, one module per part."""

from danvan.practices.views.detail import adopt, commend, detail, publish, transition
from danvan.practices.views.evaluation import (
    round_add,
    round_decision,
    round_detail,
    round_finish,
    round_new,
    round_score,
    round_scoring,
    rounds,
)
from danvan.practices.views.imports import import_page, import_template
from danvan.practices.views.lists import export, index
from danvan.practices.views.progress import attachment, progress
from danvan.practices.views.public import showcase, showcase_detail
from danvan.practices.views.registration import edit, register, similar
from danvan.practices.views.stats import stats, stats_export

__all__ = [
    "adopt",
    "attachment",
    "commend",
    "detail",
    "edit",
    "export",
    "import_page",
    "import_template",
    "index",
    "progress",
    "publish",
    "register",
    "round_add",
    "round_decision",
    "round_detail",
    "round_finish",
    "round_new",
    "round_score",
    "round_scoring",
    "rounds",
    "showcase",
    "showcase_detail",
    "similar",
    "stats",
    "stats_export",
    "transition",
]
