"""Read and validate db/content: YAML files -> model objects, with every problem located.

Every problem is reported as `path:line: record-id: field: message`, and all of them are collected
(not only the first) so a content editor can fix a whole batch in one pass.

    problems     Problem, ContentError and Content, what loading gives
    yaml_lines   YAML with the line number of every key and item, read within limits (size, depth, no aliases)
    checker      typed readers of one record's data, each problem at its line
    records      agreements, procedures and contacts
    reference    regions, countries and the everyday words of procedure topics
    tree         the whole tree and the checks across records
"""
from __future__ import annotations

from .problems import Content, ContentError, Problem
from .tree import load_content

__all__ = ["Content", "ContentError", "Problem", "load_content"]
