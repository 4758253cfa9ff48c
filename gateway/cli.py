"""The `dargah` command."""

from __future__ import annotations

import argparse
import sys

from gateway import letters, sms, voice

DESCRIPTION = """Dargah (درگاه): the intake gateway of a 111-style citizen-to-government contact line.

Settings come from the environment: DARGAH_DATABASE_URL (default SQLite under ./var/), DARGAH_REDIS_URL
(unset: jobs run in-process), DARGAH_DATA_DIR, DARGAH_FILES_DIR, DARGAH_HOST, DARGAH_PORT, … (see README)."""


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.settings import Settings

    settings = Settings.from_env()
    if not args.no_migrate:
        from gateway.storage.migrate import upgrade

        upgrade(settings.database_url)
    uvicorn.run(
        "gateway.app:app_from_env", factory=True,
        host=args.host or settings.http.host, port=args.port or settings.http.port,
        workers=args.workers, log_level="warning", access_log=False,
        limit_concurrency=args.limit_concurrency, timeout_keep_alive=30,
    )
    return 0


def _cmd_worker(args: argparse.Namespace) -> int:
    from gateway.jobs import run_worker
    from gateway.logs import configure_logging
    from gateway.settings import Settings

    settings = Settings.from_env()
    configure_logging(settings.log_level)
    if not settings.redis_url:
        print("dargah worker needs DARGAH_REDIS_URL (without it, jobs already run inside `dargah serve`).",
              file=sys.stderr)
        return 2
    run_worker(settings.redis_url, settings.queue_name, burst=args.burst)
    return 0


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from gateway.settings import Settings
    from gateway.storage.migrate import upgrade

    upgrade(Settings.from_env().database_url)
    print("database is up to date")
    return 0


def _key_engine():
    from gateway.settings import Settings
    from gateway.storage.database import make_engine
    from gateway.storage.migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    return make_engine(settings.database_url, pool_size=1)


def _cmd_keys_create(args: argparse.Namespace) -> int:
    from gateway.keys import create_key

    try:
        raw = create_key(_key_engine(), args.role, name=args.name, agency=args.agency)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"created {args.role} key{' for agency ' + args.agency if args.agency else ''}; it is shown only once:")
    print(raw)
    return 0


def _cmd_keys_list(args: argparse.Namespace) -> int:
    from gateway.keys import list_keys

    print(f"{'id':>4}  {'role':<10} {'agency':<14} {'name':<24} {'created':<20} revoked")
    for k in list_keys(_key_engine()):
        revoked = k["revoked_at"].strftime("%Y-%m-%d %H:%M") if k["revoked_at"] else "-"
        print(f"{k['id']:>4}  {k['role']:<10} {k['agency'] or '-':<14} {k['name']:<24} "
              f"{k['created_at'].strftime('%Y-%m-%d %H:%M'):<20} {revoked}")
    return 0


def _cmd_keys_revoke(args: argparse.Namespace) -> int:
    from gateway.keys import revoke_key

    if not revoke_key(_key_engine(), args.id):
        print(f"error: no live key with id {args.id} (see `dargah keys list`)", file=sys.stderr)
        return 2
    print(f"revoked key {args.id}; gateway processes refuse it within DARGAH_KEY_CACHE_SECONDS (5 s by default)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dargah", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the HTTP API (migrates the database first)")
    serve.add_argument("--host", help="listen address (default DARGAH_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default DARGAH_PORT or 8111)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--limit-concurrency", type=int, default=None, help="refuse connections beyond this many")
    serve.add_argument("--no-migrate", action="store_true", help="do not run `db upgrade` first")
    serve.set_defaults(func=_cmd_serve)

    worker = sub.add_parser("worker", help="run an rq worker for the job queue (needs DARGAH_REDIS_URL)")
    worker.add_argument("--burst", action="store_true", help="run queued jobs, then exit")
    worker.set_defaults(func=_cmd_worker)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply all migrations (core and channels)").set_defaults(func=_cmd_db_upgrade)

    keys = sub.add_parser("keys", help="API keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    create = keys_sub.add_parser("create", help="create a key; prints it alone on the last line")
    create.add_argument("--role", required=True, choices=["operator", "agency", "supervisor", "admin"])
    create.add_argument("--agency", help="agency code (required for --role agency)")
    create.add_argument("--name", help="who holds the key (shown in the case history)")
    create.set_defaults(func=_cmd_keys_create)
    keys_sub.add_parser("list", help="list keys (id, holder, role, agency, dates; never the key)").set_defaults(
        func=_cmd_keys_list)
    revoke = keys_sub.add_parser("revoke", help="revoke a key by id (from `keys list`)")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(func=_cmd_keys_revoke)

    for module in (sms, letters, voice):
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
