//! Stable 64-bit fingerprints (FNV-1a): the same on every run and machine, unlike the
//! standard library's hasher. They name data files' versions, index builds and events
//! in button payloads. A leaf: this module imports nothing of the crate.

/// 64-bit FNV-1a, fed piece by piece.
///
/// ```
/// use boussole_core::fingerprint::Fnv64;
/// let mut hasher = Fnv64::new();
/// hasher.write(b"a");
/// assert_eq!(hasher.finish(), 0xaf63_dc4c_8601_ec8c);
/// ```
#[derive(Clone, Debug)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64::new()
    }
}

impl Fnv64 {
    /// A hasher that has seen nothing.
    pub fn new() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The fingerprint of what was fed.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// The fingerprint of one piece of text.
pub fn of(text: &str) -> u64 {
    let mut hasher = Fnv64::new();
    hasher.write(text.as_bytes());
    hasher.finish()
}
