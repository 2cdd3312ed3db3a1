import { registry } from "@web/core/registry";

// A member of staff reads the published weekly schedule on a phone: the day's column, the card, then the details.
registry.category("web_tour.tours").add("ubnd_weekly_schedule_phone", {
    steps: () => [
        { trigger: ".o_kanban_view .o_kanban_group" },
        { trigger: ".o_kanban_group .o_kanban_record:contains('Tour: tiếp công dân'):contains('08:00–11:00')" },
        { trigger: ".o_kanban_record:contains('Tour: tiếp công dân')", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name='name']:contains('Tour: tiếp công dân')" },
        { trigger: ".o_form_view .o_field_widget[name='location']:contains('Trụ sở tiếp công dân')" },
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
