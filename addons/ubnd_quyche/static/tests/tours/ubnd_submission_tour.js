import { registry } from "@web/core/registry";

// The unit submits its dossier: it waits for the unit head's initials.
registry.category("web_tour.tours").add("ubnd_submission_unit_submits", {
    steps: () => [
        { trigger: ".o_form_view .o_statusbar_status" },
        { trigger: 'button[name="action_submit"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="initialling"]' },
    ],
});

// The Office checks it and forwards it to the leader in charge.
registry.category("web_tour.tours").add("ubnd_submission_office_forwards", {
    steps: () => [
        { trigger: 'button[name="action_forward_to_leader"]', run: "click" },
        // The status bar may fold its steps behind the Office's buttons: the current one shows either way.
        { trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="to_leader"], .o_statusbar_status button.dropdown-toggle:contains("Đang trình lãnh đạo")' },
    ],
});

// The leader, on his phone: the inbox card, one tap to decide, an opinion, one tap to approve.
registry.category("web_tour.tours").add("ubnd_submission_leader_decides_on_phone", {
    steps: () => [
        { trigger: '.o_kanban_record:contains("Tour dossier")' },
        { trigger: '.o_kanban_record:contains("Tour dossier") button[name="action_open_decision"]', run: "click" },
        { trigger: '.modal div[name="comment"] textarea', run: "edit Đồng ý, trình ký." },
        { trigger: '.modal button[name="action_approve"]', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_kanban_record:contains("Tour dossier") button[name="action_open_sign"]', run: "click" },
        { trigger: '.modal button[name="action_confirm"]', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: '.o_kanban_view:not(:has(.o_kanban_record:contains("Tour dossier") button[name="action_open_sign"]))' },
    ],
});

// The Office issues the signed document.
registry.category("web_tour.tours").add("ubnd_submission_office_issues", {
    steps: () => [
        { trigger: 'button[name="action_issue"]', run: "click" },
        { trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="issued"]' },
    ],
});
