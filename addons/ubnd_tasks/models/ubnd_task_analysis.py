from odoo import fields, models, tools

from .ubnd_task import TASK_STATUSES


class UbndTaskAnalysis(models.Model):
    """Task statistics in the national categories (catalogue A2): one row per task with 0/1
    measures, for pivot and graph views by unit, leader in charge, field and period."""

    _name = "ubnd.task.analysis"
    _description = "Task statistics"
    _auto = False
    _order = "assign_date desc"

    task_id = fields.Many2one("ubnd.task", readonly=True)
    committee_id = fields.Many2one("ubnd.committee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kind = fields.Selection(
        [("committee", "Committee / Chairman"), ("government", "Government / Prime Minister")],
        string="Assigned by", readonly=True,
    )
    lead_unit_id = fields.Many2one("hr.department", string="Lead unit", readonly=True)
    leader_id = fields.Many2one("res.users", string="Leader in charge", readonly=True)
    field_id = fields.Many2one("ubnd.field", string="Field", readonly=True)
    confidentiality = fields.Selection(
        [("normal", "Not confidential"), ("mat", "Confidential (Mật)"), ("toi_mat", "Secret (Tối mật)"),
         ("tuyet_mat", "Top secret (Tuyệt mật)")], readonly=True,
    )
    status = fields.Selection(TASK_STATUSES, string="Status and timeliness", readonly=True)
    deadline_type = fields.Selection([("with", "With a deadline"), ("without", "Without a deadline")], readonly=True)
    assign_date = fields.Date("Entered on", readonly=True)
    effective_deadline = fields.Date("Deadline", readonly=True)
    completion_date = fields.Date(readonly=True)
    task_count = fields.Integer("Tasks", readonly=True, aggregator="sum")
    completed_count = fields.Integer("Completed", readonly=True, aggregator="sum")
    on_time_count = fields.Integer("Completed on time", readonly=True, aggregator="sum")
    late_count = fields.Integer("Completed late", readonly=True, aggregator="sum")
    in_term_count = fields.Integer("Not completed, within term", readonly=True, aggregator="sum")
    overdue_count = fields.Integer("Not completed, overdue", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW ubnd_task_analysis AS (
                SELECT t.id, t.id AS task_id, t.committee_id, t.company_id, t.kind, t.lead_unit_id, t.leader_id,
                       t.field_id, t.confidentiality, t.status, t.deadline_type, t.assign_date,
                       t.effective_deadline, t.completion_date,
                       1 AS task_count,
                       (t.status IN ('done_on_time', 'done_late', 'done'))::int AS completed_count,
                       (t.status IN ('done_on_time', 'done'))::int AS on_time_count,
                       (t.status = 'done_late')::int AS late_count,
                       (t.status IN ('in_term', 'in_progress'))::int AS in_term_count,
                       (t.status = 'overdue')::int AS overdue_count
                  FROM ubnd_task t
                 WHERE t.active AND t.state IN ('in_progress', 'reported', 'done')
            )
        """)
