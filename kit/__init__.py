"""The clinic kit: the logic behind `hooks.py`, one module per concern.

`hooks.py` stays a readable list of build events; each event hands its work to
a module here, so a clinic's developer can read the switchboard in one screen.
"""
