"""The audit vocabulary's lookups and `field: old → new` lines (pure: plain strings stand in for lazy ones)."""
import pytest

from hrapp.core.audit_vocabulary import AuditVocabulary, Change, Vocabulary

pytestmark = pytest.mark.unit

STAFF = AuditVocabulary(actions={"staff.update": "Staff record changed"}, record_types={"StaffMember": "Staff record"},
                        fields={"status": "Employment status"},
                        value_label=lambda field, value: {"active": "Active"}.get(value))
GENERAL = AuditVocabulary(fields={"status": "Status", "name": "Name"})


def test_unknown_keys_fall_back_to_the_stored_key():
    words = Vocabulary([STAFF, GENERAL, None])
    assert (words.action("staff.update"), words.action("x.y")) == ("Staff record changed", "x.y")
    assert words.record_type("Thing") == "Thing"


def test_the_record_types_module_names_its_fields_first():
    words = Vocabulary([STAFF, GENERAL])
    assert words.field("status", "StaffMember") == "Employment status"
    assert words.field("name", "StaffMember") == "Name"


def test_changes_pair_old_and_new_with_values_rendered_and_ids_named():
    words = Vocabulary([STAFF, GENERAL])
    words.names = {("department_id", 3): "前台 (FO)"}
    changes = words.changes({"status": "probation", "department_id": 2}, {"status": "active", "department_id": 3,
                                                                          "name": ""}, "StaffMember")
    assert changes == [Change("status", "Employment status", "probation", "Active"),
                       Change("department_id", "department_id", "2", "前台 (FO)"),
                       Change("name", "Name", "", "—")]
