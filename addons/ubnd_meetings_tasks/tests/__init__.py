from . import test_session_task_report
