"""The one error type of signed updates, and the two ways a pack file is reported as bad."""
from __future__ import annotations

from ..i18n import _


class PackError(Exception):
    """An update that cannot be built, verified, installed or rolled back; `message` is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def damaged(detail: str) -> PackError:
    return PackError("damaged", _("This file is damaged: {detail}. Copy the update again from the "
                                  "central office's original.").format(detail=detail))


def unsafe(detail: str) -> PackError:
    return PackError("unsafe", _("This file is damaged or has been tampered with: {detail}. "
                                 "Nothing was installed.").format(detail=detail))

