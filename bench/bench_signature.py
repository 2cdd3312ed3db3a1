"""Signing and validating a 10-page PDF with the pyHanko layer of ubnd_digital_signature (issue #10).

No database: the PKI (CA, signer, seal in a SoftHSM2 token) is made on the fly, as in the addon's tests. The
signatures are visible as on an issued document (tools/appearance.py): the signer's image at box 7c of the last
page (found in the PDF's text), the seal's image over its left third, the text stamp of a separate attachment.
Run: bench/run.sh signature   (or: ~/.cache/ubnd-eoffice/venv/bin/python bench/bench_signature.py [--runs 20])
Target (issue #10): under 1 s each on the 2-core machine.
"""
import argparse
import asyncio
import importlib.util
import os
import statistics
import sys
import time
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "addons", "ubnd_digital_signature", "tools")


def load_tools():
    """The addon's Odoo-free tools package, without importing Odoo."""
    package = types.ModuleType("ubnd_dsig_tools")
    package.__path__ = [TOOLS]
    sys.modules["ubnd_dsig_tools"] = package
    modules = {}
    for name in ("appearance", "pades", "test_pki", "demo_images"):
        spec = importlib.util.spec_from_file_location("ubnd_dsig_tools." + name, os.path.join(TOOLS, name + ".py"))
        modules[name] = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = modules[name]
        spec.loader.exec_module(modules[name])
    return modules["pades"], modules["test_pki"], modules["appearance"], modules["demo_images"]


SIGNER = "Nguyễn Văn An"


def decree_pdf(pages, appearance):
    """A Decree 30-like document of ``pages`` pages whose last page ends with the signature block."""
    from io import BytesIO
    from reportlab.pdfgen import canvas
    out = BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595.28, 841.89))
    font = appearance.register_font()
    for page in range(pages):
        pdf.setFont(font, 14)
        for line in range(38):
            pdf.drawString(85, 770 - line * 18,
                           "Điều %s. Nội dung văn bản thử nghiệm ký số, trang %s." % (line + 1, page + 1))
        if page == pages - 1:
            pdf.drawCentredString(420, 80 + 120, "KT. CHỦ TỊCH")
            pdf.drawCentredString(420, 80 + 102, "PHÓ CHỦ TỊCH")
            pdf.drawCentredString(420, 80, SIGNER)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def measure(func, runs):
    func()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    pades, pki, appearance, images = load_tools()
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    ca_key = pki.make_key()
    ca = pki.make_certificate("Bench CA", ca_key, ca=True)
    key = pki.make_key()
    cert = pki.make_certificate("Bench signer", key, ca, ca_key)
    seal_key = pki.make_key()
    seal = pki.make_certificate("Bench seal", seal_key, ca, ca_key)
    roots = [pades.load_certificate(pki.der(ca))]
    pdf = decree_pdf(args.pages, appearance)
    software = pki.software_signer(key, cert, [ca])
    token = pki.SoftHsmToken("bench", "1234")
    token.import_key(seal_key, "seal")
    signature_png, seal_png = images.signature_png(SIGNER), images.seal_png("Ủy ban nhân dân thành phố", "Bench")

    def signer_placement():
        return appearance.signer_placement(pdf, SIGNER, signature_png)

    def sign_software():
        return pades.sign_pdf(pdf, software, "Signer", placement=signer_placement())

    def external():
        prepared = pades.prepare_external(pdf, pades.load_certificate(pki.der(cert)), "Signer",
                                          placement=signer_placement())
        cms = asyncio.run(software.async_sign(prepared.digest, "sha256", use_pades=True))
        return pades.finish_external(prepared, cms.dump())

    signed = external()

    def with_token(content, placement):
        session = open_pkcs11_session(token.module, token_label="bench", user_pin="1234")
        try:
            signer = PKCS11Signer(session, key_label="seal", signing_cert=pades.load_certificate(pki.der(seal)))
            return pades.sign_pdf(content, signer, "Seal", placement=placement)
        finally:
            session.close()

    def seal_with_token():
        _name, page, rect = appearance.signature_rects(signed)[-1]
        return with_token(signed, appearance.seal_placement(page, rect, seal_png))

    attachment = pki.make_pdf(args.pages, "PHU LUC")

    def seal_attachment():
        return with_token(attachment, appearance.text_stamp_placement(appearance.page_size(attachment),
                                                                      "Số: 12/QĐ-UBND; %(ts)s"))

    issued = seal_with_token()
    assert all(check.ok for check in pades.validate_pdf(issued, roots)), "the benchmark's PDF does not validate"
    assert len(appearance.signature_rects(issued)) == 2, "the signatures are not visible"
    rows = [
        ("sign with image at box 7c, software key (upload / plugin stand-in)", measure(sign_software, args.runs)),
        ("sign with image at box 7c, external signer (prepare + CMS + embed)", measure(external, args.runs)),
        ("seal with image over the signer's, PKCS#11 token (SoftHSM2), 2nd signature",
         measure(seal_with_token, args.runs)),
        ("seal a separate attachment with the text stamp, PKCS#11 token", measure(seal_attachment, args.runs)),
        ("validate, 1 signature", measure(lambda: pades.validate_pdf(signed, roots), args.runs)),
        ("validate, 2 signatures (signer + seal)", measure(lambda: pades.validate_pdf(issued, roots), args.runs)),
    ]
    token.cleanup()
    print("%d-page PDF: %d kB unsigned, %d kB with two signatures; %d runs after one warm-up, %d CPU(s)"
          % (args.pages, len(pdf) // 1024, len(issued) // 1024, args.runs, os.cpu_count()))
    print("| operation | median | min | max |\n| --- | ---: | ---: | ---: |")
    for name, (median, low, high) in rows:
        print("| %s | %.1f ms | %.1f ms | %.1f ms |" % (name, median, low, high))


if __name__ == "__main__":
    main()
