"""Bearer API keys and role guards. A guard verifies the key (401), checks the role (403) and leaves
the ApiKey on the connection's scope so handlers read `request.user`."""

from __future__ import annotations

from typing import Awaitable, Callable

import anyio

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from gateway.keys import MISS, ApiKey


async def authenticate(connection: ASGIConnection) -> ApiKey:
    header = connection.headers.get("authorization", "")
    scheme, _, raw = header.partition(" ")
    key = None
    if scheme.lower() == "bearer":
        keys = connection.app.state.services.keys
        key = keys.cached(raw.strip())
        if key is MISS:  # only a cache miss reads the database, off the event loop
            key = await anyio.to_thread.run_sync(keys.verify, raw.strip())
    if key is None:
        raise NotAuthorizedException("a valid API key is required", headers={"WWW-Authenticate": "Bearer"})
    connection.scope["user"] = key
    return key


def requires(*roles: str) -> Callable[[ASGIConnection, BaseRouteHandler], Awaitable[None]]:
    """A guard admitting these roles (and admin). Async on purpose: Litestar runs a sync guard in the
    thread pool, a hop that cost more CPU than the check itself on the intake path."""
    allowed = set(roles) | {"admin"}

    async def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        key = await authenticate(connection)
        if key.role not in allowed:
            raise PermissionDeniedException(f"role {key.role} is not allowed here")

    guard.__name__ = f"requires_{'_'.join(sorted(allowed))}"
    return guard
