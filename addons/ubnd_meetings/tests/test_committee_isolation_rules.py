from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCommitteeIsolationRules(TransactionCase):
    """Issue #9 §5 (committee isolation), for the records added by issue #11: a ward's staff never read the city's
    dialogue requests (001 Đ4.3.l), meetings on differing views (000 Đ12.3.d) or notifications of the citizens
    concerned (000 Đ20.2), whatever they search for; the city's staff read their own."""

    MODELS = ("ubnd.dialogue.request", "ubnd.consultation.reconciliation", "ubnd.document.citizen.notice")

    def test_each_committee_reads_only_its_own(self):
        city = self.env.ref("ubnd_quyche.committee_haiphong").company_id
        ward_user = self.env.ref("ubnd_quyche.user_ta_clerk")
        city_user = self.env.ref("ubnd_quyche.user_hp_office_clerk")
        for model in self.MODELS:
            with self.subTest(model=model):
                # The record rule of the model, as the server applies it to each user (the same domain search uses).
                city_record = self.env[model].new({"company_id": city.id})
                ward_domain = self.env["ir.rule"].with_user(ward_user)._compute_domain(model, "read")
                city_domain = self.env["ir.rule"].with_user(city_user)._compute_domain(model, "read")
                self.assertFalse(ward_domain.is_true(), "%s has no record rule for the ward's staff" % model)
                self.assertFalse(city_record.filtered_domain(ward_domain), model)
                self.assertTrue(city_record.filtered_domain(city_domain), model)
