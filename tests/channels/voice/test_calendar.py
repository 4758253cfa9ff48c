"""The working calendar: Iranian week, office hours, Jalali and Hijri holidays (table)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from channels.voice.calendar import (
    TEHRAN, HolidayFileError, WorkingCalendar, parse_holidays, parse_hours, parse_workdays,
)

CAL = WorkingCalendar()

DAYS = [
    ("sunday-10am", datetime(2026, 11, 29, 10, 0, tzinfo=TEHRAN), True),
    ("saturday-9am", datetime(2026, 11, 28, 9, 0, tzinfo=TEHRAN), True),
    ("wednesday-15:59", datetime(2026, 12, 2, 15, 59, tzinfo=TEHRAN), True),
    ("wednesday-16:00", datetime(2026, 12, 2, 16, 0, tzinfo=TEHRAN), False),
    ("thursday", datetime(2026, 12, 3, 10, 0, tzinfo=TEHRAN), False),
    ("friday", datetime(2026, 12, 4, 10, 0, tzinfo=TEHRAN), False),
    ("early-morning", datetime(2026, 11, 29, 7, 59, tzinfo=TEHRAN), False),
    ("utc-input", datetime(2026, 11, 29, 6, 30, tzinfo=timezone.utc), True),
    ("utc-input-evening", datetime(2026, 11, 29, 12, 30, tzinfo=timezone.utc), False),
    ("nowruz-1", datetime(2026, 3, 21, 10, 0, tzinfo=TEHRAN), False),
    ("nowruz-4", datetime(2026, 3, 24, 10, 0, tzinfo=TEHRAN), False),
    ("nowruz-5-working", datetime(2026, 3, 25, 10, 0, tzinfo=TEHRAN), True),
    ("12-farvardin", datetime(2026, 4, 1, 10, 0, tzinfo=TEHRAN), False),
    ("29-esfand", datetime(2027, 3, 20, 10, 0, tzinfo=TEHRAN), False),
    ("tasua-1448", datetime(2026, 6, 24, 10, 0, tzinfo=TEHRAN), False),
    ("21-ramadan-1447", datetime(2026, 3, 10, 10, 0, tzinfo=TEHRAN), False),
    ("13-rajab-1448", datetime(2026, 12, 22, 10, 0, tzinfo=TEHRAN), False),
    ("eid-adha-1447", datetime(2026, 5, 27, 10, 0, tzinfo=TEHRAN), False),
    ("ghadir-1448", datetime(2027, 5, 24, 10, 0, tzinfo=TEHRAN), False),
    ("day-after-ghadir", datetime(2027, 5, 25, 10, 0, tzinfo=TEHRAN), True),
]


@pytest.mark.parametrize("at, open_", [d[1:] for d in DAYS], ids=[d[0] for d in DAYS])
def test_is_open(at, open_):
    assert CAL.is_open(at) is open_


def test_holiday_names():
    assert CAL.holiday(date(2026, 3, 21)).name == "نوروز"
    assert CAL.holiday(date(2026, 6, 25)).name == "عاشورا"
    assert CAL.holiday(date(2026, 11, 29)) is None


def test_holiday_file_adds_and_removes():
    text = """
    # a one-off closure, and 29 Esfand no longer a holiday
    gregorian 2026-11-29  تعطیلی آلودگی هوا
    -jalali   12-29
    hijri 09-19
    """
    cal = WorkingCalendar(holidays=parse_holidays(text))
    assert not cal.is_open(datetime(2026, 11, 29, 10, 0, tzinfo=TEHRAN))
    assert cal.is_open(datetime(2027, 3, 20, 10, 0, tzinfo=TEHRAN))


@pytest.mark.parametrize("line", ["lunar 01-01", "jalali 13-01", "jalali xx", "gregorian 2026-02-30", "jalali"],
                         ids=["unknown-calendar", "month-13", "not-a-date", "bad-gregorian", "no-date"])
def test_bad_holiday_lines(line):
    with pytest.raises(HolidayFileError):
        parse_holidays(line)


def test_hours_and_workdays_settings():
    assert parse_hours("07:30-14:30") == (time(7, 30), time(14, 30))
    with pytest.raises(ValueError):
        parse_hours("14:00-08:00")
    assert parse_workdays("sat,sun,mon,tue,wed,thu") == frozenset({5, 6, 0, 1, 2, 3})
    with pytest.raises(ValueError):
        parse_workdays("sat,funday")


def test_example_holiday_file_in_testdata():
    from pathlib import Path

    import channels.voice

    path = Path(channels.voice.__file__).parent / "testdata" / "holidays-example.txt"
    cal = WorkingCalendar.from_file(path)
    assert not cal.is_open(datetime(2026, 11, 29, 10, 0, tzinfo=TEHRAN))  # one-off closure
    assert cal.is_open(datetime(2027, 3, 20, 10, 0, tzinfo=TEHRAN))  # 29 Esfand removed
    assert cal.holiday(date(2026, 6, 26)).name.startswith("عاشورا")
