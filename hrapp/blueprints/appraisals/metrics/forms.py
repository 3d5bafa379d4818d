"""The KPI page's forms: the upload of a CSV / XLSX file and the refresh of the system metrics (both carry the
cycle's version, so a page left open across a stage change is told it is out of date)."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired

from hrapp.blueprints.staff_import_export.reader import EXTENSIONS
from hrapp.forms import CreateForm, VersionedForm


class KpiUploadForm(CreateForm, VersionedForm):
    """Creates a KpiImport from a file."""

    file = FileField(_l("KPI file"), validators=[
        FileRequired(_l("Choose a file to import.")),
        FileAllowed(EXTENSIONS, _l("Upload a .xlsx or .csv file.")),
    ], description=_l("Columns staff_number, kpi_code, value with a header row; XLSX or CSV (UTF-8 or GB18030)."))


class RefreshMetricsForm(VersionedForm):
    """Recompute the system metrics of the cycle."""
