"""Profile a leader's approval of three dossiers waiting for him, then roll back (issue #13).

Run in an Odoo shell on a generated province:

    odoo-bin shell -c .local/odoo.conf -d province_s1 --no-http < bench/profile_approve.py

Prints the time of each approval (the first one warms the caches up) and the 45 costliest calls of the last.
"""
import cProfile
import io
import pstats
import time

profile = None
for sub in env["ubnd.submission"].search([("state", "=", "to_leader")], limit=3):  # noqa: F821 - the shell's env
    leader_sub = sub.with_user(sub.leader_id).with_context(
        lang="vi_VN", tz="Asia/Ho_Chi_Minh", allowed_company_ids=[sub.company_id.id])
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    leader_sub.action_approve()
    env.flush_all()  # noqa: F821
    profile.disable()
    print("approve %.0f ms" % ((time.perf_counter() - started) * 1000))
if profile:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())
env.cr.rollback()  # noqa: F821
