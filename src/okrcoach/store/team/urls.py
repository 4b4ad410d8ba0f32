"""Team store addresses: telling a server URL from a folder, and showing it without secrets.

Only ``postgresql://`` and ``postgres://`` URLs name a team store. The URL is
handed to the server library exactly as written, so TLS options such as
``sslmode``, ``sslrootcert`` or ``sslcert`` pass through untouched; only the
text shown to people is changed, by ``redact``.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
_SECRET_PARAMS = ("password", "sslpassword")


def is_team_url(text: str | None) -> bool:
    """Whether ``text`` is a PostgreSQL URL (anything else is a local folder)."""
    return bool(text) and text.strip().lower().startswith(SCHEMES)  # type: ignore[union-attr]


def redact(url: str) -> str:
    """``url`` with any password removed (user info and ``password=`` parameters)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "the team store (its address could not be read)"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, hosts = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hosts}" if user else hosts
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and piece.split("=", 1)[0].lower() not in _SECRET_PARAMS
    ]
    return urlunsplit((parts.scheme, netloc, parts.path, "&".join(kept), parts.fragment))


def for_role(url: str, role: str) -> str:
    """The redacted ``url`` as ``role`` would write it: their own name, no password."""
    shown = redact(url)
    try:
        parts = urlsplit(shown)
    except ValueError:
        return shown
    if not parts.scheme or not role:
        return shown
    hosts = parts.netloc.rsplit("@", 1)[-1]
    safe_role = quote(role, safe="")
    netloc = f"{safe_role}@{hosts}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
