"""Reading an uploaded device export: a tab-separated device log, or a CSV/XLSX read by a column mapping.

Reuses the staff import's reader (type sniffing, text decoding, size and zip-bomb checks) for CSV and XLSX,
and its staging (the rows kept in a private file between the steps, never in the session).
"""
from dataclasses import dataclass, field
from datetime import datetime

from hrapp.blueprints.staff_import_export.reader import FileProblem, decode_text, extension_of, read_table
from hrapp.core.localtime import zone_of

from .rules import (
    LOG_MAPPING,
    LineError,
    Mapping,
    ParsedPunch,
    attlog_rows,
    guess_mapping,
    looks_like_attlog,
    parse_table,
    parse_time,
)

__all__ = ["FileProblem", "ParsedFile", "parse_upload", "parsed_from_staged"]
MAX_LOG_LINES = 500_000


@dataclass
class ParsedFile:
    """A file's rows ((line, cells)), its headers (tables), the mapping (None: still to choose), the result."""

    kind: str  # "log" or "table"
    rows: list[tuple[int, list]]
    zone: str
    headers: list = field(default_factory=list)
    mapping: Mapping | None = None
    punches: list[ParsedPunch] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    def read(self, mapping: Mapping | None = None) -> "ParsedFile":
        """Parse the rows with `mapping` (default: the one the file has) into punches and errors."""
        self.mapping = mapping or self.mapping
        if self.mapping is not None:
            results = parse_table(self.rows, self.mapping, self.zone)
            self.punches = [r for r in results if isinstance(r, ParsedPunch)]
            self.errors = [r for r in results if isinstance(r, LineError)]
        return self

    def staged(self) -> tuple[list[dict], dict]:
        """The rows and the rest, JSON-safe, for staging between the steps."""
        rows = [{"line": line, "cells": [_json_cell(c) for c in cells]} for line, cells in self.rows]
        mapping = self.mapping
        extra = {"kind": self.kind, "zone": self.zone, "headers": [_json_cell(h) for h in self.headers],
                 "mapping": [mapping.clock_id, mapping.time, mapping.state, mapping.verify] if mapping else None}
        return rows, extra


def _json_cell(value: object) -> object:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if value is None or isinstance(value, int | float | str):
        return value
    return str(value)


def parsed_from_staged(rows: list[dict], extra: dict) -> ParsedFile:
    """Inverse of ParsedFile.staged, parsed again. :raise KeyError/TypeError: on data it did not write."""
    mapping = Mapping(*extra["mapping"]) if extra.get("mapping") else None
    parsed = ParsedFile(extra["kind"], [(r["line"], r["cells"]) for r in rows], extra["zone"],
                        extra.get("headers") or [], mapping)
    return parsed.read()


def parse_upload(filename: str, data: bytes, zone: str, mapping: Mapping | None = None) -> ParsedFile:
    """Read an upload: a device log with the log's columns; a table with `mapping`, else the mapping its
    headers name (user_id/timestamp/state, 工号/打卡时间/状态), else none yet (the caller asks for one).

    :raise FileProblem: the file as a whole cannot be read (codes of the staff import's reader).
    """
    extension = extension_of(filename)
    if extension != "xlsx":
        if not data:
            raise FileProblem("empty")
        text = decode_text(data)
        if extension != "csv" or looks_like_attlog(text):
            rows = attlog_rows(text)
            if len(rows) > MAX_LOG_LINES:
                raise FileProblem("too_many_rows", MAX_LOG_LINES)
            if not rows:
                raise FileProblem("no_rows")
            return ParsedFile("log", rows, zone, mapping=LOG_MAPPING).read()
    table = read_table(filename, data)
    headers, rows = list(table.headers), list(table.rows)
    mapping = mapping or guess_mapping(headers)
    if mapping is None and len(headers) >= 2 and parse_time(headers[1], zone_of(zone)) is not None:
        rows.insert(0, (1, headers))  # no header row: user id, time[, state]
        mapping = Mapping(0, 1, 2 if len(headers) > 2 else None)
        headers = [str(i + 1) for i in range(len(headers))]
    return ParsedFile("table", rows, zone, headers, mapping).read()
