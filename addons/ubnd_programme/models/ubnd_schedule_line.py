from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL, Query

import pytz

from .common import DEFAULT_TZ, committee_tz
from .ubnd_schedule_entry import KINDS


class UbndScheduleLine(models.Model):
    """One activity on one day of the leaders' weekly schedule (000 Đ21.2.d, 001 Đ18.2.d): a read-only view.

    It unites, day by day, the entries the Office puts on the schedule (``ubnd.schedule.entry`` in state
    confirmed) and the leaders' calendar events (meetings created by the meetings addon, or by anyone, with the
    Chairman or a Vice-Chairman among the attendees; private events are left out). Each activity is one line
    per day naming all its leaders, the Chairman first (a meeting of three leaders is read once, not three
    times). A period over several days (a trip, a session) gives one line per day; an entry without a leader (a
    session) concerns everyone.
    ``published`` is true once the Office has published the week's programme (000 Đ24.4.a): staff only see
    published weeks.
    """

    _name = "ubnd.schedule.line"
    _description = "Weekly schedule line"
    _auto = False
    _order = "date, start, id"
    _rec_name = "name"
    # Flushed before the view is read (it is not used to invalidate the cache).
    _depends = {
        "ubnd.schedule.entry": ["state", "kind", "name", "start", "stop", "allday", "location", "committee_id",
                                "leader_ids", "event_id"],
        "calendar.event": ["name", "start", "stop", "allday", "start_date", "stop_date", "location", "active",
                           "privacy", "partner_ids", "user_id"],
        "ubnd.committee.member": ["active", "role", "user_id", "committee_id"],
        "ubnd.programme": ["state", "kind", "committee_id", "date_start", "date_end"],
    }

    date = fields.Date("Day", readonly=True)
    committee_id = fields.Many2one("ubnd.committee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    leader_ids = fields.Many2many("res.users", string="Leader", compute="_compute_leader_ids",
                                  search="_search_leader_ids")
    leader_names = fields.Char("Leaders", readonly=True, help="The leaders' full names, the Chairman first.")
    kind = fields.Selection(KINDS, readonly=True)
    name = fields.Char("Activity", readonly=True)
    start = fields.Datetime(readonly=True)
    stop = fields.Datetime(readonly=True)
    allday = fields.Boolean("All day", readonly=True)
    location = fields.Char(readonly=True)
    entry_id = fields.Many2one("ubnd.schedule.entry", string="Schedule entry", readonly=True)
    event_id = fields.Many2one("calendar.event", string="Calendar event", readonly=True)
    source = fields.Selection([("entry", "Office entry"), ("event", "Calendar")], readonly=True)
    published = fields.Boolean(readonly=True)
    time_label = fields.Char("Time", compute="_compute_time_label")
    weekday_label = fields.Char("Weekday", compute="_compute_time_label")

    @api.model
    def _day_label(self, day):
        """'Monday 23/11' in the user's language."""
        names = [self.env._("Monday"), self.env._("Tuesday"), self.env._("Wednesday"), self.env._("Thursday"),
                 self.env._("Friday"), self.env._("Saturday"), self.env._("Sunday")]
        return "%s %s" % (names[day.weekday()], day.strftime("%d/%m"))

    def _compute_leader_ids(self):
        self.env.flush_all()  # the view reads the entries and events as they are in the database
        self.env.cr.execute(SQL("SELECT id, leader_user_ids FROM %s WHERE id = ANY(%s)",
                                SQL.identifier(self._table), list(self.ids)))
        leaders = dict(self.env.cr.fetchall())
        for line in self:
            line.leader_ids = self.env["res.users"].browse(leaders.get(line.id) or [])

    def _search_leader_ids(self, operator, value):
        """The lines where one of the given users leads: the view keeps the leaders' ids in an array."""
        if operator in ("any", "not any"):
            query = value if isinstance(value, Query) else self.env["res.users"]._search(value)
            user_ids = [row[0] for row in self.env.execute_query(query.select())]
            operator = "in" if operator == "any" else "not in"
        elif operator in ("in", "not in"):
            user_ids = [v for v in value if isinstance(v, int)]
        else:
            return NotImplemented
        overlap = Domain.custom(to_sql=lambda model, alias, query: SQL(
            "%s && %s::integer[]", SQL.identifier(alias, "leader_user_ids"), user_ids))
        return overlap if operator == "in" else ~overlap

    def _compute_time_label(self):
        for line in self:
            line.weekday_label = line.date and self._day_label(line.date) or ""
            if line.allday or not line.start:
                line.time_label = self.env._("All day")
                continue
            tz = pytz.timezone(committee_tz(line.committee_id))
            start = pytz.utc.localize(line.start).astimezone(tz)
            stop = pytz.utc.localize(line.stop).astimezone(tz)
            if start.date() < line.date and stop.date() > line.date:
                line.time_label = self.env._("All day")
            elif start.date() < line.date:
                line.time_label = self.env._("until %(time)s", time=stop.strftime("%H:%M"))
            elif stop.date() > line.date:
                line.time_label = self.env._("from %(time)s", time=start.strftime("%H:%M"))
            else:
                line.time_label = "%s–%s" % (start.strftime("%H:%M"), stop.strftime("%H:%M"))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # The days a period covers. A plpgsql function with a small ROWS estimate: generate_series() is estimated
        # at 1000 rows, which makes the planner cost the view high enough to JIT-compile it (seconds per query).
        self.env.cr.execute(SQL("""
            CREATE OR REPLACE FUNCTION ubnd_schedule_days(day_from date, day_to date) RETURNS SETOF date
            LANGUAGE plpgsql IMMUTABLE ROWS 2 AS $$
            BEGIN
                RETURN QUERY SELECT d::date FROM generate_series(day_from, GREATEST(day_from, day_to), interval '1 day') AS d;
            END
            $$
        """))
        self.env.cr.execute(SQL(
            """
            CREATE OR REPLACE VIEW %(table)s AS (
            WITH committee_tz AS (
                SELECT c.id AS committee_id, c.company_id, COALESCE(NULLIF(p.tz, ''), %(tz)s) AS tz
                  FROM ubnd_committee c
                  JOIN res_company co ON co.id = c.company_id
                  JOIN res_partner p ON p.id = co.partner_id
            ), leaders AS (
                SELECT m.committee_id, m.user_id, u.partner_id
                  FROM ubnd_committee_member m
                  JOIN res_users u ON u.id = m.user_id
                 WHERE m.active AND m.role IN ('chairman', 'vice_chairman')
            ), src AS (
                SELECT e.id AS entry_id, NULL::integer AS event_id, 'entry' AS source, e.committee_id, ct.company_id,
                       rel.user_id AS leader_id, e.kind, e.name, e.start, e.stop, COALESCE(e.allday, FALSE) AS allday,
                       e.location,
                       (e.start AT TIME ZONE 'UTC' AT TIME ZONE ct.tz)::date AS day_from,
                       (e.stop AT TIME ZONE 'UTC' AT TIME ZONE ct.tz)::date AS day_to
                  FROM ubnd_schedule_entry e
                  JOIN committee_tz ct ON ct.committee_id = e.committee_id
             LEFT JOIN ubnd_schedule_entry_leader_rel rel ON rel.entry_id = e.id
                 WHERE e.state = 'confirmed' AND e.kind != 'unit_foreign_reception'
                UNION ALL
                SELECT NULL::integer, ev.id, 'event', l.committee_id, ct.company_id, l.user_id, 'meeting', ev.name,
                       ev.start, ev.stop, COALESCE(ev.allday, FALSE), ev.location,
                       CASE WHEN ev.allday THEN ev.start_date
                            ELSE (ev.start AT TIME ZONE 'UTC' AT TIME ZONE ct.tz)::date END,
                       CASE WHEN ev.allday THEN ev.stop_date
                            ELSE (ev.stop AT TIME ZONE 'UTC' AT TIME ZONE ct.tz)::date END
                  FROM calendar_event ev
                  JOIN calendar_event_res_partner_rel pr ON pr.calendar_event_id = ev.id
                  JOIN leaders l ON l.partner_id = pr.res_partner_id
                  JOIN committee_tz ct ON ct.committee_id = l.committee_id
             LEFT JOIN res_users_settings rus ON rus.user_id = ev.user_id
                 WHERE ev.active
                   AND COALESCE(ev.privacy, rus.calendar_default_privacy, 'public') != 'private'
                   AND NOT EXISTS (SELECT 1 FROM ubnd_schedule_entry se
                                    WHERE se.event_id = ev.id AND se.state != 'cancelled')
            ), per_day AS (
                SELECT r.*, d.day::date AS date,
                       (SELECT MIN(ARRAY[CASE m.role WHEN 'chairman' THEN 0 ELSE 1 END, m.sequence, m.id])
                          FROM ubnd_committee_member m
                         WHERE m.user_id = r.leader_id AND m.committee_id = r.committee_id AND m.active) AS leader_rank
                  FROM src r
                 CROSS JOIN LATERAL ubnd_schedule_days(r.day_from, r.day_to) AS d(day)
            )
            SELECT row_number() OVER (ORDER BY p.date, p.start, p.entry_id, p.event_id, p.committee_id) AS id,
                   p.date, p.committee_id, p.company_id, p.kind, p.name, p.start, p.stop, p.allday, p.location,
                   p.entry_id, p.event_id, p.source,
                   ARRAY_REMOVE(ARRAY_AGG(p.leader_id ORDER BY p.leader_rank, lp.name), NULL) AS leader_user_ids,
                   STRING_AGG(lp.name, ', ' ORDER BY p.leader_rank, lp.name) AS leader_names,
                   EXISTS (SELECT 1 FROM ubnd_programme pr
                            WHERE pr.committee_id = p.committee_id AND pr.kind = 'week' AND pr.state = 'issued'
                              AND p.date BETWEEN pr.date_start AND pr.date_end) AS published
              FROM per_day p
         LEFT JOIN res_users lu ON lu.id = p.leader_id
         LEFT JOIN res_partner lp ON lp.id = lu.partner_id
             GROUP BY p.date, p.committee_id, p.company_id, p.kind, p.name, p.start, p.stop, p.allday, p.location,
                      p.entry_id, p.event_id, p.source
            )
            """,
            table=SQL.identifier(self._table), tz=DEFAULT_TZ,
        ))

    @api.model
    def _for_week(self, committee, date_from, date_to):
        return self.search([("committee_id", "=", committee.id), ("date", ">=", date_from), ("date", "<=", date_to)])
