{
    "name": "UBND – Ký số (digital signatures)",
    "summary": "PAdES signatures with pyHanko: certificates bound to people, trust anchors, PKCS#11 tokens, "
    "external signing, validation and a tamper-evident register",
    "description": "The cryptographic backend of digital signatures (ký số) for the People's Committee e-office suite.",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "license": "AGPL-3",
    "author": "UBND e-office contributors",
    "depends": ["ubnd_quyche", "certificate"],
    "external_dependencies": {"python": ["pyhanko", "pyhanko-certvalidator", "python-pkcs11"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ubnd_digital_signature_security.xml",
        "views/certificate_certificate_views.xml",
        "views/res_users_views.xml",
        "views/ubnd_signature_register_views.xml",
        "views/ubnd_digital_signature_menus.xml",
        "views/ubnd_document_views.xml",
        "views/ubnd_seal_views.xml",
        "views/ubnd_verify_templates.xml",
        "report/ubnd_document_report.xml",
        "views/ubnd_document_digital_signature_views.xml",
        "wizard/ubnd_sign_confirm_views.xml",
        "wizard/ubnd_signed_upload_views.xml",
        "data/ubnd_signature_request_cron.xml",
    ],
    "post_init_hook": "_ubnd_post_init",
    "assets": {
        "web.assets_backend": [
            "ubnd_digital_signature/static/src/**/*",
        ],
        "web.assets_tests": [
            "ubnd_digital_signature/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
