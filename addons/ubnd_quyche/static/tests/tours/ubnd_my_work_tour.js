import { registry } from "@web/core/registry";

// The leader's day begins on his phone: he lands on his work, with a count per kind of item, and opens one.
registry.category("web_tour.tours").add("ubnd_leader_lands_on_my_work", {
    steps: () => [
        {
            content: "He lands on his work, not on Discuss",
            trigger: ".o_ubnd_my_work h1:contains('Việc của tôi')",
        },
        {
            content: "Each kind of his work has its count, even when nothing waits",
            trigger: ".o_ubnd_my_work_tile:contains('Văn bản chờ ký (')",
        },
        {
            content: "The dossier waiting for his decision is counted; he opens them",
            trigger: ".o_ubnd_my_work_tile.o_ubnd_has_items:contains('Hồ sơ chờ quyết định (')",
            run: "click",
        },
        {
            content: "The list of dossiers awaiting his decision opens, titled in Vietnamese",
            trigger: ".o_breadcrumb:contains('Hồ sơ chờ quyết định'), .o_control_panel:contains('Hồ sơ chờ quyết định')",
        },
        {
            content: "He opens the dossier",
            trigger: ".o_kanban_record:not(.o_kanban_ghost):contains('Quyết định phê duyệt giá khởi điểm'), " +
                ".o_data_row:contains('Quyết định phê duyệt giá khởi điểm')",
            run: "click",
        },
        {
            content: "The dossier opens",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
    ],
});
