from . import test_commune_request
from . import test_complaint_case
from . import test_decentralisation
from . import test_my_work
from . import test_tour_demo
