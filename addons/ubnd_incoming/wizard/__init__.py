from . import ubnd_incoming_direct_wizard
