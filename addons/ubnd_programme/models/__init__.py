from . import ubnd_regulation_profile
from . import ubnd_programme
from . import ubnd_programme_item
from . import ubnd_programme_adjustment
from . import ubnd_schedule_entry
from . import ubnd_report_obligation
from . import ubnd_report_vice_chairman
from . import ubnd_report
from . import ubnd_submission
from . import ubnd_programme_demo
# A SQL view over the tables above: created last.
from . import ubnd_schedule_line
from . import ubnd_my_work
