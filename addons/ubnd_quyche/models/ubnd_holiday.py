import logging
import re
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

# The holidays package names a substituted day off "Day off (substituted from 08/22/2026)":
# the date in brackets is the Saturday worked in exchange.
SUBSTITUTED_FROM = re.compile(r"substituted from (\d{2}/\d{2}/\d{4})")


class UbndHoliday(models.Model):
    """A day off or a worked weekend day, as the working-day engine reads them.

    National public holidays (Tết, Hùng Vương, 30/4, 1/5, 2/9 and its adjacent day, the days
    swapped by the Government each year) are generated from the ``holidays`` package and stored;
    an administrator adds local days off or worked Saturdays, or archives a generated row that
    the Government changed. Rows without a company apply to every committee.
    """

    _name = "ubnd.holiday"
    _description = "Day off or worked day"
    _order = "date desc"

    name = fields.Char(required=True)
    date = fields.Date(required=True, index=True)
    kind = fields.Selection(
        [("day_off", "Day off"), ("worked_day", "Worked weekend day")],
        required=True, default="day_off",
        help="A day off is not a working day even on a weekday; a worked weekend day is a working day "
        "even on a Saturday or Sunday (days swapped by the Government).",
    )
    source = fields.Selection(
        [("generated", "Vietnamese public holidays"), ("manual", "Added by an administrator")],
        required=True, default="manual", readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Committee",
        help="Leave empty for a national day; set it for a day that applies to one committee only.",
    )
    active = fields.Boolean(default=True)

    _date_kind_company_unique = models.UniqueIndex(
        "(date, kind, COALESCE(company_id, 0))",
        "This day is already registered.",
    )

    @api.constrains("date", "kind")
    def _check_worked_day_is_weekend(self):
        for holiday in self:
            if holiday.kind == "worked_day" and holiday.date.weekday() < 5:
                raise ValidationError(self.env._(
                    "A worked day must fall on a Saturday or a Sunday: %(date)s is already a working day.",
                    date=holiday.date.strftime("%d/%m/%Y"),
                ))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res

    # --- Generation from the holidays package ---------------------------------------------
    @api.model
    def _generates_year(self, year):
        """Whether the holidays package knows Vietnam's public holidays of ``year`` (1901–2100 today)."""
        import holidays as holidays_lib  # noqa: PLC0415

        calendar = holidays_lib.country_holidays("VN")
        return getattr(calendar, "start_year", 1) <= year <= getattr(calendar, "end_year", 9999)

    @api.model
    def _generate_years(self, years):
        """Store Vietnam's public holidays and swapped days for ``years`` (idempotent)."""
        import holidays as holidays_lib  # noqa: PLC0415  (external dependency declared in the manifest)

        Holiday = self.sudo().with_context(active_test=False)
        for year in years:
            if Holiday.search_count([("source", "=", "generated"), ("date", ">=", date(year, 1, 1)),
                                     ("date", "<=", date(year, 12, 31))], limit=1):
                continue
            rows = []
            names_vi = holidays_lib.country_holidays("VN", years=year, language="vi")
            for day, name in sorted(holidays_lib.country_holidays("VN", years=year, language="en_US").items()):
                rows.append({"date": day, "name": names_vi.get(day, name), "kind": "day_off", "source": "generated"})
                swapped = SUBSTITUTED_FROM.search(name)
                if swapped:
                    worked = datetime.strptime(swapped.group(1), "%m/%d/%Y").date()
                    rows.append({"date": worked, "name": "Ngày làm bù cho ngày %s" % day.strftime("%d/%m/%Y"),
                                 "kind": "worked_day", "source": "generated"})
            if not rows:
                continue
            existing = set(Holiday.search([("date", "in", [r["date"] for r in rows]), ("company_id", "=", False)])
                           .mapped(lambda h: (h.date, h.kind)))
            Holiday.create([r for r in rows if (r["date"], r["kind"]) not in existing])
            _logger.info("Stored %d Vietnamese public holidays for %s", len(rows), year)

    @api.model
    def _cron_generate_next_years(self):
        """Keep the coming years stored (a yearly cron)."""
        this_year = fields.Date.context_today(self).year
        self._generate_years(range(this_year, this_year + 3))
