import { registry } from "@web/core/registry";

const SLIP = "Phiếu trình giải quyết hồ sơ, công việc";

// The leader on his phone reads a dossier: every component's name in full, the phiếu trình opened in the viewer.
registry.category("web_tour.tours").add("ubnd_leader_reads_dossier", {
    steps: () => [
        { trigger: `.o_ubnd_components .o_kanban_record:contains("${SLIP}")` },
        {
            content: "The component's name is shown whole, not cut off",
            trigger: `.o_ubnd_components .o_kanban_record:contains("${SLIP}") .o_ubnd_component_name`,
            run() {
                const name = this.anchor;
                if (name.scrollWidth > name.clientWidth + 1 || !name.textContent.includes(SLIP)) {
                    throw new Error(`component name truncated: "${name.textContent}"`);
                }
            },
        },
        {
            trigger: `.o_ubnd_components .o_kanban_record:contains("${SLIP}") .o_ubnd_file_open`,
            run: "click",
        },
        { trigger: ".o-FileViewer iframe.o-FileViewer-view" },
        { trigger: '.o-FileViewer .o-FileViewer-headerButton:has(.fa-times)', run: "click" },
        { trigger: "body:not(:has(.o-FileViewer))" },
    ],
});

// The leader on his phone, from his inbox, reviews the document he signs and his capacity, then confirms.
const PLAN = "Kế hoạch chuyển đổi số năm 2027";
registry.category("web_tour.tours").add("ubnd_leader_signs", {
    steps: () => [
        { trigger: `.o_kanban_record:contains("${PLAN}") button[name="action_open_sign"]:contains("Ký")`, run: "click" },
        { trigger: '.modal .o_ubnd_sign_as:contains("Ký với tư cách:"):contains("KT. CHỦ TỊCH – PHÓ CHỦ TỊCH")' },
        { trigger: '.modal .o_field_pdf_viewer iframe.o_pdfview_iframe' },
        { trigger: '.modal button[name="action_confirm"]:contains("Xác nhận ký")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: `.o_kanban_view:not(:has(.o_kanban_record:contains("${PLAN}") button[name="action_open_sign"]))` },
    ],
});
