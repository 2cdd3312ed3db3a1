from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ProgrammeCase

MONDAY = date(2026, 6, 1)  # a plain working week: Monday 1/6 to Friday 5/6/2026


@tagged("post_install", "-at_install")
class TestWeeklySchedule(ProgrammeCase):
    """The leaders' weekly schedule: calendar meetings and the Office's entries, day by day, published to staff."""

    def test_week_lists_each_leader_day_by_day(self):
        """R-000-21.2d, R-001-19.4: the weekly programme lists the activities of the Chairman and each
        Vice-Chairman day by day: meetings of the calendar with the leaders as attendees, the Office's entries, a
        session period on each of its days; private events stay out."""
        Event = self.env["calendar.event"]
        Event.create({"name": "Phiên họp thường kỳ", "start": self.utc(MONDAY, 8), "stop": self.utc(MONDAY, 11),
                      "partner_ids": [(6, 0, (self.chairman | self.vc_urban).partner_id.ids)]})
        Event.create({"name": "Việc riêng", "start": self.utc(MONDAY, 14), "stop": self.utc(MONDAY, 15),
                      "privacy": "private", "partner_ids": [(6, 0, self.chairman.partner_id.ids)]})
        Event.create({"name": "Họp không có lãnh đạo", "start": self.utc(MONDAY, 14), "stop": self.utc(MONDAY, 15),
                      "partner_ids": [(6, 0, self.staff.partner_id.ids)]})
        self.session(MONDAY + timedelta(days=2), MONDAY + timedelta(days=3))
        citizen = self.entry(name="Tiếp công dân", kind="citizen_reception", leader_ids=[(6, 0, self.chairman.ids)],
                             start=self.utc(MONDAY + timedelta(days=4), 8), stop=self.utc(MONDAY + timedelta(days=4), 11))
        draft = self.entry(name="Chưa xếp lịch", kind="meeting", leader_ids=[(6, 0, self.vc_economy.ids)],
                           start=self.utc(MONDAY, 9), stop=self.utc(MONDAY, 10))
        citizen.action_confirm()
        week = self.programme(kind="week", week_start=MONDAY)
        lines = week.schedule_line_ids
        monday = lines.filtered(lambda l: l.date == MONDAY)
        self.assertEqual(len(monday), 1, "one line per activity, not one per leader")
        self.assertEqual(monday.leader_ids.mapped("login"), ["t_chairman", "t_vc_urban"], "the Chairman first")
        self.assertEqual(monday.leader_names, "%s, %s" % (self.chairman.name, self.vc_urban.name))
        Line = self.env["ubnd.schedule.line"]
        week_domain = [("committee_id", "=", self.committee.id), ("date", ">=", MONDAY),
                       ("date", "<=", MONDAY + timedelta(days=6))]
        self.assertEqual(Line.search(week_domain + [("leader_ids", "in", self.vc_urban.ids)]), monday)
        self.assertNotIn(monday, Line.search(week_domain + [("leader_ids", "not in", self.vc_urban.ids)]))
        self.assertEqual(set(lines.mapped("name")), {"Phiên họp thường kỳ", "Kỳ họp HĐND", "Tiếp công dân"})
        session_days = lines.filtered(lambda l: l.kind == "session")
        self.assertEqual(session_days.mapped("date"), [date(2026, 6, 3), date(2026, 6, 4)])
        self.assertFalse(session_days.leader_ids, "a session period concerns every leader")
        self.assertNotIn(draft.name, lines.mapped("name"), "only entries on the schedule")
        monday_meeting = lines.filtered(lambda l: l.name == "Phiên họp thường kỳ")[:1]
        self.assertEqual(monday_meeting.time_label, "08:00–11:00")
        days = week._schedule_days()
        self.assertEqual([d for d, _label, _rows in days], [MONDAY + timedelta(days=i) for i in range(7)])
        self.assertEqual(days[0][1], "Monday 01/06")
        meeting = [row for row in days[0][2] if row["name"] == "Phiên họp thường kỳ"]
        self.assertEqual(len(meeting), 1, "one printed row per activity, its leaders together")
        self.assertEqual(sorted(meeting[0]["leaders"]), sorted([self.chairman.name, self.vc_urban.name]))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "ubnd_programme.action_report_ubnd_programme_week", week.ids)[0].decode()
        self.assertIn("Tiếp công dân", html)
        self.assertIn(self.chairman.name, html)

    def test_published_to_staff_after_the_chairman_decides(self):
        """R-000-24.4a, R-001-19.4: the Office drafts the week, the Chairman decides it, the Office publishes it;
        staff see the schedule only once published."""
        self.env["calendar.event"].create({
            "name": "Làm việc với Sở Xây dựng", "start": self.utc(MONDAY, 8), "stop": self.utc(MONDAY, 10),
            "partner_ids": [(6, 0, self.vc_urban.partner_id.ids)]})
        week = self.programme(kind="week", week_start=MONDAY)
        Line = self.env["ubnd.schedule.line"]
        domain = [("committee_id", "=", self.committee.id), ("date", ">=", MONDAY), ("date", "<=", MONDAY + timedelta(days=6))]
        self.assertFalse(Line.with_user(self.staff).search(domain))
        self.assertTrue(Line.with_user(self.vc_economy).search(domain), "leaders see the draft week")
        week.with_user(self.deputy_office).action_submit()
        with self.assertRaises(AccessError):
            week.with_user(self.vc_urban).action_approve()
        with self.assertRaises(AccessError):
            week.with_user(self.chairman).action_issue()
        week.with_user(self.chairman).action_approve()
        with self.assertRaises(AccessError):
            week.with_user(self.staff).action_issue()
        week.with_user(self.deputy_office).action_issue()
        self.assertEqual(week.state, "issued")
        self.assertEqual(Line.with_user(self.staff).search(domain).mapped("name"), ["Làm việc với Sở Xây dựng"])

    def test_registration_in_writing_with_the_office(self):
        """R-000-24.4b, R-000-35, R-001-30.2: a unit registers in writing with the Office, in advance, to work with
        the Chairman or a Vice-Chairman or to invite one to its meeting; urgent matters go directly through the
        Chief of Office."""
        day = MONDAY + timedelta(days=3)
        vals = {"name": "Sở Xây dựng báo cáo", "kind": "work_request", "requesting_unit_id": self.department.id,
                "leader_ids": [(6, 0, self.vc_urban.ids)], "start": self.utc(day, 14), "stop": self.utc(day, 16),
                "request_date": MONDAY}
        unwritten = self.entry(user=self.staff, **vals)
        with self.assertRaises(ValidationError):
            unwritten.with_user(self.staff).action_request()
        same_day = self.entry(user=self.staff, **dict(vals, request_reference="CV 12/SXD", request_date=day))
        with self.assertRaises(ValidationError):
            same_day.with_user(self.staff).action_request()
        written = self.entry(user=self.staff, **dict(vals, request_reference="CV 12/SXD"))
        written.with_user(self.staff).action_request()
        self.assertEqual(written.state, "requested")
        invitation = dict(vals, kind="invitation", name="Mời dự hội nghị", urgent=True, request_date=day)
        urgent = self.entry(user=self.staff, **invitation)
        with self.assertRaises(ValidationError):
            urgent.with_user(self.staff).action_request()
        by_chief = self.entry(user=self.chief_office, **invitation)
        by_chief.with_user(self.chief_office).action_request()
        self.assertEqual(by_chief.state, "requested")
        by_chief.with_user(self.vc_urban).action_accept()
        self.assertEqual(by_chief.state, "confirmed")

    def test_only_the_office_records_sessions_and_meetings(self):
        """R-000-44.6: session periods, meetings and citizen-reception days are entries of the Office."""
        with self.assertRaises(AccessError):
            self.entry(user=self.staff, name="Kỳ họp", kind="session", session_body="council",
                       start=self.utc(MONDAY, 8), stop=self.utc(MONDAY, 17))
        entry = self.entry(user=self.staff, name="Tiếp khách", kind="reception", leader_ids=[(6, 0, self.chairman.ids)],
                           start=self.utc(MONDAY, 8), stop=self.utc(MONDAY, 9))
        with self.assertRaises(AccessError):
            entry.with_user(self.staff).write({"state": "confirmed"})


