import re

from odoo.tests import TransactionCase, tagged
from odoo.tools import html2plaintext

# Words that betray an English line in what the demo story wrote; Vietnamese text never contains them.
ENGLISH = re.compile(
    r"\b(the|created|assigned|dossier|task|urging|decide|delegation|approved|submitted|by order|sign on behalf|"
    r"by authorisation|new|with|from|please|invitation)\b", re.IGNORECASE,
)


@tagged("post_install", "-at_install")
class TestDemoLanguage(TransactionCase):
    """Issue #12 item 11: the demo story is told in Vietnamese — its chatter, its activities and the names it
    stores — whatever language the loader ran in."""

    def _english(self, texts):
        return sorted({text for text in texts if text and ENGLISH.search(text)})

    def test_demo_chatter_is_vietnamese(self):
        """Issue #12 item 11: no chatter line the demo wrote on the suite's records is English."""
        messages = self.env["mail.message"].sudo().search([("model", "=like", "ubnd.%"), ("body", "!=", False)])
        self.assertTrue(messages)
        english = self._english(html2plaintext(message.body).strip() for message in messages)
        self.assertFalse(english, "English chatter in the demo:\n%s" % "\n".join(english[:20]))

    def test_demo_activities_are_vietnamese(self):
        """Issue #12 item 11: the to-dos the demo scheduled are summarised in Vietnamese."""
        activities = self.env["mail.activity"].sudo().search([("res_model", "=like", "ubnd.%")])
        self.assertTrue(activities)
        english = self._english(activities.mapped("summary"))
        self.assertFalse(english, "English activities in the demo:\n%s" % "\n".join(english[:20]))

    def test_grant_names_are_vietnamese(self):
        """Issue #12 item 11: a grant's stored name is written in the committee's language, whoever records it."""
        grants = self.env["ubnd.delegation"].sudo().search([])
        self.assertTrue(grants)
        self.assertFalse(self._english(grants.mapped("name")))
        grant = grants.filtered(lambda g: g.kind == "tl")[:1]
        self.assertIn("Thừa lệnh", grant.name)
        recorded_in_english = self.env["ubnd.delegation"].with_context(lang="en_US").new(
            {"kind": "tl", "grantor_id": grant.grantor_id.id, "grantee_id": grant.grantee_id.id})
        self.assertEqual(recorded_in_english.name, grant.name)
