from . import test_workday
from . import test_regulation_profile
from . import test_organisation
from . import test_delegation
from . import test_signing
from . import test_security
from . import test_submission
from . import test_reports
