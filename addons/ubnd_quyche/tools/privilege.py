"""Server-side privileges for workflow steps.

A guarded ``write`` must let the workflow's own actions through while refusing the same write sent by a
client. A boolean in the context does not do this: a client puts any key it likes in its context over
JSON-RPC or XML-RPC. A client only sends data, though, so it can never send this module's token object:
a guard that asks for that exact object (``is``, not ``==``) cannot be satisfied from outside.
"""


class _ServerToken(str):
    """The value of a granted privilege; a ``str`` so that a context holding it still serialises."""

    __slots__ = ()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_TOKEN = _ServerToken("server")


def privileged(records, *names):
    """``records`` with the named privileges granted, for the server's own workflow steps only."""
    return records.with_context(**dict.fromkeys(names, _TOKEN))


def is_privileged(records, name):
    """True in superuser mode or when the server itself granted ``name``; never from a client's context."""
    return records.env.su or records.env.context.get(name) is _TOKEN
