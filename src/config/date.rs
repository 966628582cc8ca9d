//! Dates in `rules/` (exemption expiry) and on the command line, in China
//! time (`Asia/Shanghai`, from jiff's bundled tz database, so no system
//! tzdata is needed): between 00:00 and 08:00 Beijing time the UTC date is
//! still yesterday's.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// The time zone exemption dates are meant in.
const ZONE: &str = "Asia/Shanghai";

/// A YYYY-MM-DD date, checked (exactly that shape, a real calendar day).
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shape.then(|| s.parse().ok()).flatten()
}

/// Today's date in China time as YYYY-MM-DD, from the system clock.
pub(crate) fn today() -> String {
    date_in_china(Timestamp::now())
}

/// The date in China time at an instant, as YYYY-MM-DD.
fn date_in_china(at: Timestamp) -> String {
    // The bundled database always has Asia/Shanghai; UTC+8 (no DST since
    // 1991) is the same answer should it ever be missing.
    let tz = TimeZone::get(ZONE).unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(8)));
    at.to_zoned(tz).date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2024-02-29"), Some(jiff::civil::date(2024, 2, 29)));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "20240229",
            "2024-13-01",
            "+02024-01-01",
            "2024-01-01T00:00",
            "2026-+1-+1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_date_is_china_time_not_utc() {
        assert!(TimeZone::get(ZONE).is_ok(), "the bundled tz database has {ZONE}");
        let at: Timestamp = "2026-12-05T20:00:00Z".parse().unwrap();
        assert_eq!(date_in_china(at), "2026-12-06");
        let at: Timestamp = "2026-12-05T15:59:59Z".parse().unwrap();
        assert_eq!(date_in_china(at), "2026-12-05");
    }
}