@tagged("post_install", "-at_install")
class TestReceptions(ProgrammeCase):
    """Guest receptions: notice, content of the request, the leader's acceptance, the unit's own foreign guests."""

    def reception(self, user=None, **vals):
        day = vals.pop("day", date(2026, 6, 5))
        return self.entry(user=user or self.staff, **dict({
            "name": "Tiếp đoàn doanh nghiệp", "kind": "reception", "reception_form": "working", "guest_count": 6,
            "location": "Phòng khách số 1", "description": "Trao đổi về dự án logistics",
            "requesting_unit_id": self.department.id, "leader_ids": [(6, 0, self.chairman.ids)],
            "start": self.utc(day, 9), "stop": self.utc(day, 10),
        }, **vals))

    def test_domestic_request_three_working_days_before(self):
        """R-000-42.2: a request to receive domestic guests reaches the leader at least 03 working days before, and
        states content, form, number of guests, time and place. For Friday 5/6/2026 the last day is Tuesday 2/6."""
        on_time = self.reception(request_date=date(2026, 6, 2))
        self.assertEqual(on_time.request_deadline, date(2026, 6, 2))
        on_time.with_user(self.staff).action_request()
        self.assertEqual(on_time.state, "requested")
        late = self.reception(request_date=date(2026, 6, 3))
        with self.assertRaisesRegex(ValidationError, "02/06/2026"):
            late.with_user(self.staff).action_request()
        incomplete = self.reception(request_date=date(2026, 6, 1), guest_count=0, reception_form=False)
        with self.assertRaises(ValidationError):
            incomplete.with_user(self.staff).action_request()
        invited = self.reception(request_date=date(2026, 6, 4), leader_invited=True)
        invited.with_user(self.staff).action_request()
        self.assertEqual(invited.state, "requested", "000 Đ42.1.a: the leader's own invitation needs no notice")

    def test_notice_counts_working_days_around_30_4(self):
        """R-000-42.2: for a reception on Tuesday 5/5/2026 the request is due by Tuesday 28/4: 30/4 and 1/5 are
        days off."""
        entry = self.reception(day=date(2026, 5, 5), request_date=date(2026, 4, 29))
        self.assertEqual(entry.request_deadline, date(2026, 4, 28))
        with self.assertRaises(ValidationError):
            entry.with_user(self.staff).action_request()

    def test_foreign_request_with_proposals(self):
        """R-000-43.2: a request to receive foreign partners that carries proposals needs the same notice (A16: without
        proposals the text sets none); it states the delegation and the guests' programme."""
        vals = {"kind": "reception_foreign", "guest_composition": "Đoàn 5 người", "guest_programme": "Thăm cảng",
                "guest_country_id": self.env.ref("base.jp").id, "request_date": date(2026, 6, 4)}
        with_proposals = self.reception(has_proposals=True, proposals="Hợp tác cảng biển", **vals)
        with self.assertRaises(ValidationError):
            with_proposals.with_user(self.staff).action_request()
        without = self.reception(**vals)
        without.with_user(self.staff).action_request()
        self.assertEqual(without.state, "requested")
        missing = self.reception(**dict(vals, guest_composition=False))
        with self.assertRaises(ValidationError):
            missing.with_user(self.staff).action_request()

    def test_ward_sets_no_notice(self):
        """R-000-42.2: the ward text (001 Đ32) sets no notice for reception requests."""
        entry = self.entry(user=self.ward_head, committee=self.ward, name="Tiếp khách", kind="reception",
                           reception_form="courtesy", guest_count=3, location="Hội trường", description="Thăm hỏi",
                           leader_ids=[(6, 0, self.ward_chairman.ids)], request_date=date(2026, 6, 5),
                           start=self.utc(date(2026, 6, 5), 9), stop=self.utc(date(2026, 6, 5), 10))
        self.assertFalse(entry.request_deadline)
        entry.with_user(self.ward_head).action_request()
        self.assertEqual(entry.state, "requested")

    def test_accepted_reception_enters_the_weekly_programme(self):
        """R-000-42.3a: once the leader accepts, the Office tells the requester and the reception is in the weekly
        programme."""
        entry = self.reception(request_date=date(2026, 6, 1))
        entry.with_user(self.staff).action_request()
        with self.assertRaises(AccessError):
            entry.with_user(self.vc_urban).action_accept()
        entry.with_user(self.chairman).action_accept()
        self.assertEqual(entry.state, "confirmed")
        notice = entry.message_ids.filtered(lambda m: self.staff.partner_id in m.partner_ids)
        self.assertTrue(notice)
        self.assertEqual(notice[:1].author_id, self.chief_office.partner_id)
        week = self.programme(kind="week", week_start=date(2026, 6, 1))
        self.assertIn(entry, week.schedule_line_ids.entry_id)

    def test_unit_reports_its_foreign_guests(self):
        """R-000-43.4, R-000-43.5: a head planning to receive foreign guests reports the guests, content and planned
        time to the Chairman, copied to the Department of Foreign Affairs — or, where there is none, the Office."""
        vals = {"name": "Đoàn doanh nghiệp Hàn Quốc", "kind": "unit_foreign_reception",
                "guest_composition": "3 doanh nghiệp", "description": "Hợp tác đầu tư",
                "requesting_unit_id": self.department.id}
        with freeze_time("2026-06-01"):
            past = self.entry(user=self.unit_head, start=self.utc(date(2026, 5, 20), 9),
                              stop=self.utc(date(2026, 5, 20), 10), **vals)
            with self.assertRaises(ValidationError):
                past.with_user(self.unit_head).action_send_report()
            report = self.entry(user=self.unit_head, start=self.utc(date(2026, 6, 10), 9),
                                stop=self.utc(date(2026, 6, 10), 10), **vals)
            report.with_user(self.unit_head).action_send_report()
        self.assertEqual(report.state, "confirmed")
        message = report.message_ids.filtered(lambda m: self.chairman.partner_id in m.partner_ids)
        self.assertIn(self.chief_office.partner_id, message.partner_ids, "no foreign-affairs department: the Office")
        foreign = self.env["hr.department"].create({
            "name": "Sở Ngoại vụ", "company_id": self.company.id, "ubnd_committee_id": self.committee.id,
            "ubnd_unit_kind": "department",
            "manager_id": self.env["hr.employee"].create({"name": "Giám đốc Sở Ngoại vụ", "user_id": self.vc_economy.id,
                                                          "company_id": self.company.id}).id})
        self.committee.foreign_affairs_unit_id = foreign
        with freeze_time("2026-06-01"):
            second = self.entry(user=self.unit_head, start=self.utc(date(2026, 6, 12), 9),
                                stop=self.utc(date(2026, 6, 12), 10), **vals)
            second.with_user(self.unit_head).action_send_report()
        message = second.message_ids.filtered(lambda m: self.chairman.partner_id in m.partner_ids)
        self.assertIn(self.vc_economy.partner_id, message.partner_ids)

    def test_ward_unit_reports_foreign_guests_afterwards(self):
        """R-001-32.3: in the ward the unit head reports the guests, time, content and result after the reception,
        to the Chairman and the Office."""
        vals = {"name": "Đoàn tình nguyện Nhật Bản", "kind": "unit_foreign_reception",
                "guest_composition": "Đoàn 4 người", "description": "Thăm trường tiểu học",
                "start": self.utc(date(2026, 6, 3), 9), "stop": self.utc(date(2026, 6, 3), 10)}
        with freeze_time("2026-06-01"):
            early = self.entry(user=self.ward_head, committee=self.ward, result="Trao 20 suất học bổng", **vals)
            with self.assertRaises(ValidationError):
                early.with_user(self.ward_head).action_send_report()
        with freeze_time("2026-06-04"):
            no_result = self.entry(user=self.ward_head, committee=self.ward, **vals)
            with self.assertRaisesRegex(ValidationError, "Result"):
                no_result.with_user(self.ward_head).action_send_report()
            early.with_user(self.ward_head).action_send_report()
        message = early.message_ids.filtered(lambda m: self.ward_chairman.partner_id in m.partner_ids)
        self.assertIn(self.ward_chief_office.partner_id, message.partner_ids)


