from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Meetings closed before their attendees' to-dos ended with them: close those to-dos now, with their trace."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    lang = "vi_VN" if env["res.lang"]._lang_get("vi_VN") else None
    meetings = env["ubnd.meeting"].with_context(lang=lang).search([("state", "=", "closed")])
    meetings._close_attendance_activities(meetings.env._("The meeting is closed."))
