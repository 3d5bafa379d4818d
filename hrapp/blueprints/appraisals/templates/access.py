"""Who may do what with templates, on the module's rules (appraisals/access.py): HR and administrators keep them;
heads read them (what their staff are appraised on); staff do not see them."""
from hrapp.blueprints.appraisals.access import AppraisalPerm, can_manage_appraisals, can_view_template

READ = AppraisalPerm.LEAD
EDIT = AppraisalPerm.MANAGE


def can_edit_template(user, template) -> bool:
    """Settings, criteria, copying and taking in or out of use: HR and administrators."""
    return can_view_template(user, template) and can_manage_appraisals(user)
