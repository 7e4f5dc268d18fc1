//! Date arithmetic the grammar resolves with: weeks, months, next occurrences, holidays.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The Monday of a day's week.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// `day` moved by `n` days, when that stays a date.
pub fn shift(day: NaiveDate, n: i64) -> Option<NaiveDate> {
    day.checked_add_signed(chrono::Duration::days(n))
}

/// `day` moved by `n` months (the last day of a shorter month when needed).
pub fn shift_months(day: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        day.checked_add_months(Months::new(n as u32))
    } else {
        day.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The first and last days of a month.
pub fn month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))? - Days::new(1);
    Some((first, last))
}

/// The first day of the month `n` months from `day`'s.
pub fn month_start(day: NaiveDate, n: i32) -> Option<NaiveDate> {
    shift_months(day.with_day(1)?, n)
}

/// The weekday on or after `from` (`from` itself when it is one).
pub fn on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// The weekday strictly before `day`.
pub fn before(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    day - Days::new(u64::from(if back == 0 { 7 } else { back }))
}

/// That weekday in the week of `day` (Monday to Sunday).
pub fn in_week(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    monday_of(day) + Days::new(u64::from(weekday.num_days_from_monday()))
}

/// The next day/month on or after `today`: this year's, or next year's when it has
/// passed (29 February: the next year that has it, within eight years).
pub fn next_day_month(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (today.year()..today.year() + 9)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
}

/// The day/month a question means without a year: the next one, except that a day
/// passed less than a month ago is this year's (on 18 November, "le 14 novembre" is
/// the 14th just past, not next year's).
pub fn day_month(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(today.year(), month, day)
        .filter(|d| *d < today && (today - *d).num_days() < 31)
        .or_else(|| next_day_month(today, month, day))
}

/// Day `day` of this month when it is still to come, else of the next month that
/// has it.
pub fn next_day(today: NaiveDate, day: u32) -> Option<NaiveDate> {
    (0..3)
        .filter_map(|n| month_start(today, n)?.with_day(day))
        .find(|d| *d >= today)
}

/// The next day on or after `today` that is both `weekday` and day `day` of its
/// month ("jeudi 15"), within about three years.
pub fn next_weekday_day(today: NaiveDate, weekday: Weekday, day: u32) -> Option<NaiveDate> {
    (0..40)
        .filter_map(|n| month_start(today, n)?.with_day(day))
        .find(|d| *d >= today && d.weekday() == weekday)
}

/// This year's month when it has not passed, else next year's.
pub fn next_month(today: NaiveDate, month: u32) -> i32 {
    if month >= today.month() {
        today.year()
    } else {
        today.year() + 1
    }
}

/// Easter Sunday of a year (the anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A holiday of a year: fixed days and those that follow Easter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// A day and month.
    Fixed(u32, u32),
    /// Days after Easter Sunday.
    Easter(i64),
}

impl Holiday {
    /// Its date in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Holiday::Easter(after) => shift(easter(year)?, after),
        }
    }

    /// Its next date on or after `today`.
    pub fn next(self, today: NaiveDate) -> Option<NaiveDate> {
        (today.year()..today.year() + 2)
            .filter_map(|y| self.in_year(y))
            .find(|d| *d >= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sundays() {
        for (year, month, day) in [(2024, 3, 31), (2025, 4, 20), (2013, 3, 31), (2000, 4, 23)] {
            assert_eq!(easter(year), NaiveDate::from_ymd_opt(year, month, day));
        }
    }
}
