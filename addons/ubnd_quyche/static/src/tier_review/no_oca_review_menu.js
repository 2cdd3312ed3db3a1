import { registry } from "@web/core/registry";

// OCA's "Reviews" systray menu speaks English ("No reviews to do.", "Pending") and counts what "Việc của tôi"
// already lists in Vietnamese: each dossier waiting for the user's step. The suite's users find their turn there.
const systray = registry.category("systray");
const OCA_MENU = "base_tier_validation.ReviewerMenu";

function dropOcaMenu() {
    if (systray.contains(OCA_MENU)) {
        systray.remove(OCA_MENU);
    }
}

dropOcaMenu();
// The bundle may load OCA's module after this one.
systray.addEventListener("UPDATE", dropOcaMenu);
