from odoo.http import route

from odoo.addons.report_xlsx.controllers.main import ReportController


def _download_readonly(controller, rule, args):
    """Every report download runs on a read-only cursor. Odoo refuses a plain ``readonly=True`` that overrides a
    read/write route, but takes a callable; a report that writes after all (one kept as an attachment) is retried
    by Odoo on the primary, so the answer is safe for every report."""
    return True


class UbndReportController(ReportController):
    """Downloading a report only reads: the statistics workbook of a province (a million tasks) and the registers
    run on the read replica when Odoo has one (``db_replica_host``)."""

    @route(readonly=_download_readonly)
    def report_download(self, data, context=None, token=None, readonly=True):
        return super().report_download(data, context=context, token=token, readonly=readonly)
