from . import test_report_task_figures
