from . import ubnd_incoming_direct_wizard
from . import ubnd_incoming_direct_wizard_line
