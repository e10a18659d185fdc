//! The first bytes of a `validate_str` / `validate_field` input: which target, which
//! options. [`encode`] writes the same header, for the seed corpus.
//!
//! Header (3 bytes), then the rest:
//! - byte 0: the target, `Target::ALL[b % 9]`;
//! - byte 1: the `channel` option, `Kind` number `b % 20` (18 and 19: none);
//! - byte 2, bits 0-1: the locale (`Locale::ALL[b % 3]`, 3 is English);
//!   bits 2-3: `current`: 0 none, 1 the `sms_current` base of the fixtures, 2 JSON text
//!   read from the rest up to its first NUL byte (the payload is what follows), 3 the
//!   payload itself;
//!   bits 4-5: `assignment_modes`: 0 none, 1 `["round_robin", "manual"]`, 2 `[]`, 3 a list
//!   with an empty, a near-duplicate and a 70-character mode;
//!   bits 6-7: 0 `validate_str`, 1 `validate_bytes` (the entry point used; non-UTF-8 input
//!   always goes to `validate_bytes`), 2-3 as 0.

use crate::embedded;
use channel_rules::{Kind, Locale, Options, Target};
use serde_json::Value;

/// How a payload is handed to the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `validate_str`.
    Str,
    /// `validate_bytes`.
    Bytes,
}

/// A decoded header and what follows it.
pub struct Setup<'a> {
    /// The target.
    pub target: Target,
    /// The options (with `current` resolved).
    pub options: Options,
    /// Which function takes the payload.
    pub entry: Entry,
    /// The payload bytes.
    pub payload: &'a [u8],
}

/// The long mode list of assignment mode 3.
pub fn long_modes() -> Vec<String> {
    vec![
        "round_robin".into(),
        "manual".into(),
        String::new(),
        "Round_Robin".into(),
        "m".repeat(70),
    ]
}

/// Decodes the header of `data`; `None` when it is shorter than a header.
pub fn decode(data: &[u8]) -> Option<Setup<'_>> {
    let (&[t, k, f], rest) = data.split_first_chunk::<3>()?;
    let target = Target::ALL[t as usize % Target::ALL.len()];
    let channel = Kind::all().nth(k as usize % 20);
    let locale = Locale::ALL
        .get((f & 3) as usize)
        .copied()
        .unwrap_or_default();
    let mut payload = rest;
    let current = match (f >> 2) & 3 {
        0 => None,
        1 => Some(embedded::base("sms_current").clone()),
        2 => match rest.iter().position(|b| *b == 0) {
            Some(nul) => {
                payload = &rest[nul + 1..];
                std::str::from_utf8(&rest[..nul])
                    .ok()
                    .filter(|t| crate::json::scan(t).max_depth <= 64)
                    .and_then(|t| serde_json::from_str::<Value>(t).ok())
            }
            None => None,
        },
        _ => std::str::from_utf8(rest)
            .ok()
            .filter(|t| crate::json::scan(t).max_depth <= 64)
            .and_then(|t| serde_json::from_str::<Value>(t).ok()),
    };
    let assignment_modes = match (f >> 4) & 3 {
        0 => None,
        1 => Some(vec!["round_robin".into(), "manual".into()]),
        2 => Some(Vec::new()),
        _ => Some(long_modes()),
    };
    let entry = if (f >> 6) == 1 {
        Entry::Bytes
    } else {
        Entry::Str
    };
    Some(Setup {
        target,
        options: crate::options(channel, current, locale, assignment_modes),
        entry,
        payload,
    })
}

/// A header (and, for `current` given as text, the text and its NUL) for these options.
/// `current_text` is written inline (mode 2) when given.
pub fn encode(
    target: Target,
    channel: Option<Kind>,
    locale: Locale,
    current_text: Option<&str>,
    assignment_modes: Option<&[String]>,
) -> Vec<u8> {
    let t = Target::ALL.iter().position(|x| *x == target).unwrap() as u8;
    let k = channel.map_or(18, |k| k.index() as u8);
    let l = Locale::ALL.iter().position(|x| *x == locale).unwrap() as u8;
    let c: u8 = if current_text.is_some() { 2 } else { 0 };
    let m: u8 = match assignment_modes {
        None => 0,
        Some([]) => 2,
        Some(m) if m == ["round_robin", "manual"] => 1,
        Some(_) => 3,
    };
    let mut out = vec![t, k, l | (c << 2) | (m << 4)];
    if let Some(text) = current_text {
        out.extend_from_slice(text.as_bytes());
        out.push(0);
    }
    out
}
