"""The content editor's file layer, in one place (the shared API of the editor window, the translation exchange
and publishing):

    RecordFile.open(path)      a round-trip document of one record file: get/set/delete, changed_paths, line,
                               save (atomic, refuses a file changed on disk since open)     -> record_file.py
    new_from_template(kind, id, content_dir)   a new draft record file from its kind's template
    retire(record_file, status, successor_id)  superseded/expired, the successor linked   -> record_templates.py
"""
from __future__ import annotations

from .record_file import ChangedOnDisk, RecordFile, RecordFileError, to_plain, write_atomic
from .record_templates import RETIRED_STATUSES, TEMPLATES, find_record, new_from_template, retire

__all__ = ["RETIRED_STATUSES", "TEMPLATES", "ChangedOnDisk", "RecordFile", "RecordFileError", "find_record",
           "new_from_template", "retire", "to_plain", "write_atomic"]
