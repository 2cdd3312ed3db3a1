from odoo import api, fields, models


class UbndSubmission(models.Model):
    """The collective route of a submission: the rows of 000 Đ4–5 the core does not route, and the
    links to the agenda items and ballots that decide it."""

    _inherit = "ubnd.submission"

    matter_type = fields.Selection(
        selection_add=[
            ("central_project", "Project needing National Assembly or Prime Minister approval, group A or PPP (000 Đ4.2.a)"),
            ("port_project", "New port or port area in a special seaport (000 Đ4.2.d)"),
            ("special_project", "Industrial-zone infrastructure or especially important project (000 Đ4.2.d)"),
            ("investment_plan_adjustment", "Adjustment of the annual public-investment plan (000 Đ4.2.e)"),
            ("task_delegation", "Decentralising or delegating state-management tasks (000 Đ4.5.đ)"),
            ("public_investment_b", "Group-B public investment project (000 Đ5.2.a)"),
            ("project_adjustment", "Adjustment of a non-budget project (000 Đ4.2.c, Đ5.2.b)"),
            ("iz_adjustment", "Capital increase of an industrial-zone project (000 Đ5.2.b)"),
            ("residential_conversion", "Conversion of land to residential use (000 Đ5.2.c)"),
            ("donation_use", "Use of donations for disasters and relief (000 Đ5.3.i)"),
        ],
        ondelete={key: "set default" for key in (
            "central_project", "port_project", "special_project", "investment_plan_adjustment", "task_delegation",
            "public_investment_b", "project_adjustment", "iz_adjustment", "residential_conversion", "donation_use")},
    )
    increase_pct = fields.Float("Increase of the plan (%)")
    adjusted_route = fields.Selection(
        [("session", "Decided at a session"), ("ballot", "Decided by written ballot")],
        "The project adjusted was",
        help="000 Đ4.2.c (bullet 2), Đ5.2.b ¶2: a significant adjustment is decided as the project was.",
    )
    land_increase_pct = fields.Float("Land increase (%)")
    land_increase_ha = fields.Float("Land increase (ha)")
    capital_increase_pct = fields.Float("Capital increase (%)")
    site_changed = fields.Boolean("Site changed",
                                  help="A change of address caused only by boundary changes does not count.")
    urban_area = fields.Boolean("In an urban area")
    donation_in_budget = fields.Boolean("Donations paid into the budget")
    meeting_item_ids = fields.One2many("ubnd.meeting.item", "submission_id", string="Agenda items")
    ballot_ids = fields.One2many("ubnd.ballot", "submission_id", string="Written ballots")

    @api.depends("matter_type", "amount_bn", "area_ha", "kind", "is_legal_draft", "committee_id.profile_id",
                 "increase_pct", "adjusted_route", "land_increase_pct", "land_increase_ha", "capital_increase_pct",
                 "site_changed", "urban_area", "donation_in_budget")
    def _compute_suggested_route(self):
        return super()._compute_suggested_route()

    def _route_by_regulation(self):
        """000 Đ4.2.a, d, e, Đ4.5.đ (session) and Đ5.2.a–c, Đ5.3.i (written ballot), from the profile."""
        self.ensure_one()
        _ = self.env._
        p = self.committee_id.profile_id
        matter = self.matter_type
        if matter == "central_project":
            return "session", _("000 Đ4.2.a: projects needing National Assembly or Prime Minister approval, group A "
                                "and PPP projects are decided at a session.")
        if matter == "special_project":
            return "session", _("000 Đ4.2.d: industrial-zone infrastructure and especially important projects are "
                                "decided at a session.")
        if matter == "port_project" and self.amount_bn < p.port_session_max_bn:
            return "session", _("000 Đ4.2.d: a port in a special seaport below %s bn VND.", p.port_session_max_bn)
        if matter == "investment_plan_adjustment" and self.increase_pct >= p.investment_plan_session_min_pct:
            return "session", _("000 Đ4.2.e: the public-investment plan rises by %s%% or more.",
                                p.investment_plan_session_min_pct)
        if matter == "task_delegation":
            return "session", _("000 Đ4.5.đ: decentralising or delegating state-management tasks.")
        if matter == "public_investment_b":
            return "ballot", _("000 Đ5.2.a: group-B public investment projects are decided by written ballot.")
        if matter == "project_adjustment" and self.adjusted_route and (
            self.land_increase_pct > p.adjustment_land_pct or self.land_increase_ha > p.adjustment_land_ha
            or self.site_changed or self.capital_increase_pct >= p.adjustment_capital_pct
        ):
            if self.adjusted_route == "session":
                return "session", _("000 Đ4.2.c: a significant adjustment of a project decided at a session.")
            return "ballot", _("000 Đ5.2.b ¶2: a significant adjustment of a project decided by written ballot.")
        if matter == "iz_adjustment" and self.amount_bn >= p.iz_adjustment_ballot_min_bn:
            return "ballot", _("000 Đ5.2.b: an industrial-zone project's capital rises by %s bn VND or more.",
                               p.iz_adjustment_ballot_min_bn)
        if matter == "iz_adjustment" and self.amount_musd >= p.iz_adjustment_ballot_min_musd:
            return "ballot", _("000 Đ5.2.b: an industrial-zone project's capital rises by %s m USD or more.",
                               p.iz_adjustment_ballot_min_musd)
        if matter == "residential_conversion":
            limit = p.residential_urban_min_ha if self.urban_area else p.residential_rural_min_ha
            if self.area_ha > limit:
                return "ballot", _("000 Đ5.2.c: more than %s ha converted to residential land.", limit)
        if matter == "donation_use":
            if self.donation_in_budget:
                return "ballot", _("000 Đ5.3.i: donations paid into the budget are used by written ballot decision.")
            if self.amount_bn >= p.donation_opinion_min_bn:
                return "leader", _("000 Đ5.3.i: donations outside the budget from %s bn VND need the opinion of the "
                                   "Standing Committee of the Party Committee.", p.donation_opinion_min_bn)
        return super()._route_by_regulation()
