from . import ubnd_task_statistics_xlsx
