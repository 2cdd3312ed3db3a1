import { registry } from "@web/core/registry";

// The page is read from top to bottom: nothing is wider than the phone's screen.
function noSidewaysScroll() {
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

// A member of staff reads the published weekly schedule on a phone: the activity's card, then the details.
registry.category("web_tour.tours").add("ubnd_weekly_schedule_phone", {
    steps: () => [
        { trigger: ".o_kanban_view:not(:has(.o_kanban_group)) .o_kanban_record" },
        { trigger: ".o_kanban_record:contains('Tour: tiếp công dân'):contains('08:00–11:00')" },
        noSidewaysScroll(),
        { trigger: ".o_kanban_record:contains('Tour: tiếp công dân')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='name']:contains('Tour: tiếp công dân')" },
        { trigger: ".o_form_view .o_field_widget[name='location']:contains('Trụ sở tiếp công dân')" },
    ],
});

// The Chairman reads this week's schedule of the demo on his phone: one card per activity, day after day, each
// naming its leaders in full — the regular session once, with its four leaders.
registry.category("web_tour.tours").add("ubnd_leader_reads_the_week_phone", {
    steps: () => [
        { trigger: ".o_breadcrumb:contains('Lịch công tác tuần')" },
        { trigger: ".o_kanban_view:not(:has(.o_kanban_group)) .o_kanban_record" },
        {
            trigger: ".o_kanban_record:contains('Phiên họp UBND thành phố thường kỳ'):contains('Trần Minh Quang'):contains('Vũ Anh Tuấn'):contains('Phạm Đức Thắng'):contains('Lê Thị Hồng Nhung'):contains('Phòng họp tầng 3')",
        },
        {
            trigger: ".o_kanban_record:contains('Giao ban Chủ tịch, các Phó Chủ tịch'):contains('08:00–09:30')",
            run() {
                const cards = [...document.querySelectorAll(".o_kanban_record")];
                const session = cards.filter((c) => c.textContent.includes("Phiên họp UBND thành phố thường kỳ"));
                if (session.length !== 1) {
                    throw new Error(`The session shows ${session.length} times instead of once`);
                }
            },
        },
        { trigger: ".o_kanban_record:contains('Kỳ họp chuyên đề HĐND thành phố')" },
        noSidewaysScroll(),
    ],
});

// The Chairman, on his phone, consents to a Vice-Chairman's trip from "My work" with one tap.
registry.category("web_tour.tours").add("ubnd_trip_consent_phone", {
    steps: () => [
        { trigger: ".o_kanban_record:contains('Tour: công tác Bộ Xây dựng')" },
        {
            trigger: ".o_kanban_record:contains('Tour: công tác Bộ Xây dựng') button[name='action_accept']",
            run: "click",
        },
        { trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Tour: công tác Bộ Xây dựng')))" },
    ],
});
