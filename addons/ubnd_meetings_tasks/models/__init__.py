from . import ubnd_task_session
from . import ubnd_meeting_item
from . import ubnd_meeting
