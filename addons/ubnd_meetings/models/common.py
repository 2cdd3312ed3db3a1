"""Selections and small helpers shared by the meeting models."""
from datetime import datetime, time

import pytz

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.ubnd_quyche.tools import is_privileged

SESSION_KINDS = ("regular", "thematic", "extraordinary")
WORKING_KINDS = ("briefing", "working")
MEETING_KINDS = [
    ("regular", "Regular session"),
    ("thematic", "Thematic session"),
    ("extraordinary", "Extraordinary session"),
    ("briefing", "Briefing (giao ban)"),
    ("working", "Working meeting"),
    ("conference", "Conference"),
    ("unit", "Unit meeting"),
]
VOTE_CHOICES = [("approve", "Approve"), ("reject", "Not approve"), ("abstain", "Abstain")]
VN_TZ = "Asia/Ho_Chi_Minh"


def local_date(dt, tz_name=None):
    """The calendar day of a UTC datetime in the committee's time zone."""
    if not dt:
        return False
    tz = pytz.timezone(tz_name or VN_TZ)
    return pytz.utc.localize(dt).astimezone(tz).date()


def local_datetime_to_utc(day, hour, minute=0, tz_name=None):
    """A naive UTC datetime for ``day`` at ``hour``:``minute`` in the committee's time zone."""
    tz = pytz.timezone(tz_name or VN_TZ)
    return tz.localize(datetime.combine(day, time(hour, minute))).astimezone(pytz.utc).replace(tzinfo=None)


def ceil_fraction(numerator, denominator, total):
    """The least whole number of members that is at least numerator/denominator of ``total``.

    "Ít nhất hai phần ba" (000 Đ28.2) and "ít nhất một phần ba" (000 Đ26.1) round up (000 A26).
    """
    return -(-numerator * total // denominator)


# A sane window for the dates of a meeting, a ballot or a vote: the working-day engine and the printed
# minutes only make sense for these years (anything else is a typing or a forging error).
MIN_YEAR, MAX_YEAR = 1900, 2200


def check_sane_dates(model, vals, names):
    """Refuse, with a clear message, a date or datetime in ``vals`` that cannot be read or lies outside
    MIN_YEAR..MAX_YEAR. Run before the write, so nothing is half-written."""
    for name in names:
        value = vals.get(name)
        if not value:
            continue
        field = model._fields[name]
        try:
            parsed = fields.Datetime.to_datetime(value) if field.type == "datetime" else fields.Date.to_date(value)
        except (ValueError, TypeError):
            parsed = None
        if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValidationError(model.env._(
                "“%(field)s” must be a real date between the years %(min)s and %(max)s.",
                field=field._description_string(model.env), min=MIN_YEAR, max=MAX_YEAR,
            ))


def refuse_workflow_values(model, vals_list, workflow_fields, message):
    """What the workflow records is never sent by a client on create, as a value or as a ``default_`` key of
    the context. Returns ``model`` with such defaults removed from its context. The server's own steps (sudo,
    or the ``ubnd_workflow`` privilege of ubnd_quyche) pass."""
    if is_privileged(model, "ubnd_workflow"):
        return model
    for vals in vals_list:
        # An empty value forges nothing (a form may send an empty list for a one2many it shows).
        if any(vals[name] for name in set(vals) & set(workflow_fields)):
            raise AccessError(message)
    context = model.env.context
    forged = [key for key in context if key.startswith("default_") and key[len("default_"):] in workflow_fields]
    if forged:
        return model.with_context({key: value for key, value in context.items() if key not in forged})
    return model


def check_committee_kept(records, vals):
    """A record stays with the committee it was created for: moving it would hand it to another committee's
    users (and out of its own)."""
    if "committee_id" in vals and not records.env.su and any(
        record.committee_id.id != vals["committee_id"] for record in records
    ):
        raise AccessError(records.env._("A record stays with the committee it was created for."))


def bind_attachments(records, field_name):
    """Files uploaded into a Many2many field stay unbound (no ``res_id``): only their uploader could open
    them. Bind them to the record so they follow its access, but only files the current user may read —
    linking someone else's unbound file must not make it readable."""
    for record in records:
        unbound = record.sudo()[field_name].filtered(lambda a: not a.res_id)
        if not unbound:
            continue
        if not record.env.su:
            unbound.with_env(record.env).check_access("read")
        unbound.write({"res_model": record._name, "res_id": record.id})
