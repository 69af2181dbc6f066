"""The search panel at first start (no question typed yet): its rows sit one under the other at the top, the
hint right below them, whatever free height the window has."""
from __future__ import annotations

import pytest

from tests.test_main_window import close_window, make_window


@pytest.mark.parametrize("height", [768, 1080])
def test_the_rows_stay_together_at_the_top_before_a_question(qtbot, real_dataset, tmp_path, height):
    window = make_window(qtbot, real_dataset, tmp_path)
    try:
        window.resize(1366, height)
        qtbot.wait(50)
        panel = window.search
        field, region = panel.field, panel.region
        buttons = list(panel.kind_buttons.values())
        rows = [field, region, buttons[0], panel.status, panel.empty]
        tops = [w.mapTo(panel, w.rect().topLeft()).y() for w in rows]
        bottoms = [w.mapTo(panel, w.rect().bottomLeft()).y() for w in rows]
        gaps = dict(zip(["region", "kinds", "status", "hint"],
                        [top - bottom for top, bottom in zip(tops[1:], bottoms[:-1], strict=True)], strict=True))
        # the hint's own paragraph margin is the last gap; before the fix each row took a share of the free
        # height (more than 100 pixels at 768)
        assert all(0 <= gaps[row] <= 16 for row in ("region", "kinds", "status")) and gaps["hint"] <= 40, gaps
        assert panel.empty.isVisible() and panel.empty.text()
    finally:
        close_window(window)
