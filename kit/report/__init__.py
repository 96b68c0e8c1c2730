"""Reporting: the one `Finding` shape every check returns, the reporter and its sinks.

Owns: findings.py (Finding, Reporter, StopBuild, stop_at), messages.py (paths as
editors see them), github.py (annotations on a pull request's lines, the job summary).
Imports: nothing of the kit. It is the lowest layer; every other package reports through it.
"""
