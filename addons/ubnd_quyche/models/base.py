import math
from datetime import date, datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import is_privileged

# The window of dates the regulation makes sense in: no legal act of a People's Committee predates 1900,
# and nothing is planned past 2200. Outside it the working-day engine and PostgreSQL give no useful answer.
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)
INT4_MIN, INT4_MAX = -(2 ** 31), 2 ** 31 - 1
TEXT_TYPES = ("char", "text", "html", "selection")
RELATION_ID_TYPES = ("many2one", "many2one_reference")
X2MANY_TYPES = ("one2many", "many2many")


def check_date_window(env, value, label):
    """Refuse a date (or the date of a datetime) outside 1900–2200, naming the field or argument."""
    day = value.date() if isinstance(value, datetime) else value
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValidationError(env._(
            "“%(field)s”: %(value)s is outside the dates the system accepts (01/01/1900 to 31/12/2200).",
            field=label, value=day.strftime("%d/%m/%Y") if day.year >= 1000 else day.isoformat(),
        ))


class Base(models.AbstractModel):
    """What every model of the suite shares: checked input, and children that follow their parent.

    Input: the values a client sends to ``create`` and ``write`` of a ``ubnd.*`` model are checked
    against the field they are for, before anything is written, so that a NUL byte, a selection value
    that does not exist, 30 February, a date outside 1900–2200 or an integer PostgreSQL cannot store
    give a clear error naming the field, not a raw ``ValueError`` or database message.
    """

    _inherit = "base"

    # Name of the Many2one whose record access this model's records follow (see ir.rule).
    _ubnd_parent_field = None

    @api.model
    def _ubnd_follow_parent_domain(self, parent_domain):
        return Domain(self._ubnd_parent_field, "any", parent_domain)

    # --- Checked input ---------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if self._name.startswith("ubnd."):
            for vals in vals_list:
                self._ubnd_check_input(vals)
            self = self._ubnd_without_client_defaults()
        return super().create(vals_list)

    def _ubnd_without_client_defaults(self):
        """``default_<field>`` context keys are values a client sends too: they set no field that only the
        server sets (read-only fields: a state, a number, a signer), unless the server itself creates."""
        context = self.env.context
        if self.env.su or is_privileged(self, "ubnd_workflow") or not any(k.startswith("default_") for k in context):
            return self
        protected = {
            name for name, field in self._fields.items()
            if field.readonly and field.store and not field.compute and not field.related
        } | set(getattr(self, "_ubnd_client_protected", ()))
        dropped = {key for key in context if key.startswith("default_") and key[8:] in protected}
        if not dropped:
            return self
        return self.with_context({k: v for k, v in context.items() if k not in dropped})

    def write(self, vals):
        if self._name.startswith("ubnd."):
            self._ubnd_check_input(vals)
        return super().write(vals)

    @api.model
    def _ubnd_check_input(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is None or value is False:
                continue
            self._ubnd_check_value(field, value)

    @api.model
    def _ubnd_input_error(self, field, message):
        return ValidationError(self.env._(
            "“%(field)s”: %(problem)s", field=field._description_string(self.env), problem=message,
        ))

    @api.model
    def _ubnd_check_value(self, field, value):
        ftype = field.type
        if ftype in TEXT_TYPES:
            if not isinstance(value, str):
                if ftype == "selection" and isinstance(value, int) and not isinstance(value, bool):
                    pass  # integer selections
                else:
                    raise self._ubnd_input_error(field, self.env._("a text is expected."))
            elif "\x00" in value:
                raise self._ubnd_input_error(field, self.env._("the text contains a NUL character, which cannot be stored."))
            if ftype == "selection":
                allowed = field.get_values(self.env)
                if value not in allowed:
                    raise self._ubnd_input_error(field, self.env._(
                        "“%(value)s” is not one of the allowed values.", value=str(value)[:80],
                    ))
        elif ftype in ("date", "datetime"):
            try:
                converted = field.convert_to_cache(value, self.browse())
            except (ValueError, TypeError):
                converted = None
            if not converted:
                expected = "YYYY-MM-DD" if ftype == "date" else "YYYY-MM-DD HH:MM:SS"
                raise self._ubnd_input_error(field, self.env._(
                    "“%(value)s” is not a valid date (expected %(format)s).", value=str(value)[:40], format=expected,
                ))
            check_date_window(self.env, converted, field._description_string(self.env))
        elif ftype == "integer":
            self._ubnd_check_integer(field, value)
        elif ftype in ("float", "monetary"):
            try:
                number = float(value)
            except (ValueError, TypeError):
                raise self._ubnd_input_error(field, self.env._("a number is expected.")) from None
            if not math.isfinite(number):
                raise self._ubnd_input_error(field, self.env._("a finite number is expected."))
        elif ftype in RELATION_ID_TYPES:
            if isinstance(value, int) and not isinstance(value, bool):
                self._ubnd_check_integer(field, value)
            elif isinstance(value, str):
                raise self._ubnd_input_error(field, self.env._("a record id is expected."))
        elif ftype in X2MANY_TYPES and isinstance(value, (list, tuple)):
            self._ubnd_check_commands(field, value)

    @api.model
    def _ubnd_check_integer(self, field, value):
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self._ubnd_input_error(field, self.env._("a whole number is expected."))
        try:
            number = int(value)
        except (ValueError, TypeError, OverflowError):
            raise self._ubnd_input_error(field, self.env._("a whole number is expected.")) from None
        if not INT4_MIN <= number <= INT4_MAX:
            raise self._ubnd_input_error(field, self.env._(
                "%(value)s is too large to be stored (limit ±2,147,483,647).", value=str(value)[:40],
            ))

    @api.model
    def _ubnd_check_commands(self, field, commands):
        """Record ids inside x2many commands; nested create/update values are checked by the comodel."""
        for command in commands:
            if isinstance(command, int) and not isinstance(command, bool):
                self._ubnd_check_integer(field, command)
            elif isinstance(command, (list, tuple)) and command:
                ids = []
                if command[0] in (1, 2, 3, 4) and len(command) > 1:
                    ids = [command[1]]
                elif command[0] == 6 and len(command) > 2 and isinstance(command[2], (list, tuple)):
                    ids = command[2]
                for record_id in ids:
                    if isinstance(record_id, int) and not isinstance(record_id, bool):
                        self._ubnd_check_integer(field, record_id)
                if command[0] in (0, 1) and len(command) > 2 and isinstance(command[2], dict) \
                        and not field.comodel_name.startswith("ubnd."):
                    self.env[field.comodel_name]._ubnd_check_input(command[2])


def to_date(env, value, label, tz="Asia/Ho_Chi_Minh"):
    """A date from what a caller may send: a date, a datetime (UTC as the ORM stores them, read in the
    committee's time zone), or an ISO string; refused with a clear error otherwise or outside 1900–2200."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = date.fromisoformat(text) if len(text) == 10 else fields.Datetime.to_datetime(text.replace("T", " ")[:19])
        except (ValueError, TypeError):
            value = None
    if isinstance(value, datetime):
        try:
            aware = value if value.tzinfo else pytz.utc.localize(value)
            value = aware.astimezone(pytz.timezone(tz)).date()
        except OverflowError:
            value = value.date()
    if not isinstance(value, date):
        raise ValidationError(env._("“%(field)s”: a valid date is expected (YYYY-MM-DD).", field=label))
    check_date_window(env, value, label)
    return value
