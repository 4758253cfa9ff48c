"""Bearer API keys and role guards. A guard verifies the key (401), checks the role (403) and leaves
the ApiKey on the connection's scope so handlers read `request.user`."""

from __future__ import annotations

from typing import Awaitable, Callable

import anyio

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Scope

from gateway.keys import MISS, ApiKey


def bearer_token(scope: Scope) -> str | None:
    """The raw key of `Authorization: Bearer …`, or None. Straight from the ASGI scope (names are lower-case
    bytes): building Litestar's Headers object parses every header, a visible cost on the intake path."""
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, raw = value.decode("latin-1").partition(" ")
            return raw.strip() if scheme.lower() == "bearer" else None
    return None


def allowed_roles(*roles: str) -> frozenset[str]:
    return frozenset(roles) | {"admin"}


async def authenticate(connection: ASGIConnection) -> ApiKey:
    raw = bearer_token(connection.scope)
    key = None
    if raw is not None:
        keys = connection.app.state.services.keys
        key = keys.cached(raw)
        if key is MISS:  # only a cache miss reads the database, off the event loop
            key = await anyio.to_thread.run_sync(keys.verify, raw)
    if key is None:
        raise NotAuthorizedException("a valid API key is required", headers={"WWW-Authenticate": "Bearer"})
    connection.scope["user"] = key
    return key


async def _check(connection: ASGIConnection, allowed: frozenset[str]) -> None:
    key = await authenticate(connection)
    if key.role not in allowed:
        raise PermissionDeniedException(f"role {key.role} is not allowed here")


def requires(*roles: str) -> Callable[[ASGIConnection, BaseRouteHandler], Awaitable[None]]:
    """A guard admitting these roles (and admin). Async on purpose: Litestar runs a sync guard in the
    thread pool, a hop that cost more CPU than the check itself on the intake path."""
    allowed = allowed_roles(*roles)

    async def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        await _check(connection, allowed)

    guard.__name__ = f"requires_{'_'.join(sorted(allowed))}"
    return guard


def requires_before_request(*roles: str) -> Callable[[ASGIConnection], Awaitable[None]]:
    """The same check as `requires`, as a `before_request` hook (it also runs before the body is read).
    For the intake route: Litestar calls every guard with a copy of the route handler, which costs more than
    the check itself at thousands of requests a second."""
    allowed = allowed_roles(*roles)

    async def before_request(connection: ASGIConnection) -> None:
        await _check(connection, allowed)

    return before_request
