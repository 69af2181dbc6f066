"""Interface language: gettext catalogs, the current language, locale formatting.

English is the source language. `translator(lang)` answers in any language (a sheet is printed in the
client's language whatever the interface speaks); `_`, `ngettext` and `pgettext` are its shortcuts
for the current interface language. Windows register a callback with `on_language_changed` and
re-set their texts when it changes, so the language switches live without a restart.
"""
from __future__ import annotations

import datetime as _dt
import functools
import gettext
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from . import languages

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "messages"

_state = {"lang": languages.SOURCE}
_listeners: list[weakref.ref[Callable[[], None]]] = []


def _always_alive(owner: object) -> bool:
    return True


# Set by the UI: whether a listener's owner still exists (a Qt widget can be deleted while Python
# still holds its wrapper). Core code knows nothing of Qt.
_owner_alive: Callable[[object], bool] = _always_alive


def set_owner_check(check: Callable[[object], bool]) -> None:
    global _owner_alive
    _owner_alive = check


def translations_dir() -> Path:
    return paths.app_root() / "translations"


def current_language() -> str:
    return _state["lang"]


@functools.cache
def translator(lang: str) -> gettext.NullTranslations:
    """The catalog of one language (uz_Cyrl: the one derived from Uzbek); English, the source, has none."""
    if lang not in languages.NAMES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == languages.SOURCE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, translations_dir(), languages=[lang], fallback=True)


def set_language(lang: str) -> None:
    if lang not in languages.INTERFACE:
        raise ValueError(f"unknown interface language {lang!r}")
    _state["lang"] = lang
    for ref in list(_listeners):
        callback = ref()
        if callback is None or not _owner_alive(getattr(callback, "__self__", None)):
            _listeners.remove(ref)
        else:
            callback()


def on_language_changed(callback: Callable[[], None]) -> None:
    """Call `callback` after every language change; held weakly (a closed window is forgotten)."""
    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else weakref.ref(callback)
    _listeners.append(ref)


def forget_listeners(owner: object) -> None:
    """Stop calling `owner`'s methods on a language change (a dialog that closes: its deletion may wait
    for the event loop, the next language change need not reach it)."""
    _listeners[:] = [ref for ref in _listeners
                     if (callback := ref()) is not None and getattr(callback, "__self__", None) is not owner]


def _(message: str) -> str:
    return translator(_state["lang"]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_state["lang"]).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translator(_state["lang"]).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; translate it with _() where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """N_ with a context (translate with pgettext(context, message) where it is shown)."""
    return message


def default_language(system_locale: str) -> str:
    """First start: the system's language when it is Uzbek, Kyrgyz or Russian, otherwise Russian."""
    code = (system_locale or "").replace("-", "_")
    if code.startswith("uz"):
        return "uz_Cyrl" if "Cyrl" in code else "uz"
    for lang in ("ky", "ru"):
        if code.startswith(lang):
            return lang
    return "ru"


def _babel_locale(lang: str) -> Locale:
    from babel import Locale  # loaded on first use: it is not needed to paint the window

    return Locale.parse(languages.BABEL_LOCALES.get(lang, lang))


def format_date(value: _dt.date | str | None, lang: str | None = None) -> str:
    """A date in the interface language's long form (24 ноября 2026 г.); partial dates as given."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            day = _dt.date.fromisoformat(value)
        except ValueError:
            return value  # YYYY or YYYY-MM: shown as written
    else:
        day = value
    from babel.dates import format_date as babel_format_date

    text = babel_format_date(day, format="long", locale=_babel_locale(lang or current_language()))
    return text.replace("‘", "ʻ").replace("'", "ʻ") if (lang or current_language()) == "uz" else text


def format_month(value: str, lang: str | None = None) -> str:
    """A month without its day (YYYY-MM) in the interface language: "March 2026", "март 2026 г."; any other
    text as format_date says it."""
    if len(value) != 7 or value[4] != "-" or not value.replace("-", "").isdigit() or not 1 <= int(value[5:]) <= 12:
        return format_date(value, lang)
    from babel.dates import format_skeleton

    day = _dt.date(int(value[:4]), int(value[5:]), 1)
    text = str(format_skeleton("yMMMM", day, locale=_babel_locale(lang or current_language())))
    return text.replace("‘", "ʻ").replace("'", "ʻ") if (lang or current_language()) == "uz" else text

