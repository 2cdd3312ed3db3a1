from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

PERIOD_TYPES = [
    ("month", "Monthly"),
    ("quarter", "Quarterly"),
    ("half_year", "Six-month"),
    ("year", "Annual"),
    ("adhoc", "Ad hoc"),
]


class UbndReportPeriod(models.AbstractModel):
    """Report periods and their cut-off dates, from the regulation profile (000 Đ50.3.b).

    Quarterly reports are due on the profile's day of the quarter's last month (20), the six-month
    report on its day and month (20/6), the annual report on its day and month (20/12). A period's
    data run from the day after the previous cut-off to its own cut-off, so consecutive reports
    neither overlap nor leave days out. Monthly reports (002 Đ10.2, Đ21.2) cover the calendar month.
    """

    _name = "ubnd.report.period"
    _description = "Report periods"

    @api.model
    def _cut_off(self, profile, period_type, year, number=None):
        if period_type == "quarter":
            return date(year, 3 * int(number), profile.report_quarter_day)
        if period_type == "half_year":
            return date(year, profile.report_half_year_month, profile.report_half_year_day)
        if period_type == "year":
            return date(year, profile.report_annual_month, profile.report_annual_day)
        if period_type == "month":
            return date(year, int(number), 1) + relativedelta(months=1, days=-1)
        return None

    @api.model
    def _bounds(self, profile, period_type, year, number=None):
        """(first day, cut-off day) of the period."""
        end = self._cut_off(profile, period_type, year, number)
        if period_type == "month":
            return date(year, int(number), 1), end
        if period_type == "quarter":
            previous = (self._cut_off(profile, "quarter", year, int(number) - 1) if int(number) > 1
                        else self._cut_off(profile, "year", year - 1))
        elif period_type in ("half_year", "year"):
            previous = self._cut_off(profile, "year", year - 1)
        else:
            return None, None
        return previous + timedelta(days=1), end
