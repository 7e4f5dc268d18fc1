//! Short codes (INSEE, postal, département, région) stored inline, without allocation.

use std::fmt;
use std::ops::Deref;

/// An ASCII code of at most 5 bytes: `29019`, `2B`, `974`, `75012`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    bytes: [u8; 5],
    len: u8,
}

impl Code {
    /// The code, if `text` is ASCII and at most 5 bytes long.
    pub fn new(text: &str) -> Option<Code> {
        if !text.is_ascii() || text.len() > 5 {
            return None;
        }
        let mut bytes = [0; 5];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(Code {
            bytes,
            len: text.len() as u8,
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII goes in (checked by `new`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl Deref for Code {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Code::new(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a code of at most 5 ASCII characters, got {text:?}"
            ))
        })
    }
}
