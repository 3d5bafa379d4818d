"""The content a document fingerprints and the field-level difference between two contents."""
from dataclasses import dataclass
from datetime import date

from hrapp.blueprints.reports.content import Change, content_changes, content_digest, content_of


@dataclass(frozen=True)
class Row:
    staff_number: str
    code: str


@dataclass(frozen=True)
class Data:
    letterhead: object
    name: str
    on: date
    rows: tuple[Row, ...]
    codes: tuple[str, ...]
    signature_labels: tuple[str, ...] = ()


def _data(**kw):
    values = dict(letterhead="LH-1", name="张三", on=date(2026, 5, 1), rows=(Row("S1", "早"), Row("S2", "中")),
                  codes=("早", "休"), signature_labels=("HR",))
    values.update(kw)
    return Data(**values)


def test_content_leaves_out_the_letterhead_and_captions_and_is_json():
    content = content_of(_data())
    assert content == {"name": "张三", "on": "2026-05-01", "codes": ["早", "休"],
                       "rows": [{"staff_number": "S1", "code": "早"}, {"staff_number": "S2", "code": "中"}]}


def test_digest_ignores_the_document_fields_but_not_the_record():
    assert content_digest(content_of(_data())) == content_digest(content_of(_data(letterhead="LH-2")))
    assert content_digest(content_of(_data())) != content_digest(content_of(_data(name="李四")))


def test_changes_name_fields_and_rows_by_identity():
    old = content_of(_data())
    new = content_of(_data(name="李四", rows=(Row("S2", "夜"), Row("S3", "早")), codes=("早", "中")))
    assert content_changes(old, new) == [
        Change(("name",), "张三", "李四"),
        Change(("rows", "S1"), {"staff_number": "S1", "code": "早"}, None),
        Change(("rows", "S2", "code"), "中", "夜"),
        Change(("rows", "S3"), None, {"staff_number": "S3", "code": "早"}),
        Change(("codes", "2"), "休", "中"),
    ]


def test_no_changes_between_equal_contents():
    assert content_changes(content_of(_data()), content_of(_data(letterhead="other"))) == []


def test_nested_dicts_by_key():
    assert content_changes({"lines": {"S1 张三": {"codes": {"2026-05-03": "早"}}}},
                           {"lines": {"S1 张三": {"codes": {"2026-05-03": "休"}}}}) == [
        Change(("lines", "S1 张三", "codes", "2026-05-03"), "早", "休")]


def test_a_certificate_subject_reads_as_names_without_attribute_labels():
    from hrapp.blueprints.reports.verify import subject_names
    assert subject_names({"common_name": "张三", "organization_name": "示例酒店", "country_name": "CN"}) == "张三 · 示例酒店"
    assert subject_names({"common_name": "hrapp Root CA"}) == "hrapp Root CA"
