from . import external_signing
from . import verification
