import base64
from datetime import date

from psycopg2 import IntegrityError
from psycopg2.extensions import TransactionRollbackError

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import at

FAR_DAY = date(2031, 3, 12)  # a day no other test or demo record uses


@tagged("post_install", "-at_install")
class TestConcurrentVotes(TransactionCase):
    """Two transactions at once: the second vote of a member never counts.

    The fixture is committed in its own cursor (the two racing cursors cannot see the test's uncommitted
    data), on the demo committee of Hải Phòng, and removed again in the cleanup.
    """

    def setUp(self):
        super().setUp()
        if not self.env.ref("ubnd_quyche.committee_haiphong", raise_if_not_found=False):
            self.skipTest("needs the demo committee of ubnd_quyche")
        self.created = {}
        self.addCleanup(self._drop_fixture)

    # --- Fixture ----------------------------------------------------------------------------------------------
    def _submission(self, env, committee, route):
        sub = env["ubnd.submission"].sudo().create({
            "name": "Kiểm thử đồng thời (%s)" % route, "committee_id": committee.id, "kind": "committee_decision",
            "addressee": "committee", "submitting_unit_id": committee.unit_ids.filtered(
                lambda u: u.ubnd_unit_kind == "department")[:1].id,
        })
        for component in sub.component_ids.filtered("required"):
            component.attachment_ids = [Command.create({
                "name": "%s.pdf" % component.code, "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": "ubnd.submission.component", "res_id": component.id})]
        sub.write({"state": "collective", "route": route})
        return sub

    def _commit_fixture(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            committee = env.ref("ubnd_quyche.committee_haiphong")
            sub = self._submission(env, committee, "session")
            meeting = env["ubnd.meeting"].create({
                "name": "Phiên họp kiểm thử đồng thời", "committee_id": committee.id, "kind": "extraordinary",
                "convened_by": "chairman", "start": at(FAR_DAY, 8), "stop": at(FAR_DAY, 11),
                "chair_id": committee.chairman_id.id,
            })
            item = env["ubnd.meeting.item"].create({"meeting_id": meeting.id, "submission_id": sub.id, "name": sub.name})
            meeting.attendee_ids.filtered(lambda a: a.role == "member").write({"attendance": "present"})
            meeting.write({"state": "open"})
            vote = env["ubnd.vote"]._open_for(item)
            ballot_sub = self._submission(env, committee, "ballot")
            ballot = env["ubnd.ballot"].create({
                "name": "Phiếu kiểm thử đồng thời", "committee_id": committee.id, "submission_id": ballot_sub.id,
                "question": "<p>Đồng ý?</p>", "reason_no_discussion": True, "system_secure": True,
                "reply_deadline": FAR_DAY,
            })
            ballot.action_send()
            self.created = {
                "vote": vote.id, "meeting": meeting.id, "event": meeting.calendar_event_id.id,
                "ballot": ballot.id, "submissions": [sub.id, ballot_sub.id],
                "member": committee.member_ids.filtered(lambda m: m.role == "member")[:1].user_id.id,
            }
        return self.created

    def _drop_fixture(self):
        ids = self.created
        if not ids:
            return
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM ubnd_vote WHERE id = %s", (ids["vote"],))
            cr.execute("DELETE FROM ubnd_meeting WHERE id = %s", (ids["meeting"],))
            cr.execute("DELETE FROM ubnd_ballot WHERE id = %s", (ids["ballot"],))
            cr.execute("DELETE FROM calendar_event WHERE id = %s", (ids["event"],))
            cr.execute("DELETE FROM ubnd_submission WHERE id IN %s", (tuple(ids["submissions"]),))
            for model, res_ids in (("ubnd.meeting", [ids["meeting"]]), ("ubnd.ballot", [ids["ballot"]]),
                                   ("ubnd.submission", ids["submissions"]), ("ubnd.vote", [ids["vote"]]),
                                   ("calendar.event", [ids["event"]])):
                cr.execute("DELETE FROM mail_activity WHERE res_model = %s AND res_id IN %s", (model, tuple(res_ids)))
                cr.execute("DELETE FROM mail_followers WHERE res_model = %s AND res_id IN %s", (model, tuple(res_ids)))
                cr.execute("DELETE FROM mail_message WHERE model = %s AND res_id IN %s", (model, tuple(res_ids)))

    def _count(self, query, params):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()

    # --- Races ------------------------------------------------------------------------------------------------
    def test_two_transactions_cast_the_same_members_vote(self):
        """R-000-3.3, R-000-29.4a, R-001-25.5a: a member votes once. Two transactions cast his vote at the same time;
        the second started before the first committed, so its own check sees no vote — the UNIQUE (vote, member)
        constraint refuses its line and only one vote counts."""
        ids = self._commit_fixture()
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        try:
            vote_a = api.Environment(cr_a, ids["member"], {})["ubnd.vote"].browse(ids["vote"])
            vote_b = api.Environment(cr_b, ids["member"], {})["ubnd.vote"].browse(ids["vote"])
            self.assertTrue(vote_b.my_can_vote, "B's snapshot is taken before A commits")
            vote_a._cast("approve")
            cr_a.commit()
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                vote_b._cast("reject")
            cr_b.rollback()
            with self.assertRaises(UserError):  # retried, the transaction sees the first vote
                api.Environment(cr_b, ids["member"], {})["ubnd.vote"].browse(ids["vote"])._cast("reject")
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        rows = self._count("SELECT choice FROM ubnd_vote_line WHERE vote_id = %s", (ids["vote"],))
        self.assertEqual(rows, [("approve",)])

    def test_two_transactions_return_the_same_ballot_paper(self):
        """R-000-18.5b, R-001-3.2b: one reply per member. Two transactions return the same member's paper at once:
        the second is refused by the database (concurrent update of the paper), so one reply counts."""
        ids = self._commit_fixture()
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        try:
            Slip_a = api.Environment(cr_a, ids["member"], {})["ubnd.ballot.slip"]
            Slip_b = api.Environment(cr_b, ids["member"], {})["ubnd.ballot.slip"]
            slip_a = Slip_a.search([("ballot_id", "=", ids["ballot"]), ("user_id", "=", ids["member"])])
            slip_b = Slip_b.search([("ballot_id", "=", ids["ballot"]), ("user_id", "=", ids["member"])])
            self.assertEqual(slip_b.state, "pending")
            slip_a.write({"choice": "approve"})
            slip_a._reply()
            cr_a.commit()
            with mute_logger("odoo.sql_db"), self.assertRaises(TransactionRollbackError):
                slip_b.write({"choice": "reject", "opinion": "Không đồng ý"})
                slip_b._reply()
            cr_b.rollback()
        finally:
            cr_a.close()
            cr_b.close()
        rows = self._count("SELECT state, choice FROM ubnd_ballot_slip WHERE ballot_id = %s AND user_id = %s",
                           (ids["ballot"], ids["member"]))
        self.assertEqual(rows, [("replied", "approve")])
