from datetime import date


def post_init_hook(env):
    """Store the public holidays of the years around today so the engine works offline at once."""
    this_year = date.today().year
    env["ubnd.holiday"]._generate_years(range(this_year - 1, this_year + 3))
