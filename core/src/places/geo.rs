//! Points on Earth and distances between them.

use serde::Serialize;

/// A WGS 84 position.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

impl Point {
    /// A point, if the coordinates are valid.
    pub fn new(lat: f64, lon: f64) -> Option<Point> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(Point { lat, lon })
    }

    /// The point to about a kilometre (latitude and longitude rounded to 0.01°): what
    /// Boussole keeps of a position a user shares.
    ///
    /// ```
    /// use boussole_core::places::Point;
    /// let shared = Point::new(48.390_294, -4.486_281).unwrap();
    /// assert_eq!(shared.approximate(), Point::new(48.39, -4.49).unwrap());
    /// ```
    pub fn approximate(self) -> Point {
        let round = |x: f64| (x * 100.0).round() / 100.0;
        Point {
            lat: round(self.lat).clamp(-90.0, 90.0),
            lon: round(self.lon).clamp(-180.0, 180.0),
        }
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    ///
    /// ```
    /// use boussole_core::places::Point;
    /// let brest = Point::new(48.39029, -4.48628).unwrap();
    /// let quimper = Point::new(47.99600, -4.10200).unwrap();
    /// let km = brest.distance_km(quimper);
    /// assert!((52.0..54.0).contains(&km), "{km}");
    /// ```
    pub fn distance_km(self, other: Point) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0088;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = lat2 - lat1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}
