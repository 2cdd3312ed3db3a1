"""The answer of the validation service about one signature."""
import dataclasses
import datetime


@dataclasses.dataclass
class SignatureVerdict:
    """Whether one signature of a PDF counts, and why not.

    ``problems`` holds codes (``unsigned``, ``broken``, ``modified``, ``untrusted``, ``expired``, ``unregistered``,
    ``wrong_signer``, ``outside_window``); ``messages`` the same in the reader's language; ``summary`` the line
    shown on the document ("Chữ ký số hợp lệ: Nguyễn Văn A, 14:05:09 06/12/2026 +07:00").
    """

    field_name: str = ""
    problems: list = dataclasses.field(default_factory=list)
    messages: list = dataclasses.field(default_factory=list)
    signer_name: str = ""
    certificate_id: int = 0
    fingerprint: str = ""
    signing_time: datetime.datetime = None
    summary: str = ""

    @property
    def valid(self):
        return not self.problems

    def to_dict(self):
        return {
            "valid": self.valid,
            "field_name": self.field_name,
            "problems": list(self.problems),
            "messages": list(self.messages),
            "signer_name": self.signer_name,
            "certificate_id": self.certificate_id,
            "fingerprint": self.fingerprint,
            "signing_time": self.signing_time.isoformat() if self.signing_time else False,
            "summary": self.summary,
        }
