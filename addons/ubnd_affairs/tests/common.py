from odoo.tests import new_test_user

from odoo.addons.ubnd_quyche.tests.common import UbndCommonCase


class UbndAffairsCase(UbndCommonCase):
    """The core's test committee with people in its units: the Office headed by the Chief of Office, the
    department (Sở Xây dựng) with its head and a specialist, the commune (UBND phường Một) with its chair, and an
    inspector who verifies complaint cases."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_company(cls.company)

        def employee(name, user, unit, head=False):
            record = Employee.create({"name": name, "user_id": user.id, "department_id": unit.id, "company_id": cls.company.id})
            if head:
                unit.manager_id = record
            return record

        cls.commune_chair = new_test_user(cls.env, login="t_commune_chair", groups="ubnd_quyche.group_ubnd_unit_head",
                                          company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        cls.inspector = new_test_user(cls.env, login="t_inspector", groups="ubnd_quyche.group_ubnd_staff",
                                      company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])
        employee("Chánh Văn phòng", cls.chief_office, cls.office, head=True)
        employee("Phó Chánh Văn phòng", cls.deputy_office, cls.office)
        employee("Giám đốc Sở", cls.unit_head, cls.department, head=True)
        employee("Chuyên viên Sở", cls.staff, cls.department)
        employee("Chủ tịch UBND phường", cls.commune_chair, cls.commune, head=True)
        cls.Request = cls.env["ubnd.commune.request"]
        cls.Case = cls.env["ubnd.complaint.case"]
        cls.Record = cls.env["ubnd.decentralisation"]
