import { registry } from "@web/core/registry";

const PLAN = "Kế hoạch chuyển đổi số năm 2027";
// The leader reads the document before he signs (and the viewer has fetched it: signing prints the final PDF).
const READ_THE_DOCUMENT = { trigger: '.modal iframe.o_pdfview_iframe:iframe .page[data-loaded="true"]' };

// The Vice-Chairman on his phone signs from his inbox: the signing screen names his certificate, his signing
// plugin (a test signer) signs the digest, and he reads the verdict.
registry.category("web_tour.tours").add("ubnd_leader_signs_digitally", {
    steps: () => [
        { trigger: `.o_kanban_record:contains("${PLAN}") button[name="action_open_sign"]:contains("Ký")`, run: "click" },
        { trigger: '.modal .o_ubnd_sign_as:contains("Ký với tư cách:"):contains("KT. CHỦ TỊCH")' },
        { trigger: '.modal .o_ubnd_sign_digitally:contains("Ký số bằng chứng thư số:")' },
        READ_THE_DOCUMENT,
        { trigger: '.modal button[name="action_confirm"]:contains("Xác nhận ký số")', run: "click" },
        {
            content: "The verdict: valid, his name, his capacity, the time with its offset",
            trigger: '.modal .o_ubnd_sign_verdict.alert-success:contains("Đã ký số"):contains("Chữ ký số hợp lệ:"):contains("KT. CHỦ TỊCH"):contains("+07:00")',
        },
        { trigger: '.modal .o_ubnd_sign_close:contains("Đóng")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
        { trigger: `.o_kanban_view:not(:has(.o_kanban_record:contains("${PLAN}") button[name="action_open_sign"]))` },
    ],
});

// The same leader when his plugin is not running: a clear message, the document stays signed, "Thử lại" offered.
registry.category("web_tour.tours").add("ubnd_leader_signs_plugin_missing", {
    steps: () => [
        { trigger: `.o_kanban_record:contains("${PLAN}") button[name="action_open_sign"]:contains("Ký")`, run: "click" },
        READ_THE_DOCUMENT,
        { trigger: '.modal button[name="action_confirm"]:contains("Xác nhận ký số")', run: "click" },
        { trigger: '.modal .o_ubnd_sign_error:contains("Không kết nối được công cụ ký số")' },
        { trigger: '.modal .o_ubnd_external_sign:contains("Văn bản đã được ký và cấp số nhưng chưa được ký số")' },
        { trigger: '.modal .o_ubnd_sign_retry:contains("Thử lại")' },
        { trigger: '.modal .o_ubnd_sign_close:contains("Đóng")', run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});

// The Office issues the digitally signed document from its inbox.
registry.category("web_tour.tours").add("ubnd_office_issues_signed", {
    steps: () => [
        { trigger: `.o_kanban_record:contains("${PLAN}") button[name="action_issue"]:contains("Phát hành")`, run: "click" },
        { trigger: `.o_kanban_view:not(:has(.o_kanban_record:contains("${PLAN}") button[name="action_issue"]))` },
    ],
});
