"""Selections and small helpers shared by the meeting models."""
from datetime import datetime, time

import pytz

from odoo.addons.ubnd_quyche.tools.guards import (  # noqa: F401 (shared by this addon's models)
    MAX_YEAR, MIN_YEAR, bind_attachments, check_committee_kept, check_sane_dates, refuse_workflow_values,
)

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
