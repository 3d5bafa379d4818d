"""A name's pinyin and initials: every reading of the surname, letters kept; the staff record keeps them in step."""
import sqlalchemy as sa

from hrapp.core.pinyin import name_initials, name_pinyin
from hrapp.extensions import db
from hrapp.models import StaffMember


def test_pinyin_keeps_every_reading_of_the_surname_its_own_first():
    assert name_pinyin("曾国藩") == "zengguofan cengguofan"  # 曾 as a surname reads zeng: sorted under z
    assert name_initials("曾国藩") == "zgf cgf"
    assert name_pinyin("单田芳") == "shantianfang dantianfang chantianfang"
    assert name_pinyin("查良镛").split()[0] == "zhaliangyong"
    assert name_pinyin("张三") == "zhangsan" and name_initials("张三") == "zs"


def test_two_character_surnames_read_as_surnames_first_and_as_one_character_too():
    assert name_pinyin("万俟卨") == "moqixie wanqixie" and name_initials("万俟卨") == "mqx wqx"
    assert name_pinyin("尉迟恭") == "yuchigong weichigong yunchigong"
    assert name_pinyin("欧阳娜娜") == "ouyangnana"  # no table entry needed: one reading
    assert name_pinyin("单于飞") == "shanyufei danyufei chanyufei"  # 单 with a given name 于飞, not 单于


def test_letters_are_kept_lowercase_and_blank_is_blank():
    assert name_pinyin("Amy王") == "amywang"
    assert name_pinyin("") == "" and name_initials("  ") == ""


def test_the_staff_record_keeps_its_pinyin_in_step(app, org):
    staff = org.head_staff
    staff.name_zh = "欧阳娜娜"
    db.session.commit()
    assert (staff.name_pinyin, staff.name_initials) == ("ouyangnana", "oynn")


def test_a_bulk_insert_gets_the_pinyin_from_the_column_default(app, org):
    db.session.execute(sa.insert(StaffMember), [
        {"staff_number": "PY0001", "name_zh": "吕小明", "gender": "male", "department_id": org.head_staff.department_id,
         "hire_on": org.head_staff.hire_on}])
    row = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "PY0001"))
    assert (row.name_pinyin, row.name_initials) == ("lvxiaoming", "lxm")
