"""Process start -> first painted frame of a top-level window, read from Qt's own log.

Used by `bench/app_bench.py` (dev, offscreen) and `packaging/package_test.py` (installed app, xcb), so both
measure the app and the bare window the same way. Nothing is injected into the measured process: Qt logs a
line when it paints a top-level window's first frame, and %{time boot} is CLOCK_MONOTONIC, the clock of
Python's time.monotonic(), so the parent times it from the moment it started the process. (An app-wide
Python event filter, the obvious alternative, costs the app more than the bare window: every event of
every widget would pass through Python.)
"""
from __future__ import annotations

import signal
import subprocess
import time

PAINT_LOG = {"QT_LOGGING_RULES": "qt.widgets.painting=true", "QT_MESSAGE_PATTERN": "%{time boot} %{message}"}
PAINT_MARK = "Painting and flushing dirty top level"
TIMEOUT = 60

# The reference: an empty PySide6 main window of the app's size.
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 760)
window.show()
app.exec()
"""


class NoWindow(Exception):
    pass


def first_paint(cmd: list[str], env: dict[str, str], **popen) -> tuple[float, subprocess.Popen]:
    """Seconds from starting `cmd` to its first painted window; the process is left running."""
    env = dict(env, **PAINT_LOG)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen)
    deadline = started + TIMEOUT
    for line in proc.stderr:
        if PAINT_MARK in line:
            return float(line.split()[0]) - started, proc
        if time.monotonic() > deadline:
            break
    stop(proc)
    raise NoWindow(f"{' '.join(cmd)} showed no window within {TIMEOUT} s (exit {proc.returncode})")


def paint_once(cmd: list[str], env: dict[str, str], **popen) -> float:
    seconds, proc = first_paint(cmd, env, **popen)
    stop(proc)
    return seconds


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()
