from . import test_register
from . import test_direction
from . import test_dossier
from . import test_trust
from . import test_reports
from . import test_tour
