"""The web page, `mandatekit serve`: the second front door, beside the command line (mandatekit/cli/).

Both wire the same stages: `api` (setup, memo), `read`, `judge`, `decisions`, `compare` and `render`, and the
same writers: a download is byte for byte what the command line writes. The page adds what a browser needs
and nothing else: routes and templates (app.py, templates/), the layout of a draft beside its scorecard
(views.py), uploads kept in memory per session (store.py) and the defences of a local server (security.py).
"""

from mandatekit.web.app import create_app
from mandatekit.web.work import Workshop

__all__ = ["Workshop", "create_app"]
