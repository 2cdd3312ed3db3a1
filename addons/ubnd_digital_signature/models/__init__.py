from . import certificate_certificate
from . import res_users
from . import ubnd_signature_service
from . import ubnd_signature_request
from . import ubnd_signature_register
from . import ubnd_document
from . import ir_attachment
