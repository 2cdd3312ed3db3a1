from . import models


def post_init_hook(env):
    """Regular sessions planned before this addon get their task session and their task-report item."""
    env["ubnd.meeting"].sudo().search([
        ("kind", "=", "regular"), ("state", "not in", ("closed", "cancelled")),
    ])._sync_task_session()
