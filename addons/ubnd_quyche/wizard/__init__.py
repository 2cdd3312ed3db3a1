from . import ubnd_submission_decision
from . import ubnd_sign_confirm
