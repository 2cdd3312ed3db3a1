from odoo.http import route

from odoo.addons.report_xlsx.controllers.main import ReportController


class UbndReportController(ReportController):
    """Downloading a report only reads: the statistics workbook of a province (a million tasks) and the registers
    run on the read replica when Odoo has one (``db_replica_host``). A report that writes after all (one kept as
    an attachment) is retried by Odoo on the primary, so the flag is safe for every report."""

    @route(readonly=True)
    def report_download(self, data, context=None, token=None, readonly=True):
        return super().report_download(data, context=context, token=token, readonly=readonly)
