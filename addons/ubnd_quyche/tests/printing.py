"""Reading printed documents in tests: real PDFs from wkhtmltopdf, read back with poppler's pdftotext."""
import subprocess


def no_web_assets(env):
    """wkhtmltopdf would fetch the web assets from this very test server, which waits for the test to end: the
    printout needs none of them (its styles are inline, its fonts the system's), so point it nowhere."""
    env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")


def pdf_text(content):
    """The text of a PDF as its reader sees it (pdftotext -layout; page breaks as form feeds)."""
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True,
                          check=True).stdout.decode()
