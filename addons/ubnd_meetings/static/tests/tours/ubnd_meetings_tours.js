import { registry } from "@web/core/registry";

function confirmIdentity(password) {
    // Odoo's identity check (res.users.identitycheck) before the vote is recorded.
    return [
        { trigger: ".modal [name=password] input", run: `edit ${password}` },
        { trigger: ".modal button#password_confirm", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

// The Office opens the session, checks the quorum, the chair opens the vote on the item,
// and the Chief of Office, a member, votes after re-authenticating.
registry.category("web_tour.tours").add("ubnd_meetings_session_open_and_vote", {
    steps: () => [
        { trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=invited]" },
        { trigger: "button[name=action_check_quorum]", run: "click" },
        { trigger: ".o_field_widget[name=quorum_report]:contains(5)" },
        { trigger: ".o_field_widget[name=quorum_met] input:checked" },
        { trigger: "button[name=action_open]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=open]" },
        { trigger: ".o_notebook_headers a[name=agenda]", run: "click" },
        { trigger: ".o_field_widget[name=item_ids] .o_data_row button[name=action_open_vote]", run: "click" },
        { trigger: ".o_form_view button[name=action_vote_approve]", run: "click" },
        ...confirmIdentity("t_chief_office"),
        { trigger: ".o_form_view .o_ubnd_voted" },
        { trigger: ".o_form_view:not(:has(button[name=action_vote_approve]))" },
    ],
});

// The chair closes the vote (the tally and the rule show), then the session, and the Office
// produces the minutes.
registry.category("web_tour.tours").add("ubnd_meetings_session_close_and_minutes", {
    steps: () => [
        { trigger: ".o_form_view button[name=action_close_vote]", run: "click" },
        { trigger: ".o_form_view .o_ubnd_result_passed" },
        { trigger: ".o_field_widget[name=result_explanation]:contains(3)" },
        { trigger: ".o_field_widget[name=meeting_id] a", run: "click" },
        { trigger: ".o_form_view button[name=action_close]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=closed]" },
        { trigger: ".o_form_view .o_form_statusbar button[name=action_create_minutes]", run: "click" },
        { trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=draft]" },
        { trigger: ".o_form_view .o_field_widget[name=opening]:contains(5/5)" },
    ],
});

// A member, on his phone, opens the ballot paper, reads the dossier, replies, re-authenticates.
registry.category("web_tour.tours").add("ubnd_meetings_ballot_on_phone", {
    steps: () => [
        { trigger: ".o_kanban_record:contains(Tour ballot)", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=question]:contains(Đồng ý)" },
        { trigger: ".o_form_view .o_field_widget[name=dossier_attachment_ids] .o_attachment" },
        { trigger: ".o_field_widget[name=choice] input[data-value=approve]", run: "click" },
        { trigger: ".o_field_widget[name=opinion] textarea", run: "edit Đồng ý, đề nghị công khai kết quả." },
        { trigger: ".o_form_view button[name=action_send_reply]", run: "click" },
        ...confirmIdentity("t_member_finance"),
        { trigger: ".o_form_view .o_field_widget[name=replied_at]" },
        { trigger: ".o_form_view:not(:has(button[name=action_send_reply]))" },
    ],
});

// --- A leader's day on his phone, on the Vietnamese demo (issue #12) -----------------------------------------

// The page is read from top to bottom: nothing is wider than the phone's screen.
export function noSidewaysScroll() {
    return {
        trigger: ".o_action_manager",
        run() {
            for (const el of [document.documentElement, document.querySelector(".o_content")]) {
                if (el && el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(`Sideways scroll at phone width: ${el.className} is ${el.scrollWidth}px wide for ${el.clientWidth}px`);
                }
            }
        },
    };
}

// Odoo's identity check, asked in Vietnamese, before the reply or the vote is recorded.
function confirmIdentityInVietnamese(password) {
    return [
        { trigger: ".modal:contains('Để xác nhận đúng là đồng chí')" },
        { trigger: ".modal [name=password] input", run: `edit ${password}` },
        { trigger: ".modal button:contains('Xác nhận Mật khẩu')", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ];
}

// A Vice-Chairman answers the open written ballot (phiếu ghi ý kiến) of the demo from "My ballots".
registry.category("web_tour.tours").add("ubnd_meetings_leader_answers_ballot_phone", {
    steps: () => [
        { trigger: ".o_kanban_record:contains('mua sắm trang thiết bị y tế')" },
        noSidewaysScroll(),
        { trigger: ".o_kanban_record:contains('mua sắm trang thiết bị y tế')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=question]:contains('Đồng chí có tán thành')" },
        { trigger: ".o_breadcrumb:contains('Phiếu ghi ý kiến của Vũ Anh Tuấn')" },
        { trigger: ".o_form_view .o_field_widget[name=choice] .o_radio_item:contains('Tán thành') input", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=opinion] textarea", run: "edit Tán thành, đề nghị công khai kết quả mua sắm." },
        noSidewaysScroll(),
        { trigger: ".o_form_view button:contains('Gửi ý kiến của tôi')", run: "click" },
        ...confirmIdentityInVietnamese("pct.kinhte.hp"),
        { trigger: ".o_form_view .o_field_widget[name=replied_at]" },
        { trigger: ".o_form_view:not(:has(button:contains('Gửi ý kiến của tôi')))" },
    ],
});

// The Chairman casts his vote on the matter the chair put to the vote at the session in progress.
registry.category("web_tour.tours").add("ubnd_meetings_leader_votes_phone", {
    steps: () => [
        { trigger: ".o_kanban_record:contains('Bắc sông Cấm')" },
        noSidewaysScroll(),
        { trigger: ".o_kanban_record:contains('Bắc sông Cấm')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=name]:contains('Bắc sông Cấm')" },
        noSidewaysScroll(),
        { trigger: ".o_form_view button:contains('Tán thành'):not(:contains('Không'))", run: "click" },
        ...confirmIdentityInVietnamese("chutich.hp"),
        { trigger: ".o_form_view .o_ubnd_voted:contains('Đồng chí đã biểu quyết')" },
        { trigger: ".o_form_view:not(:has(button[name=action_vote_approve]))" },
    ],
});
