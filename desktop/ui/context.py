"""What every window and panel needs, passed explicitly (no globals): data, search, user data, settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core import model as m
from ..core.store import Store
from ..core.userdata import UserData
from ..environment import Settings

if TYPE_CHECKING:
    from ..core.search import SearchIndex


@dataclass
class AppContext:
    store: Store
    index: SearchIndex | None     # None for the moment between the first paint and the index opening
    userdata: UserData
    settings: Settings
    _regions: list[m.Region] | None = field(default=None, repr=False)
    _countries: dict[str, m.Country] | None = field(default=None, repr=False)
    region_models: dict = field(default_factory=dict, repr=False)   # see widgets.region_model

    @property
    def lang(self) -> str:
        """Content language: ru, uz, ky or en (uz_Cyrl shows Uzbek content transliterated)."""
        return self.settings.content_language

    def replace_data(self, store: Store, index: SearchIndex) -> None:
        """Switch to another dataset (an installed update); cached reference data is read again."""
        self.store, self.index = store, index
        self._regions = self._countries = None
        self.region_models = {}

    def regions(self) -> list[m.Region]:
        if self._regions is None:
            self._regions = self.store.regions()
        return self._regions

    def countries(self) -> dict[str, m.Country]:
        if self._countries is None:
            self._countries = {c.code: c for c in self.store.countries()}
        return self._countries
