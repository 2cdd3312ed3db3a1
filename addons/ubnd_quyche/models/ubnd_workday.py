from datetime import date, timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .base import MAX_DATE, MIN_DATE, to_date

WEEKEND = (5, 6)  # Saturday, Sunday
DEFAULT_TZ = "Asia/Ho_Chi_Minh"  # a committee without its own time zone works in Vietnam's


class UbndWorkday(models.AbstractModel):
    """The one working-day engine of the suite.

    Every deadline of the regulation ("within 03 ngày làm việc", "at least 05 ngày làm việc
    before the session", "the previous working day when the 25th is a day off") is computed
    here from the stored days off and worked days (``ubnd.holiday``). Counting convention:
    the day of the event is day 0; ``add_working_days(d, n)`` is the n-th working day after
    ``d``, and ``count_working_days(d, add_working_days(d, n)) == n``.

    Its public methods are callable over RPC: days may be dates, ISO strings (``"2026-03-02"``) or
    datetimes (read as the date in the committee's time zone, Asia/Ho_Chi_Minh); the committee a
    ``res.company`` record or id. Anything else, or a day outside 1900–2200, is refused with a clear
    error, and so is a result that would leave that window.
    """

    _name = "ubnd.workday"
    _description = "Working-day engine"

    # --- Arguments --------------------------------------------------------------------------
    @api.model
    def _day(self, value):
        if type(value) is date and MIN_DATE <= value <= MAX_DATE:  # the common case, from a Date field
            return value
        return to_date(self.env, value, self.env._("The date"))

    @api.model
    def _company_id(self, company):
        if not company:
            return self.env.company.id
        if isinstance(company, models.BaseModel) and company._name == "res.company":
            return company[:1].id or self.env.company.id
        if isinstance(company, int) and not isinstance(company, bool):
            return company
        raise ValidationError(self.env._("The committee must be given as a company."))

    @api.model
    def _check_amount(self, amount):
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValidationError(self.env._("A number of days must be a whole number."))
        if amount < 0:
            raise ValidationError(self.env._("A number of days cannot be negative."))
        if amount > (MAX_DATE - MIN_DATE).days:
            raise ValidationError(self.env._(
                "The result would fall outside the dates the system accepts (01/01/1900 to 31/12/2200)."
            ))

    # --- Today ------------------------------------------------------------------------------
    @api.model
    def today(self, company=None):
        """The committee's current date, in its time zone whoever asks: a user whose own time zone
        differs, or a scheduled job run by the system user, count days as the committee does."""
        committee = self.env["ubnd.committee"].sudo()._for_company(
            self.env["res.company"].browse(self._company_id(company)))
        tz = committee.tz or DEFAULT_TZ
        return fields.Date.context_today(self.with_context(tz=tz))

    # --- Calendar data ----------------------------------------------------------------------
    @tools.ormcache("year", "company_id")
    def _stored_exceptions_of_year(self, year, company_id):
        """(public holidays stored?, days off, worked weekend days) of a year, cached until a holiday changes."""
        Holiday = self.env["ubnd.holiday"].sudo()
        generated = bool(Holiday.with_context(active_test=False).search_count(
            [("source", "=", "generated"), ("date", ">=", date(year, 1, 1)), ("date", "<=", date(year, 12, 31))],
            limit=1,
        ))
        rows = Holiday.search_read(
            [("date", ">=", date(year, 1, 1)), ("date", "<=", date(year, 12, 31)),
             ("company_id", "in", [False, company_id])],
            ["date", "kind"],
        )
        days_off = frozenset(r["date"] for r in rows if r["kind"] == "day_off")
        worked = frozenset(r["date"] for r in rows if r["kind"] == "worked_day")
        return generated, days_off, worked

    @api.model
    def _exceptions_of_year(self, year, company_id):
        generated, days_off, worked = self._stored_exceptions_of_year(year, company_id)
        if not generated and self.env["ubnd.holiday"]._generates_year(year):
            # Normally stored ahead by the install hook and the yearly cron; this is the fallback.
            self.env["ubnd.holiday"]._generate_years([year])
            generated, days_off, worked = self._stored_exceptions_of_year(year, company_id)
        return days_off, worked

    @api.model
    def _is_working_day(self, day, company_id):
        days_off, worked = self._exceptions_of_year(day.year, company_id)
        if day in worked:
            return True
        return day.weekday() not in WEEKEND and day not in days_off

    @api.model
    def is_working_day(self, day, company=None):
        return self._is_working_day(self._day(day), self._company_id(company))

    # --- Arithmetic -------------------------------------------------------------------------
    @api.model
    def _step(self, day, amount, direction, company_id):
        remaining = amount
        while remaining:
            if day >= MAX_DATE if direction > 0 else day <= MIN_DATE:
                raise ValidationError(self.env._(
                    "The result would fall outside the dates the system accepts (01/01/1900 to 31/12/2200)."
                ))
            day += timedelta(days=direction)
            if self._is_working_day(day, company_id):
                remaining -= 1
        return day

    @api.model
    def add_working_days(self, start, amount, company=None):
        """The ``amount``-th working day after ``start`` (``start`` itself when amount is 0)."""
        self._check_amount(amount)
        return self._step(self._day(start), amount, 1, self._company_id(company))

    @api.model
    def subtract_working_days(self, day, amount, company=None):
        """The ``amount``-th working day before ``day``: the latest date that is ``amount``
        working days ahead of it (e.g. documents at least 05 working days before a session)."""
        self._check_amount(amount)
        return self._step(self._day(day), amount, -1, self._company_id(company))

    @api.model
    def add_calendar_days(self, start, amount):
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValidationError(self.env._("A number of days must be a whole number."))
        start = self._day(start)
        if not -(MAX_DATE - MIN_DATE).days <= amount <= (MAX_DATE - MIN_DATE).days \
                or not MIN_DATE <= start + timedelta(days=amount) <= MAX_DATE:
            raise ValidationError(self.env._(
                "The result would fall outside the dates the system accepts (01/01/1900 to 31/12/2200)."
            ))
        return start + timedelta(days=amount)

    @api.model
    def count_working_days(self, start, end, company=None):
        """Working days in (start, end]: how many working days ``end`` lies after ``start``.
        Negative when ``end`` is before ``start``."""
        start, end, company_id = self._day(start), self._day(end), self._company_id(company)
        if end < start:
            return -self._count(end, start, company_id)
        return self._count(start, end, company_id)

    @api.model
    def _count(self, start, end, company_id):
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self._is_working_day(day, company_id):
                count += 1
        return count

    @api.model
    def next_working_day(self, day, company=None):
        """The first working day strictly after ``day``."""
        return self._step(self._day(day), 1, 1, self._company_id(company))

    @api.model
    def working_day_on_or_after(self, day, company=None):
        day, company_id = self._day(day), self._company_id(company)
        return day if self._is_working_day(day, company_id) else self._step(day, 1, 1, company_id)

    @api.model
    def previous_working_day(self, day, company=None):
        """The last working day strictly before ``day``."""
        return self._step(self._day(day), 1, -1, self._company_id(company))

    @api.model
    def roll_back_to_working_day(self, day, company=None):
        """``day`` if it is a working day, else the previous working day (001 Đ19.2.c, Đ19.3.c)."""
        day, company_id = self._day(day), self._company_id(company)
        return day if self._is_working_day(day, company_id) else self._step(day, 1, -1, company_id)
