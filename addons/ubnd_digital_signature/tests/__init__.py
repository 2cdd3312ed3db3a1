from . import test_certificates
from . import test_signing
from . import test_external_signing
from . import test_register
from . import test_issued_file
from . import test_seal
from . import test_appearance
