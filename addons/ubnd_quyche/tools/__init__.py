from .privilege import is_privileged, privileged
