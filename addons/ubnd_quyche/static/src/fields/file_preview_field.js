import { registry } from "@web/core/registry";
import { FileModel } from "@web/core/file_viewer/file_model";
import { useFileViewer } from "@web/core/file_viewer/file_viewer_hook";
import {
    Many2ManyBinaryField,
    many2ManyBinaryField,
} from "@web/views/fields/many2many_binary/many2many_binary_field";

/**
 * The files of a dossier component: each name opens Odoo's own file viewer (PDF, image, text) on the desktop
 * and on the phone; other files download. Uploading and removing stay those of many2many_binary.
 */
export class FilePreviewField extends Many2ManyBinaryField {
    static template = "ubnd_quyche.FilePreviewField";

    setup() {
        super.setup();
        this.fileViewer = useFileViewer();
    }

    toFileModel(file) {
        return Object.assign(new FileModel(), { id: file.id, name: file.name, mimetype: file.mimetype });
    }

    onPreview(file) {
        const files = this.files.map((f) => this.toFileModel(f));
        const current = files.find((f) => f.id === file.id);
        if (current.isViewable) {
            this.fileViewer.open(current, files);
        } else {
            window.location.assign(this.getUrl(file.id));
        }
    }
}

export const filePreviewField = {
    ...many2ManyBinaryField,
    component: FilePreviewField,
};

registry.category("fields").add("ubnd_file_preview", filePreviewField);
