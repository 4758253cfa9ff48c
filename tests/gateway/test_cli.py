"""The `dargah` command as a user runs it (a subprocess of the installed entry point)."""

import os
import subprocess
import sys


DARGAH = [sys.executable, "-m", "gateway.cli"]


def run(args, tmp_path, **env):
    environment = {**os.environ, "DARGAH_DATA_DIR": str(tmp_path / "var"), **env}
    return subprocess.run(DARGAH + args, capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=120)


def test_help_explains_the_commands(tmp_path):
    out = run(["--help"], tmp_path)
    assert out.returncode == 0
    for command in ("serve", "worker", "db", "keys"):
        assert command in out.stdout


def test_keys_create_prints_the_key_alone_on_the_last_line_and_it_works(tmp_path):
    out = run(["keys", "create", "--role", "agency", "--agency", "water", "--name", "clerk"], tmp_path)
    assert out.returncode == 0, out.stderr
    key = out.stdout.strip().splitlines()[-1]
    assert key.startswith("dgk_") and " " not in key
    from gateway.keys import KeyStore
    from gateway.storage.database import make_engine

    found = KeyStore(make_engine(f"sqlite:///{tmp_path / 'var' / 'dargah.db'}")).verify(key)
    assert found.role == "agency" and found.agency == "water" and found.name == "clerk"


def test_keys_create_refuses_an_agency_key_without_agency(tmp_path):
    out = run(["keys", "create", "--role", "agency"], tmp_path)
    assert out.returncode == 2 and "agency" in out.stderr


def test_db_upgrade_is_idempotent(tmp_path):
    assert run(["db", "upgrade"], tmp_path).returncode == 0
    assert run(["db", "upgrade"], tmp_path).returncode == 0
    assert (tmp_path / "var" / "dargah.db").exists()


def test_worker_without_redis_says_why(tmp_path):
    out = run(["worker", "--burst"], tmp_path, DARGAH_REDIS_URL="")
    assert out.returncode == 2 and "DARGAH_REDIS_URL" in out.stderr


def test_keys_list_and_revoke(tmp_path):
    key = run(["keys", "create", "--role", "operator", "--name", "zahra"], tmp_path).stdout.strip().splitlines()[-1]
    listed = run(["keys", "list"], tmp_path)
    assert listed.returncode == 0 and "zahra" in listed.stdout and "operator" in listed.stdout
    assert key not in listed.stdout and key[4:] not in listed.stdout  # never the key itself
    key_id = next(line.split()[0] for line in listed.stdout.splitlines() if "zahra" in line)

    out = run(["keys", "revoke", key_id], tmp_path)
    assert out.returncode == 0, out.stderr
    from gateway.keys import KeyStore
    from gateway.storage.database import make_engine

    assert KeyStore(make_engine(f"sqlite:///{tmp_path / 'var' / 'dargah.db'}")).verify(key) is None
    again = run(["keys", "revoke", key_id], tmp_path)
    assert again.returncode == 2 and "no live key" in again.stderr
    line = next(line for line in run(["keys", "list"], tmp_path).stdout.splitlines() if "zahra" in line)
    assert not line.rstrip().endswith(" -")  # the revocation date is shown


def test_key_cache_seconds_bounds_how_long_a_revoked_key_works(tmp_path):
    from gateway.keys import KeyStore, create_key, list_keys, revoke_key
    from gateway.settings import Settings
    from gateway.storage.database import make_engine
    from gateway.storage.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'keys.db'}"
    engine = make_engine(url)
    upgrade(url, engine)
    key = create_key(engine, "operator", name="reza")
    trusting, strict = KeyStore(engine, ttl=3600), KeyStore(engine, ttl=0)
    assert trusting.verify(key) is not None and strict.verify(key) is not None
    key_id = next(k["id"] for k in list_keys(engine) if k["name"] == "reza")
    assert revoke_key(engine, key_id)
    assert strict.verify(key) is None  # no cache: refused at once
    assert trusting.verify(key) is not None  # until its cache entry expires
    assert Settings.from_env({"DARGAH_KEY_CACHE_SECONDS": "0"}).http.key_cache_seconds == 0
    assert Settings.from_env({}).http.key_cache_seconds == 5
