"""Login lock-out: atomic under parallel guessing, per pair/address/account, with backoff."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from jichitai_ai.services import auth, login_guard
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import LoginThrottle

PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff(platform: Platform) -> str:
    with platform.db.write() as session:
        auth.create_user(session, "staff-1", PASSWORD)
    return "staff-1"


def _try(
    platform: Platform, user: str, password: str, address: str, rules: login_guard.GuardRules
) -> bool:
    try:
        login_guard.login(platform.db, user, password, address, rules)
    except auth.LoginFailed:
        return False
    return True


def test_parallel_wrong_guesses_lock_and_the_right_password_is_then_refused(
    platform: Platform, staff: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding: 80 parallel wrong guesses on PostgreSQL never locked the account."""
    checked = 0
    lock = threading.Lock()
    real = auth.authenticate

    def counting(*args: object, **kwargs: object) -> auth.Principal:
        nonlocal checked
        with lock:
            checked += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(auth, "authenticate", counting)
    rules = login_guard.GuardRules()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda i: _try(platform, staff, f"wrong-{i}", "10.0.0.9", rules), range(40))
        )
    assert not any(results)
    # Every attempt was counted: only the pair threshold's worth of passwords was ever checked.
    assert checked == rules.pair.threshold
    assert not _try(platform, staff, PASSWORD, "10.0.0.9", rules)
    with platform.db.read() as session:
        pair = session.get(LoginThrottle, f"pair:{staff}|10.0.0.9")
        assert pair is not None and pair.failures == rules.pair.threshold


def test_a_stranger_does_not_lock_staff_out_from_their_own_address(
    platform: Platform, staff: str
) -> None:
    rules = login_guard.GuardRules()
    for i in range(30):
        assert not _try(platform, staff, f"guess-{i}", "203.0.113.5", rules)
    assert _try(platform, staff, PASSWORD, "192.168.1.20", rules)


def test_unknown_and_locked_give_the_same_failure(platform: Platform, staff: str) -> None:
    rules = login_guard.GuardRules()
    with pytest.raises(auth.LoginFailed) as unknown:
        login_guard.login(platform.db, "nobody", "whatever-pass", "10.1.1.1", rules)
    with pytest.raises(auth.LoginFailed) as wrong:
        login_guard.login(platform.db, staff, "whatever-pass", "10.1.1.1", rules)
    assert str(unknown.value) == str(wrong.value) == "login failed"
    # Unknown names are counted and blocked exactly like real ones (no existence oracle).
    for _ in range(rules.pair.threshold):
        _try(platform, "nobody", "x-password", "10.1.1.2", rules)
    with platform.db.read() as session:
        row = session.get(LoginThrottle, "pair:nobody|10.1.1.2")
        assert row is not None and row.blocked_until is not None


def test_block_is_a_backoff_that_ends(platform: Platform, staff: str) -> None:
    rules = login_guard.GuardRules(
        pair=login_guard.Rule(threshold=3, base_seconds=60, cap_seconds=240)
    )
    for _ in range(3):
        assert not _try(platform, staff, "wrong-password", "10.2.2.2", rules)
    key = f"pair:{staff}|10.2.2.2"
    with platform.db.read() as session:
        first = session.get(LoginThrottle, key)
        assert first is not None and first.blocked_until is not None
        first_block = first.blocked_until - first.updated_at
    assert first_block == timedelta(seconds=60)
    assert not _try(platform, staff, PASSWORD, "10.2.2.2", rules)  # blocked: not checked

    def expire() -> None:
        with platform.db.write() as session:
            session.execute(
                update(LoginThrottle)
                .where(LoginThrottle.key == key)
                .values(blocked_until=LoginThrottle.updated_at)
            )

    expire()
    assert not _try(platform, staff, "wrong-again", "10.2.2.2", rules)
    with platform.db.read() as session:
        row = session.execute(select(LoginThrottle).where(LoginThrottle.key == key)).scalar_one()
        assert row.blocked_until is not None
        assert row.blocked_until - row.updated_at == timedelta(seconds=120)  # doubled
    for _ in range(5):
        expire()
        _try(platform, staff, "wrong-again", "10.2.2.2", rules)
    with platform.db.read() as session:
        row = session.execute(select(LoginThrottle).where(LoginThrottle.key == key)).scalar_one()
        assert row.blocked_until is not None
        assert row.blocked_until - row.updated_at == timedelta(seconds=240)  # capped
    expire()
    assert _try(platform, staff, PASSWORD, "10.2.2.2", rules)  # the block ended
    with platform.db.read() as session:
        assert session.get(LoginThrottle, key) is None  # success forgets the pair's failures


def test_many_staff_behind_one_proxy_are_not_locked_out(platform: Platform) -> None:
    """Newcomer finding: successful logins were counted on the address, so after 20 logins
    through one proxy every account from it was refused."""
    rules = login_guard.GuardRules()
    with platform.db.write() as session:
        for i in range(30):
            auth.create_user(session, f"clerk-{i}", PASSWORD)
    proxy = "10.50.0.1"
    for round_ in range(2):
        for i in range(30):
            assert _try(platform, f"clerk-{i}", PASSWORD, proxy, rules), (round_, i)
    with platform.db.read() as session:
        row = session.get(LoginThrottle, f"addr:{proxy}")
        assert row is not None and row.failures == 0 and row.blocked_until is None


def test_guesses_between_own_logins_still_block_the_address(platform: Platform, staff: str) -> None:
    """A success takes back only its own attempt: failures at other accounts keep counting."""
    rules = login_guard.GuardRules()
    address = "198.51.100.7"
    blocked = False
    for i in range(rules.address.threshold + 5):
        _try(platform, f"victim-{i}", "guess-password", address, rules)
        if not _try(platform, staff, PASSWORD, address, rules):
            blocked = True
            break
    assert blocked
    with platform.db.read() as session:
        row = session.get(LoginThrottle, f"addr:{address}")
        assert row is not None and row.failures >= rules.address.threshold
