from . import controllers
from . import models
from . import wizard


def _ubnd_post_init(env):
    """With demo data, sign the demo's issued documents (models/ubnd_signature_demo.py). A hook rather than a demo
    <function>: it runs once this addon's views and Vietnamese terms are loaded, so the printout carries its QR code
    and Vietnamese labels."""
    if env.ref("base.module_ubnd_digital_signature").demo:
        env["ubnd.signature.demo"]._build()
