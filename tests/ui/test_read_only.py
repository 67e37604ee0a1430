"""A second copy of the app opens read-only, with one banner, and takes over the data once the
first copy has closed (issue 8)."""

from __future__ import annotations

import datetime as dt

ON = dt.date(2026, 11, 29)


def test_read_only_copy_takes_over_when_the_other_copy_closes(make_window, user_data_dir):
    """Issue 8: a read-only copy retries the lock and says when it can write."""
    from app.storage.lock import DataLock

    user_data_dir.mkdir(parents=True, exist_ok=True)
    other = DataLock(user_data_dir)
    assert other.acquire()
    window = make_window(ON)
    assert window.controller.read_only and window.lock_timer.isActive()
    assert sum("Read-only" in t for t in window.banner_texts()) == 1  # one banner per reason
    assert not window.retry_write_access()  # still held
    other.release()
    assert window.retry_write_access()
    assert not window.controller.read_only and not window.lock_timer.isActive()
    assert not any("Read-only" in t for t in window.banner_texts())
    assert any("you can edit it" in t for t in window.banner_texts())
    model = window.companies.model
    assert model.setData(model.index(0, 0), "Edited after the takeover")
    assert window.controller.save_now()
