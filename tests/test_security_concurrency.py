"""Concurrency re-proved over RPC: 20 simultaneous calls, one legal outcome.

- One vote per member: 20 concurrent votes of the same member at a session in progress record one.
- One ballot reply per member: 20 concurrent returns of the same member's paper (the member's own web
  session, identity checked as the web client does) record exactly one reply; every other call is
  refused with a clear error.
- Unique, gapless numbering: 20 documents signed at the same moment by the Chairman (each thread signs
  one) get 20 distinct numbers that continue the committee's series without a gap — in the city, whose
  series is running, and in the ward, whose series starts with these signatures in the demo data.

These tests change the database legitimately and permanently (a member's reply to the demo ballot, 20
signed documents in each committee's register, named "[security suite] …"), like a real user would; they do
not touch what the other tests of the suite read. The vote race holds its own extraordinary session of the
ward ("[security suite] vote race", one matter without a dossier), convened, opened, voted and closed by
the ward's Office, Chairman and a member through the normal actions; it stays in the ward's record like
any held session. 20 concurrent votes on the demo's closed vote prove that none is recorded after a close.
"""
import datetime
from concurrent.futures import ThreadPoolExecutor
import threading

from tests.ubnd_client import SecurityCase, WebSession

RACERS = 20


def race(calls):
    """Run the callables at the same moment (a barrier releases them together); [(ok, result)]."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


class TestConcurrentBallotReply(SecurityCase):
    """Issue #9: one ballot reply per member under 20 concurrent calls."""

    def test_twenty_concurrent_replies_record_one(self):
        """R-000-18.5b, R-001-3.2b, R-000-29.4a: a member returns his ballot paper from 20 concurrent calls of
        his own web session: exactly one reply is recorded (state, choice, time), the 19 others are refused
        with a clear error, and the ballot has one more reply, not twenty."""
        slips = self.admin("ubnd.ballot.slip", "search_read",
                           [("state", "=", "pending"), ("ballot_id.state", "=", "sent"),
                            ("ballot_id.medium", "=", "electronic"), ("member_id.role", "=", "member"),
                            ("ballot_id.reply_deadline", ">=", str(datetime.date.today()))],
                           fields=["user_id", "ballot_id"], order="id", limit=1)
        if not slips:
            self.skipTest("no pending electronic ballot paper left in this database (already replied by an "
                          "earlier run of the suite); the demo data has one")
        slip, ballot = slips[0]["id"], slips[0]["ballot_id"][0]
        login = self.admin("res.users", "read", [slips[0]["user_id"][0]], ["login"])[0]["login"]
        member = WebSession(self.url, self.db, login)
        member.confirm_identity()
        member("ubnd.ballot.slip", "write", [slip], {"choice": "approve", "opinion": "[security suite]"})
        replied_before = self.count("ubnd.ballot.slip", [("ballot_id", "=", ballot), ("state", "=", "replied")])

        results = race([lambda: member.try_call("ubnd.ballot.slip", "action_send_reply", [slip])
                        for _ in range(RACERS)])

        accepted = [r for ok, r in results if ok]
        refused = [r for ok, r in results if not ok]
        self.assertEqual(len(accepted), 1, "%d of %d concurrent replies were accepted" % (len(accepted), RACERS))
        crashes = [str(err) for err in refused if not err.is_clear]
        self.assertFalse(crashes, "refused by a crash instead of a clear error:\n%s" % "\n".join(crashes[:3]))
        row = self.admin("ubnd.ballot.slip", "read", [slip], ["state", "choice", "recorded_by_id"])[0]
        self.assertEqual((row["state"], row["choice"]), ("replied", "approve"))
        self.assertEqual(self.count("ubnd.ballot.slip", [("ballot_id", "=", ballot), ("state", "=", "replied")]),
                         replied_before + 1)
        # ... and once returned, the paper never changes again.
        self.assertRefused(member, "ubnd.ballot.slip", "write", [slip], {"choice": "reject"})


