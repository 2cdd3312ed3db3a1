from . import test_programme_timeline
from . import test_programme_items
from . import test_programme_adjustment
from . import test_schedule
from . import test_reports
from . import test_demo
from . import test_tour
from . import test_trust
