from . import certificate_certificate
from . import res_users
from . import ubnd_signature_service
from . import ubnd_signature_request
from . import ubnd_signature_register
