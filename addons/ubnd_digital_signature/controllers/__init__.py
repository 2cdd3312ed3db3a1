from . import external_signing
