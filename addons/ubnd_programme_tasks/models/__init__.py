from . import ubnd_report
