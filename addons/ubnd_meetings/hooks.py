def post_init_hook(env):
    """Give the committees' own profiles the meeting settings of their level's preset.

    A committee's profile is a copy of its level's preset made when the committee was created,
    before this addon added its fields: those copies got the field defaults (the city's values).
    """
    env["ubnd.regulation.profile"]._ubnd_meetings_sync_presets()
