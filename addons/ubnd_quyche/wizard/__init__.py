from . import ubnd_submission_decision
