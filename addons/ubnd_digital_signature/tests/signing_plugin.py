"""A test signer standing in for the leader's signing plugin (README "The signing plugin"): a small local HTTP
server with CORS, holding the test PKI's key in memory instead of a USB token."""
import asyncio
import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..tools import test_pki


class SigningPlugin:
    """Serve ``GET /certificate`` and ``POST /sign`` on 127.0.0.1 (a free port) until ``stop``.

    ``cancel`` plays a user who closes the PIN window; ``certificate`` may differ from the key's (a plugin
    offering another certificate of the token)."""

    def __init__(self, key, certificate, chain=(), cancel=False):
        self.certificate = certificate
        self.signer = test_pki.software_signer(key, certificate, chain)
        self.cancel = cancel
        self.signed = []  # the digests it signed, for the tests
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return "http://127.0.0.1:%s" % self.server.server_address[1]

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def certificate_b64(self):
        return base64.b64encode(test_pki.der(self.certificate)).decode()

    def sign(self, digest_b64):
        """The CMS SignedData (PAdES attributes) over a digest, base64 DER."""
        digest = base64.b64decode(digest_b64)
        cms = asyncio.run(self.signer.async_sign(digest, "sha256", use_pades=True))
        self.signed.append(digest_b64)
        return base64.b64encode(cms.dump()).decode()

    def _handler(self):
        plugin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, body=None):
                self.send_response(status)
                # The e-office page calls from its own origin; Chrome also asks before reaching a local address.
                self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type")
                self.send_header("Access-Control-Allow-Private-Network", "true")
                data = json.dumps(body).encode() if body is not None else b""
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_OPTIONS(self):
                self._answer(204)

            def do_GET(self):
                if self.path.rstrip("/") == "/certificate":
                    return self._answer(200, {"certificate": plugin.certificate_b64()})
                return self._answer(404, {"error": "not_found", "message": self.path})

            def do_POST(self):
                if self.path.rstrip("/") != "/sign":
                    return self._answer(404, {"error": "not_found", "message": self.path})
                payload = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if plugin.cancel:
                    return self._answer(409, {"error": "cancelled", "message": "Người dùng đã hủy"})
                if payload.get("digest_algorithm") != "sha256":
                    return self._answer(400, {"error": "unsupported", "message": "sha256 only"})
                return self._answer(200, {"cms": plugin.sign(payload["digest"])})

        return Handler
