import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

/**
 * "Việc của tôi": the landing screen of every committee user. One tile per kind of item waiting
 * for him (model ``ubnd.my.work``, which each addon extends); a tap opens the filtered list.
 * Counts are read again whenever the screen is shown (a breadcrumb back re-mounts it).
 */
export class MyWork extends Component {
    static template = "ubnd_quyche.MyWork";
    static components = { Layout };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ loaded: false, userName: "", committeeName: "", today: "", items: [] });
        onWillStart(() => this.load());
    }

    async load() {
        const work = await this.orm.call("ubnd.my.work", "get_my_work", []);
        Object.assign(this.state, {
            loaded: true,
            userName: work.user_name,
            committeeName: work.committee_name,
            today: work.today,
            items: work.items,
        });
    }

    get waitingCount() {
        return this.state.items.reduce((total, item) => total + item.count, 0);
    }

    open(item) {
        return this.actionService.doAction(item.action);
    }
}

registry.category("actions").add("ubnd_my_work", MyWork);
