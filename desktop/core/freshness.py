"""How current a record is, and which of its sources may be shown as the official one.

- `review_by`: the day after which a record "needs review" (its own `review_by`, else `verified_on` plus
  REVIEW_MONTHS months); `needs_review(record, today)` says whether that day has passed.
- `newest_source_date`: the newest date among the record's sources (what the facts can be true "as of"), shown
  beside the check date: "Checked 24 Nov 2026 · newest source: Mar 2026".
- `best_official_source`: the source a sheet's QR code and the "official source" link point at. It never
  returns a `commercial` source (nor one without a type, from a dataset built before source types): official
  first, then a legal text (`code`), then an NGO, then news; within a type the newest. Used by the record
  view and meant for the client sheet (core/sheets) as the one place that choice is made.
"""
from __future__ import annotations

import datetime as _dt
import re

from . import model as m
from .deadlines import add_months

# the order in which a source is preferred as "the official source"; commercial is never chosen
OFFICIAL_RANK = ("official", "code", "ngo", "news")
_FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(text: str | None) -> _dt.date | None:
    """A YYYY-MM-DD text as a date (None for partial or missing dates)."""
    if not text or not _FULL_DATE_RE.match(text):
        return None
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def default_review_by(verified_on: str | None) -> str | None:
    """verified_on + REVIEW_MONTHS months, or None when verified_on is not a full date."""
    day = parse_day(verified_on)
    return add_months(day, m.REVIEW_MONTHS).isoformat() if day else None


def review_by(record: m.Record) -> _dt.date | None:
    return parse_day(record.review_by) or parse_day(default_review_by(record.verified_on))


def needs_review(record: m.Record, today: _dt.date) -> bool:
    """True once `today` is later than the record's review date."""
    return is_past(review_by(record), today)


def is_past(due: _dt.date | str | None, today: _dt.date) -> bool:
    """True when a review date (a date or its YYYY-MM-DD text) lies before `today`."""
    day = parse_day(due) if isinstance(due, str) else due
    return day is not None and today > day


def newest_source_date(record: m.Record) -> str | None:
    """The newest `date` among the record's sources, as written (YYYY, YYYY-MM or YYYY-MM-DD)."""
    dates = [s.date for s in record.sources if s.date]
    return max(dates) if dates else None  # ISO text: '2026-03' < '2026-03-05' < '2026-04'


def best_official_source(record: m.Record) -> m.Source | None:
    """The source with a web address to show as "the official source" (and to put in a QR code): never a
    `commercial` one. Official, then code, then ngo, then news; the newest first within a type; None when the
    record has no such source."""
    candidates = [s for s in record.sources if s.url and s.type in OFFICIAL_RANK]
    if not candidates:
        return None
    return min(candidates, key=lambda s: (OFFICIAL_RANK.index(s.type or "news"),
                                          _invert(s.date or "")))


def _invert(date: str) -> tuple[int, ...]:
    """A key that sorts newer dates first (undated last)."""
    digits = [int(part) for part in date.split("-") if part.isdigit()]
    return tuple(-d for d in digits) + (1,) if digits else (0, 1)
