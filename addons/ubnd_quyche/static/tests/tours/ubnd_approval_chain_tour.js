import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The dossier's current status, whether the status bar shows every step or folds them (many buttons).
function status(label) {
    return `.o_statusbar_status button.o_arrow_button_current:contains("${label}"), .o_statusbar_status button.dropdown-toggle:contains("${label}")`;
}

// Pick an entry of a selection field (Odoo's select menu) by its visible label.
function pick(fieldSelector, label) {
    return [
        { trigger: `${fieldSelector} .o_select_menu_toggler`, run: "click" },
        { trigger: `.o_select_menu_menu .o_select_menu_item:contains("${label}")`, run: "click" },
    ];
}

// The committee's administrator sets the chain of the Chairman's decisions from 10 bn VND: the default steps,
// the Vice-Chairman of the field's opinion before the leader in charge decides, and the preview shows it.
tours.add("ubnd_admin_configures_chain", {
    steps: () => [
        { trigger: '.o_breadcrumb:contains("Quy trình phê duyệt")' },
        { trigger: 'button.o_list_button_add:contains("Mới")', run: "click" },
        { trigger: 'div[name="name"] input', run: "edit Quyết định của Chủ tịch từ 10 tỷ đồng" },
        ...pick('div[name="kind"]', "Quyết định của Chủ tịch"),
        { trigger: 'div[name="amount_min"] input', run: "edit 10" },
        // The new chain starts as the default one: initials, the Office's check, the leader's decision.
        { trigger: 'div[name="preview"]:contains("Lãnh đạo đơn vị trình: ký nháy"):contains("Chánh Văn phòng: kiểm tra, trình lãnh đạo")' },
        {
            trigger: 'div[name="step_ids"] tr.o_data_row:eq(2) td[name="position"]',
            run: "click",
        },
        ...pick('div[name="step_ids"] tr.o_selected_row div[name="position"]', "Phó Chủ tịch phụ trách lĩnh vực: cho ý kiến"),
        { trigger: 'div[name="step_ids"] .o_field_x2many_list_row_add a:contains("Thêm một dòng")', run: "click" },
        { trigger: 'div[name="step_ids"] tr.o_data_row:eq(3).o_selected_row div[name="position"]' },
        ...pick('div[name="step_ids"] tr.o_data_row:eq(3) div[name="position"]', "Lãnh đạo phụ trách: quyết định"),
        { trigger: 'div[name="preview"]:contains("Áp dụng cho: Quyết định của Chủ tịch")' },
        { trigger: 'div[name="preview"] li:eq(2):contains("Phó Chủ tịch phụ trách lĩnh vực: cho ý kiến")' },
        { trigger: 'div[name="preview"] li:eq(3):contains("Lãnh đạo phụ trách: quyết định")' },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_saved" },
    ],
});

// The unit head finds the dossier his specialist submitted among those to handle and initials it (ký nháy).
tours.add("ubnd_unit_head_initials", {
    steps: () => [
        // No English OCA "Reviews" menu in the navbar: the turn is found in "Việc của tôi" and here.
        { trigger: '.o_main_navbar:not(:has(.fa-pencil-square-o))' },
        { trigger: '.o_kanban_record:contains("Tờ trình mua sắm thiết bị y tế (chuỗi)")' },
        {
            trigger: '.o_kanban_record:contains("Tờ trình mua sắm thiết bị y tế (chuỗi)") button:not([name="action_open_decision"])',
            run() {
                // One control only, and it is the initials: no decision, no forwarding, no opinion.
                const buttons = [...this.anchor.closest(".o_kanban_record").querySelectorAll("footer button")];
                const labels = buttons.map((b) => b.textContent.trim());
                if (labels.length !== 1 || labels[0] !== "Ký nháy") {
                    throw new Error(`the unit head's card offers ${JSON.stringify(labels)}`);
                }
            },
        },
        {
            trigger: '.o_kanban_record:contains("Tờ trình mua sắm thiết bị y tế (chuỗi)") button[name="action_initial"]:contains("Ký nháy")',
            run: "click",
        },
        { trigger: '.o_kanban_view:not(:has(.o_kanban_record:contains("Tờ trình mua sắm thiết bị y tế (chuỗi)")))' },
    ],
});

// The Office receives the initialled dossier among those to handle, checks it and forwards it to the leader.
tours.add("ubnd_office_checks_and_forwards", {
    steps: () => [
        { trigger: '.o_kanban_record:contains("Tờ trình mua sắm thiết bị y tế (chuỗi)")', run: "click" },
        { trigger: status("Đã trình Văn phòng") },
        { trigger: 'div.alert:contains("Quy trình phê duyệt") li:eq(0):contains("đã xong")' },
        { trigger: '.o_form_view:not(:has(button:contains("Validate"), button:contains("Restart")))' },
        { trigger: '.o_statusbar_buttons button[name="action_forward_to_leader"]:contains("Trình lãnh đạo")', run: "click" },
        { trigger: status("Đang trình lãnh đạo") },
        { trigger: '.o_form_view:not(:has(button[name="action_forward_to_leader"]))' },
    ],
});

// A specialist submits a dossier missing required components: refused, the message names them.
tours.add("ubnd_specialist_refused_incomplete", {
    steps: () => [
        { trigger: status("Dự thảo") },
        { trigger: '.o_statusbar_buttons button[name="action_submit"]:contains("Trình")', run: "click" },
        { trigger: '.modal:contains("chưa đủ thành phần"):contains("Tờ trình hoặc báo cáo của cơ quan chủ trì")' },
        { trigger: ".modal .btn-primary", run: "click" },
        { trigger: status("Dự thảo") },
    ],
});

// A specialist submits a complete dossier: it waits for the unit head's initials.
tours.add("ubnd_specialist_submits_complete", {
    steps: () => [
        { trigger: '.o_statusbar_buttons button[name="action_submit"]:contains("Trình")', run: "click" },
        { trigger: status("Chờ lãnh đạo đơn vị ký nháy") },
        { trigger: '.o_form_view:not(:has(.o_statusbar_buttons button[name="action_initial"]))' },
    ],
});
