from . import ubnd_sign_confirm
