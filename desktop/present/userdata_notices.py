"""What the advisor is told when start-up could not use their bookmarks and notes file as it was
(core/userdata_recovery.py gives the Recovery): what was put aside and where, what was restored and from
when, and whether changes last. The window says it after its first paint; the self-check says the same."""
from __future__ import annotations

from ..core.i18n import N_, format_date, translator
from ..core.userdata_backup import BackupCopy
from ..core.userdata_recovery import Recovery

PUT_ASIDE = {
    "damaged": N_("Your bookmarks and notes file was damaged and has been put aside as {file}."),
    "unreadable": N_("Your bookmarks and notes file could not be read and has been put aside as {file}."),
    "directory": N_("A folder stood where your bookmarks and notes file belongs; it has been put aside as "
                    "{file}."),
}
NOT_PUT_ASIDE = {
    "damaged": N_("Your bookmarks and notes file {file} is damaged and could not be put aside ({error})."),
    "unreadable": N_("Your bookmarks and notes file {file} cannot be read and could not be put aside "
                     "({error})."),
    "directory": N_("A folder {file} stands where your bookmarks and notes file belongs and could not be put "
                    "aside ({error})."),
    "read_only": N_("Your bookmarks and notes file {file} cannot be written ({error})."),
}
MISSING = N_("Your bookmarks and notes file {file} was missing.")
RESTORED = N_("Restored the copy from {when} ({bookmarks}, {notes}).")
NO_COPY = N_("There was no backup copy, so bookmarks and notes start empty.")
IN_MEMORY = N_("It cannot be saved there ({error}): changes to bookmarks and notes last only until Migrant "
               "Desk closes.")
IN_MEMORY_AS_FOUND = N_("Changes to bookmarks and notes last only until Migrant Desk closes.")


def when_taken(copy: BackupCopy, lang: str) -> str:
    """The copy's date and time as the advisor reads it: "2 December 2026 14:05"."""
    return f"{format_date(copy.taken_at.date(), lang)} {copy.taken_at:%H:%M}"


def recovery_notice(recovery: Recovery, lang: str) -> str:
    """One paragraph: what was wrong with the file, what was kept aside, what is used now."""
    t = translator(lang)
    sentences = []
    if recovery.problem == "missing":
        sentences.append(t.gettext(MISSING).format(file=recovery.path))
    elif recovery.put_aside is not None:
        sentences.append(t.gettext(PUT_ASIDE[recovery.problem]).format(file=recovery.put_aside))
    else:
        sentences.append(t.gettext(NOT_PUT_ASIDE[recovery.problem]).format(file=recovery.path,
                                                                             error=recovery.error))
    copy = recovery.restored
    if copy is not None:
        sentences.append(t.gettext(RESTORED).format(
            when=when_taken(copy, lang),
            bookmarks=t.ngettext("{n} bookmark", "{n} bookmarks", copy.contents.bookmarks).format(
                n=copy.contents.bookmarks),
            notes=t.ngettext("{n} note", "{n} notes", copy.contents.notes).format(n=copy.contents.notes)))
    elif recovery.problem != "read_only":
        sentences.append(t.gettext(NO_COPY))
    if recovery.in_memory:
        moved_or_missing = recovery.put_aside is not None or recovery.problem == "missing"
        sentences.append(t.gettext(IN_MEMORY).format(error=recovery.error) if moved_or_missing
                         else t.gettext(IN_MEMORY_AS_FOUND))
    return " ".join(sentences)
