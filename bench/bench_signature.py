"""Signing and validating a 10-page PDF with the pyHanko layer of ubnd_digital_signature (issue #10).

No database: the PKI (CA, signer, seal in a SoftHSM2 token) is made on the fly, as in the addon's tests.
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
    for name in ("pades", "test_pki"):
        spec = importlib.util.spec_from_file_location("ubnd_dsig_tools." + name, os.path.join(TOOLS, name + ".py"))
        modules[name] = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = modules[name]
        spec.loader.exec_module(modules[name])
    return modules["pades"], modules["test_pki"]


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
    pades, pki = load_tools()
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    ca_key = pki.make_key()
    ca = pki.make_certificate("Bench CA", ca_key, ca=True)
    key = pki.make_key()
    cert = pki.make_certificate("Bench signer", key, ca, ca_key)
    seal_key = pki.make_key()
    seal = pki.make_certificate("Bench seal", seal_key, ca, ca_key)
    roots = [pades.load_certificate(pki.der(ca))]
    pdf = pki.make_pdf(args.pages)
    software = pki.software_signer(key, cert, [ca])
    token = pki.SoftHsmToken("bench", "1234")
    token.import_key(seal_key, "seal")

    def sign_software():
        return pades.sign_pdf(pdf, software, "Signer")

    def external():
        prepared = pades.prepare_external(pdf, pades.load_certificate(pki.der(cert)), "Signer")
        cms = asyncio.run(software.async_sign(prepared.digest, "sha256", use_pades=True))
        return pades.finish_external(prepared, cms.dump())

    signed = external()

    def seal_with_token():
        session = open_pkcs11_session(token.module, token_label="bench", user_pin="1234")
        try:
            signer = PKCS11Signer(session, key_label="seal", signing_cert=pades.load_certificate(pki.der(seal)))
            return pades.sign_pdf(signed, signer, "Seal")
        finally:
            session.close()

    issued = seal_with_token()
    assert all(check.ok for check in pades.validate_pdf(issued, roots)), "the benchmark's PDF does not validate"
    rows = [
        ("sign, software key (upload / plugin stand-in)", measure(sign_software, args.runs)),
        ("sign, external signer (prepare + CMS + embed)", measure(external, args.runs)),
        ("sign, PKCS#11 token (SoftHSM2), 2nd signature", measure(seal_with_token, args.runs)),
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