@tagged("post_install", "-at_install")
class TestBusinessTrips(ProgrammeCase):
    """Business trips: the Chairman's consent where the regulation requires it, and no trips during sessions."""

    def trip(self, traveller, destination="central", committee=None, day_from=MONDAY, day_to=None, **vals):
        return self.entry(user=traveller, committee=committee, **dict({
            "name": "Công tác", "kind": "trip", "traveller_id": traveller.id, "destination_type": destination,
            "destination": "Hà Nội", "purpose": "Làm việc với Bộ", "start": self.utc(day_from, 7),
            "stop": self.utc(day_to or day_from, 18),
        }, **vals))

    def test_trips_needing_consent_in_the_city(self):
        """R-000-44.2, R-000-44.4: a Vice-Chairman or head travelling to another locality or a central ministry, and a
        Vice-Chairman, head or commune chair travelling abroad, goes only with the Chairman's consent; a grassroots
        trip needs a plan; a member who is neither travels on his own schedule."""
        vc_trip = self.trip(self.vc_urban)
        self.assertTrue(vc_trip.consent_required)
        vc_trip.with_user(self.vc_urban).action_request()
        self.assertEqual(vc_trip.state, "requested")
        with self.assertRaises(AccessError):
            vc_trip.with_user(self.deputy_office).action_accept()
        vc_trip.with_user(self.chairman).action_accept()
        self.assertEqual((vc_trip.state, vc_trip.chairman_consent_id), ("confirmed", self.chairman))
        for traveller in (self.unit_head, self.commune_chair):
            abroad = self.trip(traveller, destination="abroad")
            self.assertTrue(abroad.consent_required, traveller.login)
            with self.assertRaises(ValidationError):
                abroad.with_user(self.deputy_office).action_confirm()
        head_central = self.trip(self.unit_head, purpose=False)
        with self.assertRaises(ValidationError):
            head_central.with_user(self.unit_head).action_request()  # the written report is missing
        grassroots = self.trip(self.unit_head, destination="grassroots", purpose=False)
        with self.assertRaises(ValidationError):
            grassroots.with_user(self.unit_head).action_request()  # no plan
        grassroots.with_user(self.unit_head).write({"plan": "Kiểm tra công trình tại phường Một"})
        grassroots.with_user(self.unit_head).action_request()
        self.assertEqual(grassroots.state, "confirmed", "a planned grassroots trip needs no consent")
        member = self.trip(self.plain_member, destination="other_locality")
        self.assertFalse(member.consent_required)
        self.assertTrue(self.trip(self.chief_office, destination="other_locality").consent_required,
                        "the Chief of Office heads the Office")
        self.assertFalse(self.trip(self.chairman, destination="abroad").consent_required)

    def test_ward_heads_need_consent_and_a_deputy(self):
        """R-001-33.1, R-001-33.3: in the ward a unit head leaving the ward reports, obtains the Chairman's consent and
        authorises his deputy; a Vice-Chairman going abroad needs consent; his domestic trips do not."""
        head = self.trip(self.ward_head, committee=self.ward, destination="other_locality")
        self.assertTrue(head.consent_required)
        with self.assertRaisesRegex(ValidationError, "deputy"):
            head.with_user(self.ward_head).action_request()
        head.with_user(self.ward_head).write({"deputy_user_id": self.ward_chief_office.id})
        head.with_user(self.ward_head).action_request()
        head.with_user(self.ward_chairman).action_accept()
        self.assertEqual(head.state, "confirmed")
        self.assertFalse(self.trip(self.ward_vc, committee=self.ward, destination="central").consent_required)
        self.assertTrue(self.trip(self.ward_vc, committee=self.ward, destination="abroad").consent_required)

    def test_no_trip_during_a_session_without_consent(self):
        """R-000-44.6: while the People's Council or the committee is in session, members and heads do not travel
        unless the Chairman agrees: an overlapping trip is refused, the Chairman's consent lets it go."""
        self.session(date(2026, 6, 3), date(2026, 6, 4))
        grassroots = self.trip(self.unit_head, destination="grassroots", plan="Kiểm tra", day_from=date(2026, 6, 4))
        self.assertTrue(grassroots.consent_required, "the session makes the Chairman's consent necessary")
        self.assertTrue(grassroots.session_overlap_ids)
        with self.assertRaises(ValidationError) as refused:
            grassroots.with_user(self.deputy_office).action_confirm()
        self.assertIn("Đ44.6", str(refused.exception))
        grassroots.with_user(self.unit_head).action_request()
        self.assertEqual(grassroots.state, "requested")
        grassroots.with_user(self.chairman).action_accept()
        self.assertEqual(grassroots.state, "confirmed")
        # A trip scheduled outside the session cannot be moved into it afterwards.
        member = self.trip(self.plain_member, destination="other_locality", day_from=date(2026, 6, 1))
        member.with_user(self.plain_member).action_request()
        self.assertEqual(member.state, "confirmed")
        with self.assertRaises(ValidationError) as refused:
            member.with_user(self.deputy_office).write({"stop": self.utc(date(2026, 6, 3), 12)})
        self.assertIn("Đ44.6", str(refused.exception))
        # A staff member who is neither member nor head is not concerned.
        self.assertFalse(self.trip(self.staff, destination="grassroots", day_from=date(2026, 6, 3)).consent_required)

    def test_session_recorded_over_a_scheduled_trip(self):
        """R-000-44.6: when the Office records a session over a trip already scheduled, the Chairman is asked to
        consent or cancel."""
        trip = self.trip(self.plain_member, destination="other_locality", day_from=date(2026, 6, 10))
        trip.with_user(self.plain_member).action_request()
        self.assertEqual(trip.state, "confirmed")
        self.session(date(2026, 6, 10), date(2026, 6, 11))
        self.assertEqual(trip.activity_ids.user_id, self.chairman)

    def test_ward_has_no_session_rule(self):
        """R-000-44.6: the rule is the city's; the ward text (001 Đ33) is silent, so the ward profile leaves it off."""
        self.session(date(2026, 6, 3), date(2026, 6, 4), committee=self.ward)
        trip = self.trip(self.ward_vc, committee=self.ward, destination="grassroots", day_from=date(2026, 6, 3))
        self.assertFalse(trip.consent_required)
        trip.with_user(self.ward_chief_office).action_confirm()
        self.assertEqual(trip.state, "confirmed")

    def test_trip_results_reported(self):
        """000 Đ44.5: back from a trip made on the Chairman's direction the traveller reports its results; a scheduled
        trip is no longer changed by the traveller."""
        trip = self.trip(self.plain_member, destination="other_locality", on_chairman_direction=True)
        trip.with_user(self.plain_member).action_request()
        with self.assertRaises(ValidationError):
            trip.with_user(self.plain_member).action_report_result()
        trip.with_user(self.plain_member).write({"result_note": "Đã làm việc với Sở Xây dựng Hà Nội"})
        trip.with_user(self.plain_member).action_report_result()
        self.assertTrue(trip.result_reported_date)
        with self.assertRaises(UserError):
            trip.with_user(self.plain_member).write({"destination": "Huế"})


