"""The working calendar that decides live (operators) or offline (recorded message) mode.

Iranian week: Saturday–Wednesday are working days by default (Thursday is a half day in some offices
and Friday is the weekend; both configurable). Official holidays come from a list of yearly dates in
the Jalali (solar) or Hijri (lunar) calendar, plus exact Gregorian dates for one-off closures.

Lunar holidays in Iran follow moon sighting, which may differ by a day from the tabular/Umm al-Qura
conversion hijridate uses: a deployment corrects such a year with an exact `gregorian YYYY-MM-DD` line.

Holiday file format (UTF-8, one holiday a line, `#` starts a comment):

    jalali    01-01  نوروز
    hijri     01-10  عاشورا
    gregorian 2026-03-20  تعطیلی ویژه
    -jalali   12-29        # a leading '-' removes a default
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime
from hijridate import Gregorian

TEHRAN = ZoneInfo("Asia/Tehran")

# Python weekday(): Monday=0 … Sunday=6. Saturday=5, Sunday=6, Monday=0, Tuesday=1, Wednesday=2.
IRANIAN_WORKDAYS = frozenset({5, 6, 0, 1, 2})

# (calendar, month, day, name)
DEFAULT_HOLIDAYS: tuple[tuple[str, int, int, str], ...] = (
    ("jalali", 1, 1, "نوروز"),
    ("jalali", 1, 2, "نوروز"),
    ("jalali", 1, 3, "نوروز"),
    ("jalali", 1, 4, "نوروز"),
    ("jalali", 1, 12, "روز جمهوری اسلامی"),
    ("jalali", 1, 13, "روز طبیعت"),
    ("jalali", 3, 14, "رحلت امام خمینی"),
    ("jalali", 3, 15, "قیام ۱۵ خرداد"),
    ("jalali", 11, 22, "پیروزی انقلاب اسلامی"),
    ("jalali", 12, 29, "ملی شدن صنعت نفت"),
    ("hijri", 1, 9, "تاسوعا"),
    ("hijri", 1, 10, "عاشورا"),
    ("hijri", 2, 20, "اربعین"),
    ("hijri", 2, 28, "رحلت پیامبر و شهادت امام حسن"),
    ("hijri", 2, 30, "شهادت امام رضا"),
    ("hijri", 3, 8, "شهادت امام حسن عسکری"),
    ("hijri", 3, 17, "میلاد پیامبر و امام صادق"),
    ("hijri", 6, 3, "شهادت حضرت فاطمه"),
    ("hijri", 7, 13, "ولادت امام علی"),
    ("hijri", 7, 27, "مبعث"),
    ("hijri", 8, 15, "ولادت امام زمان"),
    ("hijri", 9, 21, "شهادت امام علی"),
    ("hijri", 10, 1, "عید فطر"),
    ("hijri", 10, 2, "عید فطر"),
    ("hijri", 10, 25, "شهادت امام صادق"),
    ("hijri", 12, 10, "عید قربان"),
    ("hijri", 12, 18, "عید غدیر"),
)

CALENDARS = ("jalali", "hijri", "gregorian")


class HolidayFileError(ValueError):
    """A line of the holiday file cannot be read."""


@dataclass(frozen=True)
class Holiday:
    calendar: str  # jalali | hijri | gregorian
    month: int
    day: int
    name: str = ""
    year: int | None = None  # gregorian one-off dates only

    def matches(self, day: date) -> bool:
        if self.calendar == "gregorian":
            return (self.year, self.month, self.day) == (day.year, day.month, day.day)
        if self.calendar == "jalali":
            j = jdatetime.date.fromgregorian(date=day)
            return (j.month, j.day) == (self.month, self.day)
        try:
            h = Gregorian(day.year, day.month, day.day).to_hijri()
        except (OverflowError, ValueError):  # outside hijridate's range (1343–1500 AH)
            return False
        return (h.month, h.day) == (self.month, self.day)


def parse_holidays(text: str, *, defaults: bool = True) -> tuple[Holiday, ...]:
    """Read the holiday file format (see the module docstring) on top of the defaults."""
    holidays = {(h[0], None, h[1], h[2]): Holiday(h[0], h[1], h[2], h[3]) for h in DEFAULT_HOLIDAYS} if defaults else {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            raise HolidayFileError(f"line {lineno}: expected '<calendar> <date> [name]'")
        cal, when = parts[0].lower(), parts[1]
        remove = cal.startswith("-")
        cal = cal.lstrip("-")
        if cal not in CALENDARS:
            raise HolidayFileError(f"line {lineno}: unknown calendar {cal!r} (use one of {', '.join(CALENDARS)})")
        try:
            numbers = [int(x) for x in when.split("-")]
            if cal == "gregorian":
                year, month, day = numbers
                date(year, month, day)
            else:
                year = None
                month, day = numbers
                if not (1 <= month <= 12 and 1 <= day <= (31 if cal == "jalali" else 30)):
                    raise ValueError
        except ValueError:
            raise HolidayFileError(f"line {lineno}: bad date {when!r}") from None
        key = (cal, year, month, day)
        if remove:
            holidays.pop(key, None)
        else:
            holidays[key] = Holiday(cal, month, day, parts[2] if len(parts) > 2 else "", year)
    return tuple(holidays.values())


@dataclass(frozen=True)
class WorkingCalendar:
    opens: time = time(8, 0)
    closes: time = time(16, 0)
    workdays: frozenset[int] = IRANIAN_WORKDAYS
    holidays: tuple[Holiday, ...] = field(default_factory=lambda: parse_holidays(""))
    tz: ZoneInfo = TEHRAN

    @classmethod
    def from_file(cls, path: str | Path | None, **kwargs) -> "WorkingCalendar":
        text = Path(path).read_text(encoding="utf-8") if path else ""
        return cls(holidays=parse_holidays(text), **kwargs)

    def holiday(self, day: date) -> Holiday | None:
        return next((h for h in self.holidays if h.matches(day)), None)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.workdays and self.holiday(day) is None

    def is_open(self, at: datetime) -> bool:
        """Live mode: a working day, between opening and closing time, in Tehran local time."""
        local = at.astimezone(self.tz) if at.tzinfo else at.replace(tzinfo=self.tz)
        return self.is_working_day(local.date()) and self.opens <= local.time() < self.closes


def parse_hours(value: str) -> tuple[time, time]:
    """"08:00-16:00" → (08:00, 16:00)."""
    try:
        start, end = (time.fromisoformat(x.strip()) for x in value.split("-"))
    except ValueError:
        raise ValueError(f"office hours must look like 08:00-16:00, not {value!r}") from None
    if start >= end:
        raise ValueError("office hours must close after they open")
    return start, end


_DAY_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def parse_workdays(value: str) -> frozenset[int]:
    """"sat,sun,mon,tue,wed" → weekday numbers."""
    try:
        return frozenset(_DAY_NAMES[x.strip().lower()[:3]] for x in value.split(",") if x.strip())
    except KeyError as exc:
        raise ValueError(f"unknown weekday {exc.args[0]!r}") from None