class TestConcurrentVote(SecurityCase):
    """Issue #9: a vote is cast once, and never after its close — under 20 concurrent calls."""

    def test_twenty_concurrent_votes_on_a_closed_vote_record_none(self):
        """R-000-29.4a, R-000-3.3, R-000-30.1: after the session, a member who was absent casts his vote on the
        closed vote from 20 concurrent calls of his own web session (identity checked): every call is refused
        with a clear error, the vote's lines and result are unchanged."""
        vote = self.find("ubnd.vote", [("state", "=", "closed"), ("mode", "=", "open")])
        meeting = self.admin("ubnd.vote", "read", [vote], ["meeting_id"])[0]["meeting_id"][0]
        absent = self.admin("ubnd.meeting.attendee", "search_read",
                            [("meeting_id", "=", meeting), ("role", "=", "member"), ("attendance", "!=", "present"),
                             ("user_id", "!=", False)], fields=["user_id"], limit=1)
        user_id = absent[0]["user_id"][0] if absent else self.admin("ubnd.vote.line", "search_read", [
            ("vote_id", "=", vote)], fields=["voter_id"], limit=1)[0]["voter_id"][0]
        login = self.admin("res.users", "read", [user_id], ["login"])[0]["login"]
        witness = ("ubnd.vote", [vote], ["state", "line_ids", "approve_count", "reject_count", "result"])
        before = self.snapshot(*witness)
        member = WebSession(self.url, self.db, login)
        member.confirm_identity()

        results = race([lambda c=c: member.try_call("ubnd.vote", c, [vote])
                        for c in ("action_vote_approve", "action_vote_reject") * (RACERS // 2)])

        accepted = [r for ok, r in results if ok and not (isinstance(r, dict) and r.get("res_model") ==
                                                           "res.users.identitycheck")]
        self.assertFalse(accepted, "votes accepted on a closed vote: %s" % accepted[:2])
        crashes = [str(err) for ok, err in results if not ok and not err.is_clear]
        self.assertFalse(crashes, "refused by a crash instead of a clear error:\n%s" % "\n".join(crashes[:3]))
        self.assertUnchanged(before, *witness)


class TestConcurrentOpenVote(SecurityCase):
    """Issue #9: one vote per member under 20 concurrent calls, at a session in progress."""

    def test_twenty_concurrent_votes_record_one(self):
        """R-000-29.4a, R-000-3.3, R-000-28.2: the ward's Office convenes an extraordinary session with one matter
        (agenda approved by the Chairman, invitations sent, members present, session opened, vote taken — all
        through the normal actions of the right users); a member then casts his vote from 20 concurrent calls
        of his own web session: exactly one vote line is recorded for him, the other calls are refused with a
        clear error; the vote is closed and the session ended afterwards."""
        ward = self.find("ubnd.committee", [("company_id.name", "ilike", "Trị An")])
        office, chairman = self.user("chanhvp.trian", channel="json"), self.user("chutich.trian", channel="json")
        now = datetime.datetime.utcnow().replace(microsecond=0)
        meeting = office("ubnd.meeting", "create", {
            "name": "[security suite] vote race", "committee_id": ward, "kind": "extraordinary",
            "convened_by": "chairman", "chair_id": chairman.uid,
            "start": str(now + datetime.timedelta(hours=1)), "stop": str(now + datetime.timedelta(hours=3))})
        item = office("ubnd.meeting.item", "create", {"meeting_id": meeting, "name": "[security suite] matter",
                                                      "item_type": "decision"})
        office("ubnd.meeting", "action_submit_agenda", [meeting])
        chairman("ubnd.meeting", "action_approve_agenda", [meeting])
        office("ubnd.meeting", "action_send_invitations", [meeting])
        members = self.admin("ubnd.meeting.attendee", "search_read",
                             [("meeting_id", "=", meeting), ("role", "=", "member")], fields=["user_id"])
        office("ubnd.meeting.attendee", "write", [m["id"] for m in members], {"attendance": "present"})
        office("ubnd.meeting", "action_open", [meeting])
        office("ubnd.meeting.item", "action_open_vote", [item])
        vote = self.find("ubnd.vote", [("item_id", "=", item), ("state", "=", "open")])
        voter = self.find("res.users", [("login", "=", "truongca.trian")])
        member = WebSession(self.url, self.db, "truongca.trian")
        member.confirm_identity()
        try:
            results = race([lambda c=c: member.try_call("ubnd.vote", c, [vote])
                            for c in ("action_vote_approve", "action_vote_reject") * (RACERS // 2)])
            lines = self.admin("ubnd.vote.line", "search_read", [("vote_id", "=", vote), ("voter_id", "=", voter)],
                               fields=["choice"])
            accepted = [r for ok, r in results if ok]
            crashes = [str(err) for ok, err in results if not ok and not err.is_clear]
            self.assertEqual(len(lines), 1, "%d vote lines recorded for one member: %s" % (len(lines), lines))
            self.assertEqual(len(accepted), 1, "%d of %d concurrent votes were accepted" % (len(accepted), RACERS))
            self.assertFalse(crashes, "refused by a crash instead of a clear error:\n%s" % "\n".join(crashes[:3]))
        finally:
            office.try_call("ubnd.vote", "action_close_vote", [vote])
            office.try_call("ubnd.meeting", "action_close", [meeting])


class TestConcurrentNumbering(SecurityCase):
    """Issue #9: unique, gapless numbering under 20 concurrent signatures."""

    def test_twenty_concurrent_signatures_get_gapless_numbers(self):
        """R-ND30-15.1, R-ND30-15.1-2, R-000-20.1: an Office specialist of the city drafts 20 documents; the
        Chairman signs them at the same moment from 20 concurrent calls (XML-RPC and JSON-RPC alternately):
        every signature succeeds, the 20 numbers are distinct and continue the committee's series without a
        gap, and no reference is used twice in the committee's year."""
        self._race_signatures("Hải Phòng", "chuyenvien.vp.hp", "chutich.hp")

    def test_first_signatures_of_a_series_get_gapless_numbers(self):
        """R-ND30-15.1, R-ND30-15.1-2: the same race in the ward, whose register of the year has no number given
        by the system yet in the demo data (its series starts with these signatures): every signature
        succeeds, numbers distinct and gapless from the series' start."""
        self._race_signatures("Trị An", "chuyenvien.trian", "chutich.trian")

    def _race_signatures(self, committee_name, drafter_login, signer_login):
        committee = self.find("ubnd.committee", [("company_id.name", "ilike", committee_name)])
        doc_type = self.find("ubnd.document.type", [], order="id")
        drafter = self.user(drafter_login, channel="json")
        year = datetime.date.today().year
        series_domain = [("committee_id", "=", committee), ("year", "=", year), ("series", "=", "normal"),
                         ("number", ">", 0)]
        last = self._last_number(committee)
        docs = drafter("ubnd.document", "create", [{
            "name": "[security suite] numbering %02d" % i, "committee_id": committee,
            "document_type_id": doc_type, "authority": "committee"} for i in range(RACERS)])
        self.addCleanup(self._drop_unsigned, docs)
        # One login per channel: every call is its own HTTP request, so the 20 calls are concurrent all the same.
        signers = [self.user(signer_login, channel=("xml", "json")[i % 2]) for i in range(RACERS)]

        results = race([lambda s=s, d=d: s.try_call("ubnd.document", "action_sign", [d])
                        for s, d in zip(signers, docs)])

        failures = [r for ok, r in results if not ok]
        crashes = [str(r) for r in failures if not r.is_clear]
        self.assertFalse(crashes, "concurrent signatures crashed:\n%s" % "\n".join(crashes[:3]))
        rows = self.admin("ubnd.document", "read", docs, ["number", "reference", "state", "year"])
        signed = [r for r in rows if r["state"] == "signed"]
        numbers = sorted(r["number"] for r in signed)
        self.assertEqual(len(set(numbers)), len(signed), "duplicate numbers: %s" % numbers)
        self.assertEqual(numbers, list(range(last + 1, last + len(signed) + 1)),
                         "numbers are not gapless after %s: %s" % (last, numbers))
        self.assertFalse(failures, "%d of %d lawful concurrent signatures were refused (the %d signed got %s); "
                         "first refusal: %s" % (len(failures), RACERS, len(signed), numbers, failures[:1]))
        references = self.admin("ubnd.document", "read_group", series_domain, ["reference"], ["reference"],
                                lazy=False)
        self.assertFalse([g for g in references if g["__count"] > 1], "a reference is used twice this year")

    def _last_number(self, committee):
        """The last number the committee's normal series gave this year (0 if the series has not started).

        Read from the series itself: the demo's historic documents carry numbers written by hand."""
        today = str(datetime.date.today())
        seq = self.admin("ir.sequence", "search", [("code", "=", "ubnd.document.%s.normal" % committee)])
        if not seq:
            return 0
        ranges = self.admin("ir.sequence.date_range", "search_read",
                            [("sequence_id", "=", seq[0]), ("date_from", "<=", today), ("date_to", ">=", today)],
                            fields=["number_next_actual"])
        return ranges[0]["number_next_actual"] - 1 if ranges else 0

    def _drop_unsigned(self, docs):
        """Drafts left unsigned by a failed run are removed (signed ones stay in the register, as they must)."""
        drafts = self.admin("ubnd.document", "search", [("id", "in", docs), ("state", "=", "draft")])
        if drafts:
            self.admin.try_call("ubnd.document", "unlink", drafts)
