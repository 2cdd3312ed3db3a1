from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SESSION_DAY, UbndMeetingsCase, on


@tagged("post_install", "-at_install")
class TestVietnamese(UbndMeetingsCase):
    def test_quorum_error_in_vietnamese(self):
        """R-000-28.2, R-001-24.4: a Vietnamese user is told in Vietnamese that the session cannot proceed without
        its quorum; nothing changes."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["ubnd_meetings"], ["vi_VN"], overwrite=True)
        meeting = self.ready_session(present=2)
        with on(SESSION_DAY), self.assertRaises(UserError) as caught:
            meeting.with_user(self.deputy_office).with_context(lang="vi_VN").action_open()
        self.assertIn("Phiên họp không thể tiến hành", str(caught.exception))
        self.assertIn("Đ28.2", str(caught.exception))
        self.assertEqual(meeting.state, "invited")
