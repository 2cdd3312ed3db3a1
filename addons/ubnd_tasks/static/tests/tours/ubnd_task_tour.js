import { registry } from "@web/core/registry";

// The Office enters a task from the directive and assigns it (002 Đ6.2.a).
registry.category("web_tour.tours").add("ubnd_task_office_enters", {
    steps: () => [
        { trigger: '.o_form_view button[name="action_create_task"]', run: "click" },
        { trigger: '.o_form_view div[name="name"] input', run: "edit Báo cáo tiến độ dự án cầu vượt" },
        { trigger: '.o_form_view div[name="lead_unit_id"] input', run: "edit Sở Xây" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Sở Xây dựng")', run: "click" },
        { trigger: '.o_form_view div[name="lead_user_id"] input:value("t_unit_head")' },
        { trigger: '.o_form_view div[name="content"] .odoo-editor-editable', run: "editor Rà soát và báo cáo tiến độ." },
        { trigger: '.o_form_view div[name="deadline"] input', run: "edit 12/12/2026 && press Enter" },
        { trigger: '.o_form_view div[name="deadline_kind"] .o_select_menu_toggler', run: "click" },
        { trigger: ".o_select_menu_menu .o_select_menu_item:first", run: "click" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: '.o_form_view button[name="action_assign"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="in_progress"]' },
    ],
});

// Selectors do not depend on the interface language (the demo users work in Vietnamese).

// The lead unit reports the task done, without a written report (“Đã thực hiện”, 002 Đ6.1.a).
registry.category("web_tour.tours").add("ubnd_task_unit_reports", {
    steps: () => [
        { trigger: ".o_form_view .o_statusbar_status" },
        { trigger: '.o_form_view .o_form_statusbar button[name="action_new_update"].btn-primary', run: "click" },
        { trigger: '.modal div[name="written_report"] input', run: "click" },
        { trigger: '.modal div[name="note"] textarea', run: "edit Đã hoàn thành, gửi báo cáo qua Hệ thống." },
        { trigger: ".modal .o_form_button_save", run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="reported"]' },
    ],
});

// The Office confirms the reported completion, on a phone (002 Đ6.1.a).
registry.category("web_tour.tours").add("ubnd_task_office_confirms", {
    steps: () => [
        { trigger: ".o_form_view .o_statusbar_status" },
        { trigger: '.o_notebook a.nav-link[name="updates"]', run: "click" },
        { trigger: '.o_field_widget[name="update_ids"] button[name="action_confirm"]', run: "click" },
        { trigger: '.o_field_widget[name="update_ids"]:not(:has(button[name="action_confirm"]))' },
    ],
});
