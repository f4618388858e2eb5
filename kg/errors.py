"""The project's own error: its message is one line that names the file and the problem."""


class DipkgError(Exception):
    pass
