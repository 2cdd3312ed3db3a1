from . import models


def post_init_hook(env):
    """Regular sessions planned before this addon get their task session (its chatter in the committee's language:
    Odoo loads the addon's terms only after this hook)."""
    if env["res.lang"]._lang_get("vi_VN"):
        env["ir.module.module"]._load_module_terms(["ubnd_meetings_tasks"], ["vi_VN"])
        env.invalidate_all()
    env["ubnd.meeting"].sudo().search([
        ("kind", "=", "regular"), ("state", "not in", ("closed", "cancelled")),
    ])._sync_task_session()
