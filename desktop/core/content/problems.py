"""What loading content gives: the Content (records and reference files) and every located Problem."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.record}: {self.field}: {self.message}"

    def relative(self) -> Problem:
        """The same problem with its path relative to the working folder, when it lies below it."""
        try:
            rel = Path(self.path).resolve().relative_to(Path.cwd())
        except ValueError:
            return self
        return Problem(str(rel), self.line, self.record, self.field, self.message)


@dataclass
class Content:
    records: list[m.Record] = field(default_factory=list)
    regions: list[m.Region] = field(default_factory=list)
    countries: list[m.Country] = field(default_factory=list)
    federal_districts: dict[str, dict[str, str]] = field(default_factory=dict)
    reference_sources: dict[str, list[m.Source]] = field(default_factory=dict)
    topic_words: dict[str, dict[str, str]] = field(default_factory=dict)  # topic -> {lang: words}
    # places, stop words and intents for the search (content/search_words.py): {kind, code, lang, words}
    search_words: list[dict[str, str]] = field(default_factory=list)
    dataset_version: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def by_id(self) -> dict[str, m.Record]:
        return {r.id: r for r in self.records}


class ContentError(Exception):
    """Content did not validate; `problems` holds every located problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in content:\n" + "\n".join(map(str, problems)))
