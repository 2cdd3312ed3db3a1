from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import UbndMeetingsCase


@tagged("post_install", "-at_install")
class TestCollectiveRouting(UbndMeetingsCase):
    """Which matters the committee decides at a session (000 Đ4) and which by written ballot (000 Đ5): the core
    routes the amounts it holds, this addon the remaining rows; a session takes only session matters unless the
    Chairman or a third of the members ask for it (000 Đ4.1.g)."""

    def route(self, **vals):
        vals.setdefault("name", "Hồ sơ")
        vals.setdefault("submitting_unit_id", self.department.id)
        sub = self.env["ubnd.submission"].sudo().create(dict(vals, committee_id=self.committee.id))
        return sub.suggested_route

    def test_session_matters_listed_by_the_core(self):
        """R-000-4.1, R-000-4.3b, R-000-4.3c, R-000-4.3d, R-000-4.3dd, R-000-4.4c: draft resolutions and legal
        decisions, and assets, joint ventures, projects and plans above the session thresholds are decided at a
        session (the project rows R-000-4.2c, R-000-4.2c-2 in full: ubnd_quyche test_non_budget_project_thresholds)."""
        self.assertEqual(self.route(kind="hdnd_resolution"), "session")
        self.assertEqual(self.route(kind="committee_decision", is_legal_draft=True), "session")
        self.assertEqual(self.route(matter_type="asset", amount_bn=100.5), "session")
        self.assertEqual(self.route(matter_type="joint_venture", amount_bn=101), "session")
        self.assertEqual(self.route(matter_type="investment", amount_bn=25001), "session")
        self.assertEqual(self.route(matter_type="investment", area_ha=101), "session")
        self.assertEqual(self.route(matter_type="investment", amount_musd=1001), "session")
        self.assertEqual(self.route(matter_type="investment", auction_land_value_bn=1001), "session")
        self.assertEqual(self.route(matter_type="planning", area_ha=301), "session")

    def test_ballot_matters_listed_by_the_core(self):
        """R-000-5.1b, R-000-5.2b, R-000-5.3dd, R-000-5.3e, R-000-5.3g, R-000-5.3h, R-000-5.3k, R-000-5.3l: planning
        of 20–300 ha, projects of 2,500–25,000 bn VND, 100 m–1 bn USD, 10–100 ha or 100–1,000 bn VND of land for
        auction or tender, budget use from 5 bn, assets of 15–100 bn and joint ventures of 10–100 bn go to a written
        ballot."""
        self.assertEqual(self.route(matter_type="planning", area_ha=20), "ballot")
        self.assertEqual(self.route(matter_type="investment", amount_bn=2500), "ballot")
        self.assertEqual(self.route(matter_type="investment", area_ha=10), "ballot")
        self.assertEqual(self.route(matter_type="investment", amount_musd=100), "ballot")
        self.assertEqual(self.route(matter_type="investment", auction_land_value_bn=100), "ballot")
        self.assertEqual(self.route(matter_type="budget_use", amount_bn=5), "ballot")
        self.assertEqual(self.route(matter_type="asset", amount_bn=100), "ballot")
        self.assertEqual(self.route(matter_type="asset", amount_bn=15), "ballot")
        self.assertEqual(self.route(matter_type="joint_venture", amount_bn=10), "ballot")
        self.assertEqual(self.route(matter_type="asset", amount_bn=14.9), "leader")

    def test_session_matters_added_here(self):
        """R-000-4.2a, R-000-4.2d, R-000-4.2e, R-000-4.5dd: projects needing National Assembly or Prime Minister
        approval, group A or PPP; a port in a special seaport below 2,300 bn VND and especially important projects;
        a public-investment plan raised by 10% or more; decentralising or delegating tasks."""
        self.assertEqual(self.route(matter_type="central_project"), "session")
        self.assertEqual(self.route(matter_type="port_project", amount_bn=2299), "session")
        self.assertEqual(self.route(matter_type="port_project", amount_bn=2300), "leader")
        self.assertEqual(self.route(matter_type="special_project"), "session")
        self.assertEqual(self.route(matter_type="investment_plan_adjustment", increase_pct=10), "session")
        self.assertEqual(self.route(matter_type="investment_plan_adjustment", increase_pct=9.9), "leader")
        self.assertEqual(self.route(matter_type="task_delegation"), "session")

    def test_ballot_matters_added_here(self):
        """R-000-5.2a, R-000-5.2b-3, R-000-5.2c, R-000-5.3i: group-B public investment; an industrial-zone project
        raising its capital by 2,500 bn VND or 100 m USD or more; converting more than 2 ha (urban) or 5 ha (elsewhere) to
        residential land; donations paid into the budget (outside the budget, 5 bn VND or more needs the Party
        Standing Committee's opinion)."""
        self.assertEqual(self.route(matter_type="public_investment_b"), "ballot")
        self.assertEqual(self.route(matter_type="iz_adjustment", amount_bn=2500), "ballot")
        self.assertEqual(self.route(matter_type="iz_adjustment", amount_bn=2499), "leader")
        self.assertEqual(self.route(matter_type="iz_adjustment", amount_musd=100), "ballot")
        self.assertEqual(self.route(matter_type="iz_adjustment", amount_musd=99.9), "leader")
        self.assertEqual(self.route(matter_type="residential_conversion", urban_area=True, area_ha=2.1), "ballot")
        self.assertEqual(self.route(matter_type="residential_conversion", urban_area=True, area_ha=2), "leader")
        self.assertEqual(self.route(matter_type="residential_conversion", urban_area=False, area_ha=4), "leader")
        self.assertEqual(self.route(matter_type="residential_conversion", urban_area=False, area_ha=5.5), "ballot")
        self.assertEqual(self.route(matter_type="donation_use", donation_in_budget=True), "ballot")
        sub = self.env["ubnd.submission"].sudo().create({
            "name": "Quyên góp", "committee_id": self.committee.id, "submitting_unit_id": self.department.id,
            "matter_type": "donation_use", "amount_bn": 6})
        self.assertEqual(sub.suggested_route, "leader")
        self.assertIn("Standing Committee", sub.suggested_route_reason)

    def test_adjustments_follow_the_original_class(self):
        """R-000-4.2c-3, R-000-5.2b-2: an adjustment adding more than 10% or 30 ha of land, moving the site or adding
        20% or more of capital is decided as the project was: at a session or by written ballot."""
        base = {"matter_type": "project_adjustment"}
        self.assertEqual(self.route(adjusted_route="session", land_increase_pct=11, **base), "session")
        self.assertEqual(self.route(adjusted_route="session", land_increase_ha=31, **base), "session")
        self.assertEqual(self.route(adjusted_route="ballot", capital_increase_pct=20, **base), "ballot")
        self.assertEqual(self.route(adjusted_route="ballot", site_changed=True, **base), "ballot")
        self.assertEqual(self.route(adjusted_route="session", land_increase_pct=10, capital_increase_pct=19, **base),
                         "leader")
        # the bounds: land 'trên 10%' and 'trên 30 ha' are strict, capital 'từ 20% trở lên' inclusive
        for vals, route in (({"land_increase_pct": 10.01}, "ballot"), ({"land_increase_ha": 30}, "leader"),
                            ({"land_increase_ha": 30.01}, "ballot"), ({"capital_increase_pct": 19.99}, "leader"),
                            ({"capital_increase_pct": 20}, "ballot")):
            with self.subTest(**vals):
                self.assertEqual(self.route(adjusted_route="ballot", **base, **vals), route)
        # an adjustment below every bound is the leader's, whatever the project's class was
        self.assertEqual(self.route(adjusted_route="session", land_increase_ha=30, land_increase_pct=10,
                                    capital_increase_pct=19.99, **base), "leader")

    def test_the_agenda_takes_session_matters(self):
        """R-000-4.1, R-000-3.2b: a matter the leader sent to a session goes on the agenda; one the Chairman sent to a
        written ballot does not, unless he or a third of the members ask (000 Đ4.1.g)."""
        meeting = self.new_meeting()
        self.assertTrue(self.add_item(meeting, submission=self.collective_submission(kind="hdnd_resolution")))
        with self.assertRaises(ValidationError):
            self.add_item(meeting, submission=self.collective_submission(route="ballot"))
        working = self.new_meeting("working", chair_id=self.vc_urban.id)
        with self.assertRaises(ValidationError):
            self.add_item(working)
