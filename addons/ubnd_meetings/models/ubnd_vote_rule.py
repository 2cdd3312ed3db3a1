from odoo import api, models
from odoo.exceptions import UserError

from .common import ceil_fraction


class UbndVoteRule(models.AbstractModel):
    """The committee's decision rules in one place, read from the regulation profile.

    - Quorum (000 Đ28.2, 001 Đ24.4): at least ``quorum_numerator/quorum_denominator`` of ALL members
      (the committee's total membership), rounded up (000 A26): 2/3 of 8 is 5.33, so 6.
    - Members' request for a session (000 Đ4.1.g, Đ26.1): at least 1/3 of all members, rounded up.
    - Majority (000 Đ3.3, 001 Đ25.5.c): more than half of all members in favour (``majority_basis``
      'all_members'), i.e. ``floor(N/2) + 1``; some other regulation may count those present.
    - Tie (000 Đ3.3 ¶2, 001 Đ3.2.d): when votes in favour and against are equal, the side the Chairman
      voted for prevails. How this meets the absolute majority (000 A2, 001 §10.4) is the profile's
      ``tie_break``:

      * ``chairman_side``: the tie-break applies to any tie of the votes cast, even when absences leave
        both sides below half of all members (3–3 of 8 with the Chairman in favour passes);
      * ``chairman_side_with_majority``: the Chairman's side must still hold more than half of all
        members. A tie never reaches it (each side has at most half), so a tie does not pass; the
        tally says the tie-break was considered and why it could not carry the decision;
      * ``fails``: a tie is not passed.

      A tie where the Chairman did not vote (absent, or not yet voted) cannot be broken: it is decided
      by the majority rule alone, so it does not pass. A vote with nobody in favour and nobody against
      is not a tie. Abstentions (where the profile allows them) and members who did not vote or reply
      count as not in favour and are not "against" for the tie.
    """

    _name = "ubnd.vote.rule"
    _description = "Committee decision rules"

    # These methods are public (an RPC client may call them): what they are given is checked, so that a
    # wrong value gets a clear message instead of a crash.
    @api.model
    def _as_profile(self, profile):
        if isinstance(profile, int) and not isinstance(profile, bool):
            profile = self.env["ubnd.regulation.profile"].browse(profile).exists()
        if not (isinstance(profile, models.BaseModel) and profile._name == "ubnd.regulation.profile"
                and len(profile) == 1):
            raise UserError(self.env._("Give one regulation profile."))
        return profile

    @api.model
    def _as_count(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100000:
            raise UserError(self.env._("A number of members is a whole number between 0 and 100000."))
        return value

    @api.model
    def quorum_required(self, profile, member_count):
        profile = self._as_profile(profile)
        return ceil_fraction(profile.quorum_numerator, profile.quorum_denominator, self._as_count(member_count))

    @api.model
    def request_required(self, profile, member_count):
        profile = self._as_profile(profile)
        return ceil_fraction(
            profile.extraordinary_request_numerator, profile.extraordinary_request_denominator,
            self._as_count(member_count),
        )

    @api.model
    def majority_threshold(self, majority_basis, member_count, present_count):
        base = member_count if majority_basis == "all_members" else present_count
        return self._as_count(base) // 2 + 1

    @api.model
    def decide(self, rules, member_count, present_count, approve, reject, chairman_choice):
        """Apply the majority and tie rules.

        :param rules: dict with ``majority_basis`` and ``tie_break`` (a snapshot of the profile)
        :param chairman_choice: 'approve', 'reject', 'abstain' or False when the Chairman did not vote
        :return: dict ``passed`` (bool), ``threshold`` (int), ``decided_by`` ('majority', 'no_majority',
            'tie_chairman', 'tie_no_chairman', 'tie_needs_majority', 'tie_fails') and ``explanation``
        """
        _ = self.env._
        if not (isinstance(rules, dict) and rules.get("majority_basis") in ("all_members", "present")
                and rules.get("tie_break") in ("chairman_side", "chairman_side_with_majority", "fails")):
            raise UserError(_("Give the majority basis and the tie rule of a regulation profile."))
        for count in (member_count, present_count, approve, reject):
            self._as_count(count)
        threshold = self.majority_threshold(rules["majority_basis"], member_count, present_count)
        basis = (
            _("more than half of all %(total)s members", total=member_count)
            if rules["majority_basis"] == "all_members"
            else _("more than half of the %(present)s members present", present=present_count)
        )
        values = {"yes": approve, "no": reject, "threshold": threshold, "basis": basis}
        if approve >= threshold:
            return {
                "passed": True, "threshold": threshold, "decided_by": "majority",
                "explanation": _(
                    "Passed: %(yes)s in favour, %(basis)s (at least %(threshold)s) — 000 Đ3.3, 001 Đ25.5.c.",
                    **values),
            }
        tie = approve == reject and approve > 0
        if not tie:
            return {
                "passed": False, "threshold": threshold, "decided_by": "no_majority",
                "explanation": _(
                    "Not passed: %(yes)s in favour, %(no)s against; %(basis)s requires %(threshold)s in favour "
                    "— 000 Đ3.3, 001 Đ25.5.c.", **values),
            }
        tie_break = rules["tie_break"]
        if tie_break == "fails":
            return {
                "passed": False, "threshold": threshold, "decided_by": "tie_fails",
                "explanation": _(
                    "Not passed: votes tied %(yes)s–%(no)s and the profile treats a tie as not passed; "
                    "%(threshold)s in favour were required.", **values),
            }
        if chairman_choice not in ("approve", "reject"):
            return {
                "passed": False, "threshold": threshold, "decided_by": "tie_no_chairman",
                "explanation": _(
                    "Not passed: votes tied %(yes)s–%(no)s but the Chairman did not vote, so the tie-break "
                    "(000 Đ3.3, 001 Đ3.2.d) cannot apply; %(basis)s requires %(threshold)s in favour.", **values),
            }
        if chairman_choice == "reject":
            return {
                "passed": False, "threshold": threshold, "decided_by": "tie_chairman",
                "explanation": _(
                    "Not passed: votes tied %(yes)s–%(no)s; the Chairman voted against and his side prevails "
                    "— 000 Đ3.3, 001 Đ3.2.d.", **values),
            }
        if tie_break == "chairman_side_with_majority":
            return {
                "passed": False, "threshold": threshold, "decided_by": "tie_needs_majority",
                "explanation": _(
                    "Not passed: votes tied %(yes)s–%(no)s and the Chairman voted in favour, but the profile "
                    "requires his side to hold %(basis)s (%(threshold)s) — 000 Đ3.3, 000 A2.", **values),
            }
        return {
            "passed": True, "threshold": threshold, "decided_by": "tie_chairman",
            "explanation": _(
                "Passed: votes tied %(yes)s–%(no)s; the Chairman voted in favour and his side prevails "
                "— 000 Đ3.3, 001 Đ3.2.d.", **values),
        }
