"""Errors raised by the identifier validators.

Every error carries a short message that names what is wrong; callers add the file, row
and column. The classes separate the kinds of failure so that a caller can react to a
bad check digit differently from a value that is not an identifier at all.
"""


class ValidationError(ValueError):
    """The value is not a valid identifier."""

    message = "invalid identifier"

    def __init__(self, message=None):
        super().__init__(message or self.message)


class InvalidFormat(ValidationError):
    """The value contains characters or a layout the identifier does not allow."""

    message = "invalid format"


class InvalidLength(ValidationError):
    """The value has the wrong number of characters."""

    message = "invalid length"


class InvalidChecksum(ValidationError):
    """The check digit does not match the other characters."""

    message = "check digit does not match"


class InvalidComponent(ValidationError):
    """A part of the value (a filer code, a suffix, a chapter) is not allowed."""

    message = "invalid component"
