from . import test_task_record
from . import test_task_status
