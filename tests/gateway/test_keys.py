"""The API key cache: how long a key is trusted, and renewal of a key in use before its entry expires."""

import time

import pytest

from gateway.keys import MISS, KeyStore, create_key, list_keys, revoke_key
from gateway.storage.database import make_engine
from gateway.storage.migrate import upgrade


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'keys.db'}"
    engine = make_engine(url)
    upgrade(url, engine)
    return engine


def _settled(store: KeyStore) -> None:
    deadline = time.monotonic() + 10
    while store._renewing and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not store._renewing


def test_a_key_in_use_is_renewed_before_its_entry_expires(engine):
    key = create_key(engine, "operator", name="reza")
    now = [1000.0]
    store = KeyStore(engine, ttl=10, clock=lambda: now[0])
    assert store.verify(key).name == "reza"  # trusted until 1010
    now[0] = 1004
    assert store.cached(key).name == "reza" and not store._renewing  # first half of its life: no read
    now[0] = 1006
    assert store.cached(key).name == "reza"  # second half: one read in the background, the answer at once
    _settled(store)
    now[0] = 1012  # the first entry would have expired: requests now would all have missed together
    assert store.cached(key).name == "reza"


def test_renewal_sees_a_revocation_and_an_idle_key_still_expires(engine):
    key = create_key(engine, "operator", name="reza")
    now = [1000.0]
    store = KeyStore(engine, ttl=10, clock=lambda: now[0])
    assert store.verify(key) is not None
    assert revoke_key(engine, next(k["id"] for k in list_keys(engine) if k["name"] == "reza"))
    now[0] = 1006
    assert store.cached(key) is not None  # trusted until its entry's end, as before
    _settled(store)
    assert store.cached(key) is None  # the renewal read the revocation
    idle = create_key(engine, "operator", name="idle")
    assert store.verify(idle) is not None  # trusted until 1016
    now[0] = 1016
    assert store.cached(idle) is MISS  # nobody used it in its second half: no renewal, it expired
