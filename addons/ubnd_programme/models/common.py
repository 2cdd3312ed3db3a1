"""Helpers shared by the programme, schedule and reporting models: who the user is for a committee."""

import calendar
import pytz
from datetime import date

from odoo import fields

from odoo.addons.ubnd_quyche.tools.guards import (  # noqa: F401 (shared by this addon's models)
    MAX_YEAR, MIN_YEAR, bind_attachments, check_committee_kept, check_sane_dates, refuse_workflow_values,
)


def today(record):
    return fields.Date.context_today(record)


def clamp_day(year, month, day):
    """``day`` of ``month``, or the month's last day when the month is shorter (a profile may say 31)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def business_fields(vals):
    """The fields of a write that are the record's own, leaving out the chatter's bookkeeping."""
    return {name for name in vals if not name.startswith(("message_", "activity_", "website_message"))}


def is_office(env):
    return env.user.has_group("ubnd_quyche.group_ubnd_office")


def acts_as_chairman(env, committee, day=None):
    """The Chairman, or the Vice-Chairman running the committee in his absence on ``day`` (000 Đ6.3.h)."""
    if not committee:
        return False
    if env.user == committee.chairman_id:
        return True
    day = day or fields.Date.context_today(committee)
    return env["ubnd.delegation"]._acting_chair_on(committee, day) == env.user


def unit_head_users(committee, kinds=None):
    """Users heading the committee's units (hr.department managers), optionally of some unit kinds."""
    units = committee.sudo().unit_ids
    if kinds:
        units = units.filtered(lambda u: u.ubnd_unit_kind in kinds)
    return units.manager_id.user_id


def user_units(env, user=None):
    return (user or env.user).sudo().employee_ids.department_id


def member_and_head_partners(committee):
    """The members of the committee and the heads of its units: who must hear of a programme change
    (000 Đ22.3, 001 Đ19.5)."""
    members = committee.sudo().member_ids.filtered("active").user_id
    return (members | unit_head_users(committee)).partner_id


DEFAULT_TZ = "Asia/Ho_Chi_Minh"


def committee_tz(committee):
    """The time zone in which a committee's days are counted: its company's, else Vietnam's."""
    return committee.sudo().company_id.partner_id.tz or DEFAULT_TZ


def local_date(committee, moment):
    """The committee's calendar day of a UTC datetime."""
    if not moment:
        return False
    return pytz.utc.localize(moment).astimezone(pytz.timezone(committee_tz(committee))).date()
