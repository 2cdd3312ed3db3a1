from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import UbndCommonCase


@tagged("post_install", "-at_install")
class TestOrganisation(UbndCommonCase):
    """Committees, members and portfolios."""

    def test_leaders_and_total_membership(self):
        """The Chairman, the Vice-Chairmen and the total membership are read from the members."""
        self.assertEqual(self.committee.chairman_id, self.chairman)
        self.assertEqual(self.committee.vice_chairman_ids, self.vc_economy | self.vc_urban)
        self.assertEqual(self.committee.voting_member_count, 5)

    def test_exactly_one_chairman(self):
        """A committee has exactly one Chairman."""
        with self.assertRaises(ValidationError):
            self.env["ubnd.committee.member"].create({
                "committee_id": self.committee.id, "user_id": self.staff.id, "role": "chairman",
            })

    def test_vice_chairman_needs_a_portfolio(self):
        """R-001-5.2a, R-003-p10: a Vice-Chairman is assigned fields and/or areas."""
        with self.assertRaises(ValidationError):
            self.env["ubnd.committee.member"].create({
                "committee_id": self.committee.id, "user_id": self.staff.id, "role": "vice_chairman",
            })

    def test_standing_deputy_is_one_vice_chairman(self):
        """R-000-6.3h, R-001-4.3k: one Vice-Chairman, and only a Vice-Chairman, runs the committee while the Chairman is absent."""
        self.assertEqual(self.committee.standing_deputy_id, self.vc_economy)
        with self.assertRaises(ValidationError):
            self.committee.standing_deputy_id = self.member_finance

    def test_office_does_protocol_without_foreign_affairs_department(self):
        """R-000-43.5: without a Department of Foreign Affairs the Office handles foreign guests and trips."""
        self.assertEqual(self.committee._protocol_unit(), self.office)
        self.committee.foreign_affairs_unit_id = self.department
        self.assertEqual(self.committee._protocol_unit(), self.department)

    def test_one_committee_per_company(self):
        """A company holds exactly one committee."""
        with self.assertRaises(Exception), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.env["ubnd.committee"].create({"name": "Trùng", "company_id": self.company.id})

    def test_approval_chain_menu_opens(self):
        """Issue #12.1 (no rule id): the "Approval chains" menu crashed in the browser ("Name 'ref' is not
        defined"): its action's context must evaluate with nothing but what the web client provides."""
        action = self.env.ref("ubnd_quyche.ubnd_tier_definition_action")
        context = safe_eval(action.context, {"uid": self.env.uid, "context": {}})
        self.assertEqual(context["default_model_id"], self.env.ref("ubnd_quyche.model_ubnd_submission").id)
