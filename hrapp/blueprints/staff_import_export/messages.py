"""Translated texts for the import problem codes and the column help."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.staff.services import TRANSLATED as STAFF_MESSAGES
from hrapp.core.money_fields import MONEY_MESSAGES, money_message
from hrapp.core.pay import BELOW_MINIMUM

# File-level problems (reader.FileProblem and header checks); %(detail)s is filled in.
FILE_MESSAGES = {
    "extension": _l("Upload a .xlsx or .csv file."),
    "empty": _l("The file is empty."),
    "not_xlsx": _l("This file is not a valid XLSX workbook. Save it from Excel as .xlsx, or as CSV."),
    "not_text": _l("This file is not a readable CSV file. Save it as CSV (UTF-8 or GB18030)."),
    "bad_csv": _l("The CSV file is malformed: %(detail)s"),
    "too_big": _l("The workbook is too large once unpacked."),
    "too_many_rows": _l("The file has more than %(detail)s rows; split it into smaller files."),
    "too_many_columns": _l("The file has more than %(detail)s columns."),
    "no_header": _l("The file has no header row."),
    "no_rows": _l("The file has a header row but no data rows."),
    "unknown_column": _l("Unknown column “%(detail)s”."),
    "duplicate_column": _l("Column “%(detail)s” appears more than once."),
    "missing_column": _l("Required column “%(detail)s” is missing."),
}

# Cell and row problems: the staff rules' messages plus the import's own.
ROW_MESSAGES = {
    **STAFF_MESSAGES,
    "required": _l("A value is required."),
    "too_long": _l("Too long (at most %(detail)s characters)."),
    "date": _l("Not a valid date; use YYYY-MM-DD."),
    "gender": _l("Unknown gender “%(detail)s”: use 男/女 or male/female."),
    "status": _l("Unknown status “%(detail)s”: use 试用/在职/停职/离职 or probation/active/suspended/left."),
    "email": _l("Not a valid email address."),
    "duplicate_in_file": _l("This staff number also appears on row %(detail)s."),
    "unknown_department": _l("Unknown department code “%(detail)s”."),
    "unknown_position": _l("Unknown position code “%(detail)s”."),
    "unknown_superior": _l("No staff member “%(detail)s” in the records or in this file."),
    "superior_loop": _l("The superiors given in this file form a loop."),
    "no_header_value": _l("A value in a column without a header."),
    "long_number": _l("Excel stored this long number inaccurately: format the column as text and enter it again."),
}

COLUMN_HELP = {
    "staff_number": _l("Staff number; identifies the record: an existing number updates it, a new one creates it."),
    "name_zh": _l("Chinese name."),
    "name_en": _l("English name."),
    "gender": _l("男/女 or male/female."),
    "birth_on": _l("Birth date, YYYY-MM-DD or an Excel date."),
    "id_number": _l("18-character resident ID number."),
    "phone": _l("Phone number."),
    "email": _l("Email address."),
    "department_code": _l("Department code, as on the organisation page."),
    "position_code": _l("Position code, as on the positions page."),
    "superior_staff_number": _l("Staff number of the direct superior; may be a row of the same file."),
    "hire_on": _l("Hire date."),
    "status": _l("试用/在职/停职/离职 or probation/active/suspended/left; empty keeps the current status "
                 "(new staff: probation)."),
    "left_on": _l("Leaving date; required when the status is 'left'."),
    "career_started_on": _l("Career start date (参加工作日期) for annual leave; empty: the hire date."),
    "probation_ends_on": _l("Last day of the probation period; not before the hire date."),
    "contract_ends_on": _l("Last day of the labour contract (empty: open-ended); not before the hire date."),
    "daily_wage": _l("Daily wage in yuan, at most 2 decimals; empty keeps the current amount. A new person "
                     "needs the daily wage, the monthly base pay or both."),
    "monthly_base": _l("Monthly base pay in yuan, at most 2 decimals; empty keeps the current amount. A new "
                       "person needs the daily wage, the monthly base pay or both."),
    "emergency_contact_name": _l("Emergency contact's name."),
    "emergency_contact_phone": _l("Emergency contact's phone number."),
    "notes": _l("Notes."),
}


def file_message(code: str, detail: object = "") -> str:
    """The translated text for a file-level problem code."""
    message = str(FILE_MESSAGES.get(code, code))
    return message % {"detail": detail} if "%(" in message else message


def row_message(code: str, detail: object = "") -> str:
    """The translated text for a cell or row problem code (for money codes the detail is the
    ceiling, for BELOW_MINIMUM the minimum wage)."""
    if code in MONEY_MESSAGES:
        return money_message(code, detail or None)
    if code == BELOW_MINIMUM:
        return str(ROW_MESSAGES[code]) % {"minimum": f"{detail:,.2f}"}
    message = str(ROW_MESSAGES.get(code, code))
    return message % {"detail": detail} if "%(" in message else message
