import { Component, onMounted, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

const CERTIFICATE_TIMEOUT = 15000; // ms: the plugin answers at once, or asks the user to pick a token
const SIGN_TIMEOUT = 180000; // ms: the user types his PIN on the token's window

/**
 * "Ký số": the leader's browser drives his signing plugin (a local agent on his computer, README "The signing
 * plugin") through the server's external-signing contract: certificate from the plugin -> begin (the server
 * prepares the final PDF and its digest) -> the plugin signs the digest into a CMS -> complete (the server embeds
 * and validates it) -> the verdict. Nothing is signed in the browser; the key stays in the token.
 */
export class ExternalSign extends Component {
    static template = "ubnd_digital_signature.ExternalSign";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.params = { ...this.props.action.params };
        this.state = useState({ step: "connect", running: true, error: "", verdict: null, closed: false });
        onMounted(() => this.run());
    }

    get steps() {
        return [
            { key: "connect", label: _t("Connecting to the signing plugin…"), done: _t("Signing plugin connected") },
            { key: "prepare", label: _t("Preparing the document to sign…"), done: _t("Document prepared") },
            { key: "sign", label: _t("Sign on your token (type the PIN when asked)…"), done: _t("Signed on the token") },
            { key: "verify", label: _t("Verifying the digital signature…"), done: _t("Digital signature verified") },
        ];
    }

    stepClass(step) {
        const keys = this.steps.map((s) => s.key);
        const current = keys.indexOf(this.state.step);
        const index = keys.indexOf(step.key);
        if (index < current || (this.state.verdict && !this.state.error)) {
            return "text-success";
        }
        if (index === current) {
            return this.state.error ? "text-danger fw-bold" : "fw-bold";
        }
        return "text-muted";
    }

    async run() {
        Object.assign(this.state, { step: "connect", running: true, error: "", verdict: null });
        try {
            if (this.state.closed) {
                await this.newRequest();
            }
            const { certificate } = await this.callPlugin("certificate", null, CERTIFICATE_TIMEOUT);
            this.state.step = "prepare";
            const begun = await this.callServer("begin", { request_id: this.params.request_id, certificate });
            this.state.step = "sign";
            const { cms } = await this.callPlugin("sign", {
                request_id: begun.request_id,
                digest: begun.digest,
                digest_algorithm: begun.digest_algorithm,
                certificate,
                document: this.params.reference,
                reason: this.params.title,
            }, SIGN_TIMEOUT);
            this.state.step = "verify";
            const verdict = await this.callServer("complete", { request_id: this.params.request_id, cms });
            // A returned signature closes the request, valid or not: another attempt needs a new one.
            Object.assign(this.state, { verdict, closed: true });
        } catch (error) {
            this.state.error = error.message || String(error);
        } finally {
            this.state.running = false;
        }
    }

    async newRequest() {
        const action = await this.orm.call("ubnd.document", "action_ubnd_sign_digitally", [[this.params.document_id]]);
        Object.assign(this.params, action.params);
        this.state.closed = false;
    }

    /** One call to the plugin on the user's computer; a clear Vietnamese message when it fails. */
    async callPlugin(route, payload, timeout) {
        if (!this.params.plugin_url) {
            throw new Error(
                _t("No signing plugin is configured for this installation: ask the system administrator (system parameter ubnd_digital_signature.plugin_url).")
            );
        }
        const url = `${this.params.plugin_url}/${route}`;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), timeout);
        let response;
        try {
            response = await fetch(url, {
                method: payload ? "POST" : "GET",
                headers: payload ? { "Content-Type": "application/json" } : {},
                body: payload ? JSON.stringify(payload) : undefined,
                signal: controller.signal,
            });
        } catch {
            throw new Error(
                _t(
                    "The signing plugin does not answer at %(url)s. Check that it is installed and running on this computer and that your token is plugged in.",
                    { url: this.params.plugin_url }
                )
            );
        } finally {
            clearTimeout(timer);
        }
        const body = await response.json().catch(() => ({}));
        if (body.error === "cancelled") {
            throw new Error(_t("You cancelled the signature on the signing plugin."));
        }
        if (!response.ok || body.error) {
            throw new Error(
                _t("The signing plugin refused: %(message)s", { message: body.message || body.error || response.status })
            );
        }
        return body;
    }

    async callServer(route, params) {
        try {
            return await rpc(`/ubnd_digital_signature/external/${route}`, params, { silent: true });
        } catch (error) {
            throw new Error(error.data?.message || error.message);
        }
    }

    close() {
        return this.actionService.doAction({ type: "ir.actions.act_window_close" });
    }
}

registry.category("actions").add("ubnd_digital_signature.external_sign", ExternalSign);
