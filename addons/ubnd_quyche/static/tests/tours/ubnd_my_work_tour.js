import { registry } from "@web/core/registry";

// The leader's day begins on his phone: he lands on his work, with a count per kind of item, and opens one.
registry.category("web_tour.tours").add("ubnd_leader_lands_on_my_work", {
    steps: () => [
        {
            content: "He lands on his work, not on Discuss",
            trigger: ".o_ubnd_my_work .o_ubnd_my_work_tile:contains('Hồ sơ chờ quyết định (')",
        },
        {
            content: "Documents waiting for his signature are counted",
            trigger: ".o_ubnd_my_work_tile.o_ubnd_has_items:contains('Văn bản chờ ký (')",
            run: "click",
        },
        {
            content: "The list of what he signs opens, titled in Vietnamese",
            trigger: ".o_breadcrumb:contains('Văn bản chờ ký'), .o_control_panel:contains('Văn bản chờ ký')",
        },
        {
            content: "It holds the dossiers approved and waiting for his signature",
            trigger: ".o_kanban_record:not(.o_kanban_ghost), .o_data_row",
            run: "click",
        },
        {
            content: "The dossier opens",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
    ],
});
