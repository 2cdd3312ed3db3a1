from datetime import date, timedelta

from odoo import api, models, tools
from odoo.exceptions import UserError

WEEKEND = (5, 6)  # Saturday, Sunday


class UbndWorkday(models.AbstractModel):
    """The one working-day engine of the suite.

    Every deadline of the regulation ("within 03 ngày làm việc", "at least 05 ngày làm việc
    before the session", "the previous working day when the 25th is a day off") is computed
    here from the stored days off and worked days (``ubnd.holiday``). Counting convention:
    the day of the event is day 0; ``add_working_days(d, n)`` is the n-th working day after
    ``d``, and ``count_working_days(d, add_working_days(d, n)) == n``.
    """

    _name = "ubnd.workday"
    _description = "Working-day engine"

    # --- Calendar data ----------------------------------------------------------------------
    @api.model
    def _company_id(self, company):
        return (company or self.env.company).id

    @tools.ormcache("year", "company_id")
    def _stored_exceptions_of_year(self, year, company_id):
        """(days off, worked weekend days) of a year as two frozensets, cached until a holiday
        changes; None when the year's public holidays are not stored yet."""
        Holiday = self.env["ubnd.holiday"].sudo()
        if not Holiday.with_context(active_test=False).search_count(
            [("source", "=", "generated"), ("date", ">=", date(year, 1, 1)), ("date", "<=", date(year, 12, 31))],
            limit=1,
        ):
            return None
        rows = Holiday.search_read(
            [("date", ">=", date(year, 1, 1)), ("date", "<=", date(year, 12, 31)),
             ("company_id", "in", [False, company_id])],
            ["date", "kind"],
        )
        days_off = frozenset(r["date"] for r in rows if r["kind"] == "day_off")
        worked = frozenset(r["date"] for r in rows if r["kind"] == "worked_day")
        return days_off, worked

    @api.model
    def _exceptions_of_year(self, year, company_id):
        exceptions = self._stored_exceptions_of_year(year, company_id)
        if exceptions is None:
            # Normally stored ahead by the install hook and the yearly cron; this is the fallback.
            self.env["ubnd.holiday"]._generate_years([year])
            exceptions = self._stored_exceptions_of_year(year, company_id)
        return exceptions

    @api.model
    def is_working_day(self, day, company=None):
        days_off, worked = self._exceptions_of_year(day.year, self._company_id(company))
        if day in worked:
            return True
        return day.weekday() not in WEEKEND and day not in days_off

    # --- Arithmetic -------------------------------------------------------------------------
    @api.model
    def _check_amount(self, amount):
        if amount is None or amount < 0:
            raise UserError(self.env._("A number of days cannot be negative."))

    @api.model
    def _step(self, day, amount, direction, company):
        remaining = amount
        while remaining:
            day += timedelta(days=direction)
            if self.is_working_day(day, company):
                remaining -= 1
        return day

    @api.model
    def add_working_days(self, start, amount, company=None):
        """The ``amount``-th working day after ``start`` (``start`` itself when amount is 0)."""
        self._check_amount(amount)
        return self._step(start, amount, 1, company)

    @api.model
    def subtract_working_days(self, day, amount, company=None):
        """The ``amount``-th working day before ``day``: the latest date that is ``amount``
        working days ahead of it (e.g. documents at least 05 working days before a session)."""
        self._check_amount(amount)
        return self._step(day, amount, -1, company)

    @api.model
    def add_calendar_days(self, start, amount):
        return start + timedelta(days=amount)

    @api.model
    def count_working_days(self, start, end, company=None):
        """Working days in (start, end]: how many working days ``end`` lies after ``start``.
        Negative when ``end`` is before ``start``."""
        if end < start:
            return -self.count_working_days(end, start, company)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day, company):
                count += 1
        return count

    @api.model
    def next_working_day(self, day, company=None):
        """The first working day strictly after ``day``."""
        return self._step(day, 1, 1, company)

    @api.model
    def working_day_on_or_after(self, day, company=None):
        return day if self.is_working_day(day, company) else self.next_working_day(day, company)

    @api.model
    def previous_working_day(self, day, company=None):
        """The last working day strictly before ``day``."""
        return self._step(day, 1, -1, company)

    @api.model
    def roll_back_to_working_day(self, day, company=None):
        """``day`` if it is a working day, else the previous working day (001 Đ19.2.c, Đ19.3.c)."""
        return day if self.is_working_day(day, company) else self.previous_working_day(day, company)
