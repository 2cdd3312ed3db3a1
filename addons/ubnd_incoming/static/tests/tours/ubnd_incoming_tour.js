import { registry } from "@web/core/registry";

const SUBJECT = "Về việc góp ý dự thảo Luật Quy hoạch đô thị và nông thôn (sửa đổi)";

// The scan of the paper letter, attached as a PDF (Decree 30/2020 PL I P.II §I.2).
function attachScan(fileName) {
    return {
        trigger: '.o_form_view div[name="attachment_ids"] .o_attach',
        run() {
            const input = document.querySelector('.o_form_view div[name="attachment_ids"] input.o_input_file');
            const pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
            const transfer = new DataTransfer();
            transfer.items.add(new File([pdf], fileName, { type: "application/pdf" }));
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

// The Office's specialist receives the Ministry's paper letter, registers it and presents it to the
// Vice-Chairman for urban affairs (Decree 30/2020 Đ21–23).
registry.category("web_tour.tours").add("ubnd_incoming_office_registers", {
    steps: () => [
        { trigger: '.o_menu_sections :contains("Văn bản đến")' },
        { trigger: '.o_control_panel .o_list_button_add:contains("Mới")', run: "click" },
        { trigger: '.o_form_view div[name="name"] input', run: `edit ${SUBJECT}` },
        { trigger: '.o_form_view div[name="sender"] input', run: "edit Bộ Xây dựng" },
        { trigger: '.o_form_view div[name="document_number"] input', run: "edit 6012/BXD-PC" },
        { trigger: '.o_form_view div[name="medium"] label:contains("Văn bản giấy")', run: "click" },
        { trigger: '.o_form_view div[name="scan_dpi"] input', run: "edit 300" },
        attachScan("6012-BXD-PC.pdf"),
        { trigger: '.o_form_view div[name="attachment_ids"] .o_attachment[title="6012-BXD-PC.pdf"]:not(.o_attachment_uploading)' },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: '.o_form_statusbar button:contains("Vào sổ")', run: "click" },
        { trigger: '.o_ubnd_incoming_stamp:contains("ĐẾN"):contains("Số:")' },
        { trigger: '.o_form_view div[name="leader_id"] input', run: "edit Phạm Đức" },
        { trigger: '.o-autocomplete--dropdown-item a:contains("Phạm Đức Thắng")', run: "click" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_view .o_form_saved" },
        { trigger: '.o_form_statusbar button:contains("Trình lãnh đạo")', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current:contains("Chờ ý kiến chỉ đạo")' },
    ],
});

// The Vice-Chairman, on his phone, opens the document from his work and directs it: the Department of
// Construction leads, with a deadline, the Department of Finance supports with an earlier one, and the
// direction assigns the work as a task (PL IV §VII).
registry.category("web_tour.tours").add("ubnd_incoming_leader_directs", {
    steps: () => [
        { trigger: ".o_ubnd_my_work h1:contains('Việc của tôi')" },
        { trigger: ".o_ubnd_my_work_tile.o_ubnd_has_items:contains('Văn bản đến chờ tôi chỉ đạo (')", run: "click" },
        {
            trigger: '.o_kanban_record:not(.o_kanban_ghost):contains("6012/BXD-PC"), .o_data_row:contains("6012/BXD-PC")',
            run: "click",
        },
        { trigger: '.o_form_view button:contains("Chỉ đạo")', run: "click" },
        // On a phone a many-to-one opens the list of units to pick from.
        { trigger: '.modal div[name="lead_unit_id"] input', run: "click" },
        { trigger: '.modal .o_kanban_record:contains("Sở Xây dựng")', run: "click" },
        { trigger: '.modal div[name="lead_unit_id"] input:value("Sở Xây dựng")' },
        { trigger: '.modal div[name="lead_deadline"] input', run: "edit 31/12/2030 && press Enter" },
        // The Department of Finance supports, with its own deadline: a line proposes the lead unit's.
        { trigger: '.modal div[name="supporting_line_ids"] a:contains("Thêm một dòng")', run: "click" },
        { trigger: '.modal .o_selected_row div[name="unit_id"] input', run: "click" },
        { trigger: '.modal .o_kanban_record:contains("Sở Tài chính")', run: "click" },
        { trigger: '.modal .o_selected_row div[name="unit_id"] input:value("Sở Tài chính")' },
        { trigger: '.modal .o_selected_row div[name="deadline"] [data-tooltip="31/12/2030"]', run: "click" },
        { trigger: '.modal .o_selected_row div[name="deadline"] input', run: "edit 20/12/2030" },
        { trigger: '.modal div[name="note"] textarea', run: "edit Giao Sở Xây dựng chủ trì nghiên cứu, dự thảo văn bản góp ý, trình UBND thành phố." },
        { trigger: '.modal div[name="supporting_line_ids"] .o_data_row td[name="deadline"]:contains("20 thg 12")' },
        { trigger: '.modal div[name="assigns_task"] input', run: "click" },
        { trigger: '.modal button:contains("Xác nhận chỉ đạo")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_form_view .o_statusbar_status:contains("Đang giải quyết")' },
    ],
});
