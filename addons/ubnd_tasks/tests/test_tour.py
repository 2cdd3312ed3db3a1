from odoo.tests import HttpCase, tagged

from .common import UbndTaskCase


@tagged("post_install", "-at_install")
class TestTaskTour(HttpCase, UbndTaskCase):
    """A task walks from its entry by the Office to the Office's confirmation of its completion, in the browser."""

    def test_task_from_assignment_to_confirmed_completion(self):
        """R-002-6.2a, R-002-6.1a, R-002-6.1a-2: the Office enters and assigns the directive's task, the lead
        unit reports it done, the Office confirms it on a phone."""
        self.start_tour("/odoo/ubnd.document/%d" % self.directive.id, "ubnd_task_office_enters", login="t_office_clerk")
        task = self.Task.search([("document_id", "=", self.directive.id)])
        self.assertEqual((task.state, task.lead_unit_id, task.lead_user_id), ("in_progress", self.department, self.unit_head))
        url = "/odoo/ubnd.task/%d" % task.id
        self.start_tour(url, "ubnd_task_unit_reports", login="t_staff")
        self.assertEqual(task.state, "reported")
        self.assertFalse(task.update_ids.written_report)
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.start_tour(url, "ubnd_task_office_confirms", login="t_office_clerk")
        self.assertEqual((task.state, task.status), ("done", "done_on_time"))
        self.assertEqual(task.confirmed_by_id, self.office_clerk)
