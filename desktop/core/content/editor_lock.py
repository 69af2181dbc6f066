"""One content folder, one editor at a time: a lock file (`.editor-lock` in the content folder) naming the user,
the computer and the time it was taken, so a second editor is told who is editing instead of silently
overwriting their work.

    lock = EditorLock(content_dir)
    other = lock.acquire()          # None: the lock is ours; else the other editor's LockInfo
    if other and ask_the_person(other.describe()):
        lock.acquire(take_over=True)
    ...
    lock.release()

A lock older than STALE_AFTER (an editor that crashed or was left open overnight) is taken without asking."""
from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from .roundtrip import write_atomic

LOCK_NAME = ".editor-lock"
STALE_AFTER = _dt.timedelta(hours=12)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "?"


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: _dt.datetime

    def describe(self) -> str:
        return _("{user} on {host} has been editing this content since {time} UTC").format(
            user=self.user, host=self.host, time=self.since.strftime("%Y-%m-%d %H:%M"))

    def is_stale(self, now: _dt.datetime | None = None) -> bool:
        return (now or _now()) - self.since > STALE_AFTER

    def to_json(self) -> str:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid,
                           "since": self.since.isoformat()}, ensure_ascii=False) + "\n"


class EditorLock:
    """The lock of one content folder for this process."""

    def __init__(self, content_dir: Path | str) -> None:
        self.path = Path(content_dir) / LOCK_NAME
        self.me = LockInfo(_user(), socket.gethostname(), os.getpid(), _now())
        self.held = False

    def holder(self) -> LockInfo | None:
        """Who holds the lock now (None when nobody does; an unreadable lock file counts as nobody's)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            since = _dt.datetime.fromisoformat(str(data["since"]))
            if since.tzinfo is None:
                since = since.replace(tzinfo=_dt.UTC)
            return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), since)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _mine(self, info: LockInfo) -> bool:
        return (info.user, info.host, info.pid) == (self.me.user, self.me.host, self.me.pid)

    def acquire(self, take_over: bool = False) -> LockInfo | None:
        """Take the lock. Returns None when it is ours now; when another editor holds a live lock (not older
        than STALE_AFTER), returns that editor's LockInfo and leaves their lock alone unless `take_over`."""
        other = self.holder()
        if other is not None and not self._mine(other) and not other.is_stale() and not take_over:
            return other
        if other is None and not self.path.exists():
            try:  # created only if still absent: two editors starting together do not both get it
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return self.acquire(take_over)
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(self.me.to_json())
        else:
            write_atomic(self.path, self.me.to_json().encode("utf-8"))
        self.held = True
        return None

    def refresh(self) -> None:
        """Renew the time of our lock (an editor open for long keeps its lock from turning stale)."""
        if self.held:
            self.me = LockInfo(self.me.user, self.me.host, self.me.pid, _now())
            write_atomic(self.path, self.me.to_json().encode("utf-8"))

    def release(self) -> None:
        """Remove the lock if it is still ours (a lock another editor took over is left to them)."""
        if not self.held:
            return
        self.held = False
        info = self.holder()
        if info is not None and self._mine(info):
            self.path.unlink(missing_ok=True)
