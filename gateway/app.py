"""The Litestar application."""

from __future__ import annotations

import gc

from litestar import Litestar, Request, Response, get
from sqlalchemy import text
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme

from gateway import letters, sms, voice
from gateway.api.controllers import CONTROLLERS
from gateway.api.errors import EXCEPTION_HANDLERS
from gateway.api.group_commit import GroupCommit
from gateway.bootstrap import Services, bootstrap, set_services
from gateway.logs import configure_logging


@get("/healthz", operation_id="health", tags=["ops"], sync_to_thread=False, summary="Liveness")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz", operation_id="ready", tags=["ops"], sync_to_thread=True, summary="Readiness: database (and Redis) reachable")
def readyz(request: Request) -> Response[dict[str, str]]:
    services = request.app.state.services
    checks: dict[str, str] = {}
    try:
        with services.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - readiness reports, it does not raise
        checks["database"] = "unreachable"
    redis = getattr(services.jobs, "redis", None)
    if redis is not None:
        try:
            redis.ping()
            checks["redis"] = "ok"
        except Exception:  # noqa: BLE001
            checks["redis"] = "unreachable"
    ready = all(v == "ok" for v in checks.values())
    return Response({"status": "ok" if ready else "unavailable", **checks}, status_code=200 if ready else 503)


def create_app(services: Services) -> Litestar:
    group_commit = GroupCommit(services.intake, max_batch=services.settings.http.intake_batch)
    return Litestar(
        route_handlers=[healthz, readyz, *CONTROLLERS, *sms.ROUTES, *letters.ROUTES, *voice.ROUTES],
        exception_handlers=EXCEPTION_HANDLERS,
        request_max_body_size=services.settings.http.max_body_bytes,
        openapi_config=OpenAPIConfig(
            title="Dargah", version="0.1.0", path="/schema",
            description="Intake gateway of a 111-style citizen-to-government contact line. Errors are "
            '`{"error": {"code", "field", "message_fa", "message_en"}}`.',
            components=Components(security_schemes={"bearer": SecurityScheme(type="http", scheme="bearer")}),
            security=[{"bearer": []}],
        ),
        state=State({"services": services, "group_commit": group_commit}),
        on_shutdown=[group_commit.close],
        # Logging is ours (gateway.logs: level from DARGAH_LOG_LEVEL, personal data redacted); Litestar's
        # default config would replace the root handler and with it the redaction filter.
        logging_config=None,
    )


def app_from_env() -> Litestar:
    """Factory for `uvicorn --factory` (and worker processes of `dargah serve --workers N`)."""
    services = bootstrap()
    configure_logging(services.settings.log_level)
    set_services(services)
    app = create_app(services)
    # What exists now (modules, the topic catalogue, the app) lives as long as the process: out of the
    # garbage collector's sight, full collections stay short and rare pauses shorter.
    gc.freeze()
    return app
