from datetime import date

from odoo.tests import TransactionCase, new_test_user


class UbndCommonCase(TransactionCase):
    """A small city committee built from scratch, so tests do not depend on demo data.

    Members: a Chairman, two Vice-Chairmen (economy/finance; construction + one commune as
    area), two members (one of them Chief of Office). Units: the Office, a department,
    a commune. Staff: a deputy chief of the Office, a department head, a specialist.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company = env["res.company"].create({"name": "UBND thành phố Thử nghiệm"})
        cls.Workday = env["ubnd.workday"]
        cls.field_economy = env.ref("ubnd_quyche.field_economy")
        cls.field_finance = env.ref("ubnd_quyche.field_finance")
        cls.field_construction = env.ref("ubnd_quyche.field_construction")
        cls.field_justice = env.ref("ubnd_quyche.field_justice")
        cls.doctype_decision = env.ref("ubnd_quyche.doctype_qd")
        cls.doctype_notice = env.ref("ubnd_quyche.doctype_tb")
        cls.doctype_invitation = env.ref("ubnd_quyche.doctype_gm")
        cls.doctype_letter = env.ref("ubnd_quyche.doctype_cv")

        def user(login, groups):
            return new_test_user(
                env, login=login, groups=groups, company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)],
            )

        cls.chairman = user("t_chairman", "ubnd_quyche.group_ubnd_chairman")
        cls.vc_economy = user("t_vc_economy", "ubnd_quyche.group_ubnd_vice_chairman")
        cls.vc_urban = user("t_vc_urban", "ubnd_quyche.group_ubnd_vice_chairman")
        cls.member_finance = user("t_member_finance", "ubnd_quyche.group_ubnd_member,ubnd_quyche.group_ubnd_unit_head")
        cls.chief_office = user("t_chief_office", "ubnd_quyche.group_ubnd_member,ubnd_quyche.group_ubnd_office")
        cls.deputy_office = user("t_deputy_office", "ubnd_quyche.group_ubnd_office")
        cls.unit_head = user("t_unit_head", "ubnd_quyche.group_ubnd_unit_head")
        cls.staff = user("t_staff", "ubnd_quyche.group_ubnd_staff")

        cls.committee = env["ubnd.committee"].create({
            "name": "Ủy ban nhân dân thành phố Thử nghiệm",
            "company_id": cls.company.id,
            "level": "province",
        })
        Department = env["hr.department"].with_company(cls.company)
        cls.office = Department.create({"name": "Văn phòng", "company_id": cls.company.id,
                                        "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "office"})
        cls.department = Department.create({"name": "Sở Xây dựng", "company_id": cls.company.id,
                                            "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "department"})
        cls.commune = Department.create({"name": "UBND phường Một", "company_id": cls.company.id,
                                         "ubnd_committee_id": cls.committee.id, "ubnd_unit_kind": "commune"})
        Member = env["ubnd.committee.member"]
        Member.create([
            {"committee_id": cls.committee.id, "user_id": cls.chairman.id, "role": "chairman"},
            {"committee_id": cls.committee.id, "user_id": cls.vc_economy.id, "role": "vice_chairman",
             "field_ids": [(6, 0, (cls.field_economy | cls.field_finance).ids)]},
            {"committee_id": cls.committee.id, "user_id": cls.vc_urban.id, "role": "vice_chairman",
             "field_ids": [(6, 0, cls.field_construction.ids)], "area_unit_ids": [(6, 0, cls.commune.ids)]},
            {"committee_id": cls.committee.id, "user_id": cls.member_finance.id, "role": "member"},
            {"committee_id": cls.committee.id, "user_id": cls.chief_office.id, "role": "member"},
        ])
        cls.committee.write({
            "office_unit_id": cls.office.id,
            "chief_of_office_id": cls.chief_office.id,
            "standing_deputy_id": cls.vc_economy.id,
        })
        cls.profile = cls.committee.profile_id

    # Decree 30/2020 Đ13.4: the article of the working regulation a TL. grant rests on.
    TL_PROVISION = {"regulation": "working", "regulation_article": 15, "regulation_clause": 3,
                    "regulation_act": "25/2025/QĐ-UBND"}

    @classmethod
    def signed_act(cls, user, name="giay-uy-quyen.pdf"):
        """The scanned, signed authorising act, uploaded by ``user``."""
        return cls.env["ir.attachment"].with_user(user).create({"name": name, "raw": b"%PDF-1.4 signed act"})

    @classmethod
    def grant(cls, **vals):
        """An active grant of the test committee (the Office records it)."""
        vals.setdefault("committee_id", cls.committee.id)
        vals.setdefault("date_start", date(2026, 1, 1))
        grant = cls.env["ubnd.delegation"].create(vals)
        grant.action_activate()
        return grant