@tagged("post_install", "-at_install")
class TestCitizenReception(ProgrammeCase):
    """The Chairman's monthly citizen-reception day (000 Đ45.3)."""

    def test_chairman_receives_citizens_each_month(self):
        """R-000-45.3: the Chairman receives citizens in person at least 01 day a month, even when he authorises a
        Vice-Chairman; a month without his day is flagged on the weekly programme and to the Office."""
        Entry = self.env["ubnd.schedule.entry"]
        june = date(2026, 6, 1)
        week = self.programme(kind="week", week_start=june)
        self.assertEqual(Entry._citizen_reception_shortfall(self.committee, june), 1)
        self.assertIn("06/2026", week.citizen_reception_warning)
        vc_day = self.entry(name="PCT tiếp công dân", kind="citizen_reception", leader_ids=[(6, 0, self.vc_urban.ids)],
                            start=self.utc(date(2026, 6, 8), 8), stop=self.utc(date(2026, 6, 8), 11))
        vc_day.action_confirm()
        self.assertEqual(Entry._citizen_reception_shortfall(self.committee, june), 1, "a Vice-Chairman's day does not count")
        with freeze_time("2026-06-01"):
            Entry._cron_check_citizen_reception()
        self.assertTrue(self.committee.message_ids.filtered(
            lambda m: self.chief_office.partner_id in m.partner_ids and "Đ45.3" in (m.body or "")))
        own = self.entry(name="Chủ tịch tiếp công dân", kind="citizen_reception", leader_ids=[(6, 0, self.chairman.ids)],
                         start=self.utc(date(2026, 6, 18), 8), stop=self.utc(date(2026, 6, 18), 11))
        own.action_confirm()
        self.assertEqual(Entry._citizen_reception_shortfall(self.committee, june), 0)
        week.invalidate_recordset()
        self.assertFalse(week.citizen_reception_warning)
        self.profile.citizen_reception_days_per_month = 2
        self.assertEqual(Entry._citizen_reception_shortfall(self.committee, june), 1, "the number comes from the profile")
