"""What the audit trail calls the metrics part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "appraisal.refresh_metrics": _l("System metrics computed"),
        "appraisal.import_kpis": _l("KPI values imported"),
    },
    record_types={"AppraisalCycle": _l("Appraisal cycle"), "KpiImport": _l("KPI import")},
    fields={"appraisals": _l("Appraisals changed"), "items": _l("Items changed"), "rows": _l("Rows"),
            "source": _l("Source"), "filename": _l("File name")},
)
