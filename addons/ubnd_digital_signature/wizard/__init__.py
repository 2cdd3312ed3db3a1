from . import ubnd_sign_confirm
from . import ubnd_signed_upload
