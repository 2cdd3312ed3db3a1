from . import ubnd_task_reassign_wizard
from . import ubnd_task_return_wizard
from . import ubnd_task_reason_wizard
from . import ubnd_task_report_wizard
