"""What the advisor is told when a place or a dataset was passed over at start-up (core/dataset_faults.py
gives the codes), and when no data can be opened at all. The window, the command line and the
self-check all use these, so they say the same."""
from __future__ import annotations

from ..core.dataset_faults import Skipped
from ..core.datasets import ActiveDataset, NoDatasetError
from ..core.i18n import N_, translator
from ..core.store import DatasetError

SHARED_FOLDER = {"permission": N_("The shared data folder {folder} cannot be read (permission denied)"),
                 "unreadable": N_("The shared data folder {folder} cannot be read ({error})"),
                 "missing": N_("The shared data folder {folder} cannot be reached (it is not there)"),
                 "no_dataset": N_("The shared data folder {folder} holds no data")}
OTHER_FOLDER = {"permission": N_("The data folder {folder} cannot be read (permission denied)"),
                "unreadable": N_("The data folder {folder} cannot be read ({error})")}
DATASET = {"permission": N_("The data file {file} cannot be read (permission denied)"),
           "unreadable": N_("The data file {file} cannot be read ({error})"),
           "truncated": N_("The data file {file} is damaged: it is shorter than it should be"),
           "not_database": N_("The data file {file} is damaged: it is not a database"),
           "damaged": N_("The data file {file} is damaged ({error})"),
           "too_new": N_("The data file {file} needs a newer version of Migrant Desk")}
USING = {"shared": N_("{problem}; using the data in the shared folder."),
         "installed": N_("{problem}; using the data updates installed on this computer."),
         "bundled": N_("{problem}; using the data that came with the app.")}


def problem(skipped: Skipped, lang: str) -> str:
    """What is wrong with one place or dataset, naming it."""
    t = translator(lang)
    if skipped.what == "dataset":
        template = DATASET.get(skipped.reason, DATASET["damaged"])
    else:
        words = SHARED_FOLDER if skipped.source == "shared" else OTHER_FOLDER
        template = words.get(skipped.reason, words["unreadable"])
    return t.gettext(template).format(folder=skipped.path, file=skipped.path, error=skipped.detail)


def notices(active: ActiveDataset, lang: str) -> list[str]:
    """One line for each place or dataset passed over on the way to `active`, saying what is used instead."""
    t = translator(lang)
    return [t.gettext(USING[active.source]).format(problem=problem(s, lang)) for s in active.skipped]


def no_data(error: DatasetError, lang: str) -> str:
    """The one message when no dataset can be opened: what was found wrong, and what to do."""
    skipped = error.skipped if isinstance(error, NoDatasetError) else ()
    if not skipped:
        return str(error)
    return translator(lang).gettext(
        "No data can be opened. {problems} Reinstall the app or install a data update.").format(
        problems=" ".join(problem(s, lang) + "." for s in skipped))
