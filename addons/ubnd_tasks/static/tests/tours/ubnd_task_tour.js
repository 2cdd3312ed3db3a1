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

// The Office confirms the reported completion from the opened report, on a phone (002 Đ6.1.a).
registry.category("web_tour.tours").add("ubnd_task_office_confirms", {
    steps: () => [
        { trigger: ".o_form_view .o_statusbar_status" },
        { trigger: '.o_form_view button[name="action_open_report_to_confirm"]', run: "click" },
        { trigger: '.o_form_view div[name="kind"]' },
        { trigger: '.o_form_view button[name="action_confirm"]', run: "click" },
        { trigger: '.o_form_view div[name="confirmed_by_id"]' },
    ],
});

// --- Issue #12, item 8: on the Vietnamese demo, with the labels a user reads ---------------------------

// A minimal PDF, attached as the e-file of the unit's report document (002 Đ6.1.a).
function attachReport(fileName) {
    return {
        trigger: '.modal div[name="attachment_ids"] .o_attach',
        run() {
            const input = document.querySelector('.modal div[name="attachment_ids"] input.o_input_file');
            const pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
            const transfer = new DataTransfer();
            transfer.items.add(new File([pdf], fileName, { type: "application/pdf" }));
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

function reportSteps(button, number, note) {
    const file = number.replace("/", "-") + ".pdf";
    return [
        { trigger: `.o_form_statusbar button:contains("${button}")`, run: "click" },
        { trigger: `.modal .modal-title:contains("${button}")` },
        { trigger: '.modal div[name="report_reference"] input', run: `edit ${number}` },
        { trigger: '.modal div[name="note"] textarea', run: `edit ${note}` },
        attachReport(file),
        { trigger: `.modal div[name="attachment_ids"] .o_attachment[title="${file}"]:not(.o_attachment_uploading)` },
        { trigger: '.modal .o_form_button_save:contains("Lưu")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

// The Department of Finance's focal officer reports progress, then completion, with its report documents.
registry.category("web_tour.tours").add("ubnd_task_unit_reports_progress_and_completion", {
    steps: () => [
        { trigger: '.o_form_view div[name="status"]:contains("Đang thực hiện trong hạn")' },
        ...reportSteps("Báo cáo tiến độ", "251/BC-STC", "Đã lấy ý kiến các sở, đang hoàn thiện dự thảo cơ chế."),
        { trigger: '.o_notebook a.nav-link:contains("Cập nhật")', run: "click" },
        { trigger: '.o_field_widget[name="update_ids"] tr:contains("251/BC-STC"):contains("Chờ xác nhận")' },
        ...reportSteps("Báo cáo hoàn thành", "252/BC-STC", "Đã trình UBND thành phố dự thảo cơ chế hỗ trợ."),
        { trigger: '.o_statusbar_status .o_arrow_button_current:contains("Đã báo cáo hoàn thành")' },
        { trigger: '.o_field_widget[name="update_ids"] tr:contains("252/BC-STC"):contains("Chờ xác nhận")' },
    ],
});

// The Office opens the completion report, reads it, confirms it there; then the progress report.
registry.category("web_tour.tours").add("ubnd_task_office_confirms_opened_report", {
    steps: () => [
        { trigger: '.o_form_statusbar button:contains("Xác nhận hoàn thành")', run: "click" },
        { trigger: '.o_form_view div[name="report_reference"]:contains("252/BC-STC")' },
        { trigger: '.o_form_view div[name="note"]:contains("Đã trình UBND thành phố dự thảo cơ chế hỗ trợ.")' },
        { trigger: '.o_form_view div[name="attachment_ids"] .o_attachment[title="252-BC-STC.pdf"]' },
        { trigger: '.o_form_statusbar button:contains("Xác nhận hoàn thành")', run: "click" },
        { trigger: '.o_form_view div[name="confirmed_by_id"]:contains("Lý Minh Châu")' },
        { trigger: ".o_breadcrumb .breadcrumb-item:not(.active) a", run: "click" },
        { trigger: '.o_form_view div[name="status"]:contains("Hoàn thành đúng hạn")' },
        { trigger: '.o_notebook a.nav-link:contains("Cập nhật")', run: "click" },
        {
            trigger: '.o_field_widget[name="update_ids"] tr:contains("251/BC-STC") button:contains("Xem để xác nhận")',
            run: "click",
        },
        { trigger: '.o_form_view div[name="report_reference"]:contains("251/BC-STC")' },
        { trigger: '.o_form_statusbar button:contains("Xác nhận")', run: "click" },
        { trigger: '.o_form_view div[name="confirmed_by_id"]:contains("Lý Minh Châu")' },
    ],
});

// The Office downloads the statistics workbook: the period under way is proposed, the year reads 2026.
registry.category("web_tour.tours").add("ubnd_task_statistics_xlsx", {
    steps: () => [
        // "Thống kê" in the menu bar, or under "+" when the bar is full.
        {
            trigger: '.o_menu_sections .dropdown-toggle:contains("Thống kê"), .o_menu_sections_more .dropdown-toggle',
            run: "click",
        },
        { trigger: '.dropdown-item:contains("Báo cáo thống kê (xlsx)")', run: "click" },
        { trigger: '.modal div[name="period_type"] input:value("Hằng quý")' },
        { trigger: '.modal div[name="quarter"] input:value("IV")' },
        { trigger: '.modal div[name="year"] input:value("2026")' },
        { trigger: '.modal button:contains("Tải tệp xlsx")', run: "click" },
        // OCA report_xlsx keeps the wizard open after the download (its close_on_report_download is broken on 19.0).
        { trigger: "body:not(:has(.o_blockUI))" },
        { trigger: '.modal button:contains("Bỏ qua")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});
