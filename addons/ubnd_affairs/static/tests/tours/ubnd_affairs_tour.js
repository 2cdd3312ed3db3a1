import { registry } from "@web/core/registry";

// On the Vietnamese demo, with the labels a user reads.

// The Office reports to the Chairman a commune request the department left unanswered past its deadline
// (000 Đ13.1): the late request is opened from the register and "Báo cáo Chủ tịch" records the report.
registry.category("web_tour.tours").add("ubnd_affairs_office_reports_late_request", {
    steps: () => [
        { trigger: ".o_breadcrumb:contains('Đề nghị của cấp xã')" },
        { trigger: ".o_data_row:contains('Hoa Phượng') td[name='name']", run: "click" },
        { trigger: ".o_form_view .ribbon:contains('Quá hạn')" },
        { trigger: ".o_form_view div[name='deadline']" },
        { trigger: ".o_form_view .o_form_statusbar button:contains('Báo cáo Chủ tịch')", run: "click" },
        { trigger: ".modal .modal-body:contains('Điều 13 khoản 1')" },
        { trigger: ".modal .modal-footer .btn-primary", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: ".o_form_view .o_notebook a:contains('Báo cáo lãnh đạo')", run: "click" },
        { trigger: ".o_form_view div[name='escalated_to_id']:contains('Vũ Anh Tuấn')" },
        { trigger: ".o_form_view .o_form_statusbar:not(:has(button:contains('Báo cáo Chủ tịch')))" },
    ],
});

// The Vice-Chairman in charge, on his phone, finds the reported request on "Việc của tôi" and opens it.
registry.category("web_tour.tours").add("ubnd_affairs_leader_sees_reported_request", {
    steps: () => [
        { trigger: ".o_ubnd_my_work h1:contains('Việc của tôi')" },
        {
            trigger: ".o_ubnd_my_work_tile.o_ubnd_has_items:contains('Đề nghị của cấp xã chờ trả lời (1)'):contains('1 quá hạn')",
            run: "click",
        },
        { trigger: ".o_kanban_record:contains('Hoa Phượng'):contains('Quá hạn')", run: "click" },
        { trigger: ".o_form_view .o_statusbar_status:contains('Chờ trả lời')" },
        { trigger: ".o_form_view div[name='agency_id']:contains('Sở Tài chính')" },
    ],
});

// The Vice-Chairman in charge of a land complaint, on his phone: the overdue case in his charge on "Việc của tôi",
// its settlement deadline, and the answer the Chief of Office gave under the Chairman's authorisation (000 Đ48.4).
registry.category("web_tour.tours").add("ubnd_affairs_leader_follows_complaint", {
    steps: () => [
        { trigger: ".o_ubnd_my_work h1:contains('Việc của tôi')" },
        {
            trigger: ".o_ubnd_my_work_tile.o_ubnd_has_items:contains('Khiếu nại, tố cáo tôi phụ trách (1)'):contains('1 quá hạn')",
            run: "click",
        },
        { trigger: ".o_kanban_record:contains('Hồ Sen'):contains('Hạn giải quyết')", run: "click" },
        { trigger: ".o_form_view .ribbon:contains('Quá hạn')" },
        { trigger: ".o_form_view div[name='party_name'] input:value('Nguyễn Văn Thành')" },
        { trigger: ".o_form_view div[name='reply_ids'] .o_data_row:contains('TUQ. CHỦ TỊCH')" },
    ],
});
