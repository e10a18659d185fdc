//! Standard base64 credentials. \[001\] "enter the key value in Base64-encoded format".
//!
//! RFC 4648 section 4: the `A-Z a-z 0-9 + /` alphabet, `=` padding, a length that is a
//! multiple of 4, no whitespace. URL-safe base64 (`-`, `_`) is an error whose message says
//! so, and a value that looks like what the decoded text should be (a raw Twilio Account
//! SID, say) gets a message that says to encode it. The value is never quoted.

use super::{apply, describe, passes, Finding};
use crate::schema::Checked;
use base64::engine::general_purpose::STANDARD;
use base64::{DecodeError, Engine};
use std::borrow::Cow;

/// Encodes a raw credential the way \[001\] wants it: standard base64 (RFC 4648 section 4,
/// with `=` padding) of its UTF-8 bytes. What a form calls before it puts a typed secret
/// into `account_data` (`encodeSecret` in JavaScript); [`base64()`] accepts every output.
///
/// ```
/// assert_eq!(channel_rules::encode_secret("secret-token"), "c2VjcmV0LXRva2Vu");
/// ```
pub fn encode(raw: &str) -> String {
    STANDARD.encode(raw.as_bytes())
}

/// Checks `s` as standard base64, then the decoded text against `decoded` (warnings).
pub fn base64(s: &str, decoded: &[Checked], out: &mut Vec<Finding>) {
    if s.is_empty() {
        out.push(Finding::error("string.empty"));
        return;
    }
    // A credential is short: decoded on the stack, longer text into a vector.
    let mut buf = [0u8; 192];
    let decoded_bytes: Result<Cow<[u8]>, DecodeError> = if s.len() <= 256 {
        match STANDARD.decode_slice(s, &mut buf) {
            Ok(n) => Ok(Cow::Borrowed(&buf[..n])),
            Err(base64::DecodeSliceError::DecodeError(e)) => Err(e),
            Err(base64::DecodeSliceError::OutputSliceTooSmall) => {
                STANDARD.decode(s).map(Cow::Owned)
            }
        }
    } else {
        STANDARD.decode(s).map(Cow::Owned)
    };
    match decoded_bytes {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => {
                for c in decoded {
                    let mut found = Vec::new();
                    apply(c, text, true, &mut found);
                    if !found.is_empty() {
                        out.push(
                            Finding::warning("base64.decoded_format")
                                .with("expected", describe(&c.check)),
                        );
                    }
                }
            }
            Err(_) => out.push(Finding::warning("base64.not_utf8")),
        },
        Err(e) => out.push(not_base64(s, decoded, e)),
    }
}

/// Explains why `s` is not standard base64.
fn not_base64(s: &str, decoded: &[Checked], e: DecodeError) -> Finding {
    let length = s.chars().count();
    // The raw secret itself, where the rules know what the decoded text looks like.
    if !decoded.is_empty() && decoded.iter().all(|c| passes(&c.check, s)) {
        let looks_like: Vec<String> = decoded.iter().map(|c| describe(&c.check)).collect();
        return Finding::error("base64.raw_secret")
            .with("length", length)
            .with("looks_like", looks_like.join(", "));
    }
    if s.contains(['-', '_']) {
        let standard: String = s
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        let padded = pad(&standard);
        if STANDARD.decode(&padded).is_ok() {
            return Finding::error("base64.url_safe").with("length", length);
        }
    }
    let f = Finding::error("base64.invalid").with("length", length);
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_whitespace()) {
        return f
            .with("reason", "whitespace")
            .with("position", i + 1)
            .with("char", c.to_string());
    }
    let alphabet = |c: char| c.is_ascii_alphanumeric() || c == '+' || c == '/';
    if let Some(pos) = s.chars().position(|c| !alphabet(c) && c != '=') {
        return f.with("reason", "char").with("position", pos + 1);
    }
    // Only the alphabet and '=' remain: say which rule the padding breaks.
    if let Some(first) = s.find('=') {
        let padding = &s[first..];
        if padding.contains(|c| c != '=') {
            return f
                .with("reason", "padding_inside")
                .with("position", s[..first].chars().count() + 1);
        }
        if padding.len() > 2 {
            return f
                .with("reason", "padding_too_long")
                .with("count", padding.len());
        }
    }
    match e {
        DecodeError::InvalidByte(_, _) => f.with("reason", "padding"),
        DecodeError::InvalidLength(_) => f.with("reason", "length"),
        DecodeError::InvalidLastSymbol(..) | DecodeError::InvalidPadding => {
            if length % 4 != 0 {
                f.with("reason", "length")
            } else {
                f.with("reason", "padding")
            }
        }
    }
}

fn pad(s: &str) -> String {
    let mut p = s.to_string();
    while p.len() % 4 != 0 {
        p.push('=');
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        base64(s, &[], &mut out);
        out.into_iter().map(|f| f.code).collect::<Vec<_>>()
    }

    #[test]
    fn standard_alphabet_with_padding() {
        assert!(codes("bXlBUElLZXk0NTY=").is_empty());
        assert_eq!(codes("bXlBUElLZXk0NTY"), ["base64.invalid"]);
        assert_eq!(codes("a-b_"), ["base64.url_safe"]);
        assert_eq!(codes("bXlB UElL"), ["base64.invalid"]);
        assert_eq!(codes("/w=="), ["base64.not_utf8"]);
    }

    fn reason(s: &str) -> (String, Option<u64>) {
        let mut out = Vec::new();
        base64(s, &[], &mut out);
        let f = &out[0];
        (
            f.params["reason"].as_str().unwrap().to_string(),
            f.params
                .get("position")
                .or(f.params.get("count"))
                .and_then(|v| v.as_u64()),
        )
    }

    #[test]
    fn padding_messages_name_the_rule_broken() {
        // Bug: '=' was called "not in the base64 alphabet".
        assert_eq!(reason("YQ==YQ=="), ("padding_inside".into(), Some(3)));
        assert_eq!(reason("===="), ("padding_too_long".into(), Some(4)));
        assert_eq!(reason("=abc"), ("padding_inside".into(), Some(1)));
        assert_eq!(reason("ab*c"), ("char".into(), Some(3)));
        assert_eq!(reason("YR=="), ("padding".into(), None));
    }

    #[test]
    fn encode_is_what_the_check_accepts() {
        assert_eq!(encode(""), "");
        assert_eq!(encode("myAPIKey456"), "bXlBUElLZXk0NTY=");
        // UTF-8 bytes, not UTF-16 code units or Latin-1.
        assert_eq!(encode("clé"), "Y2zDqQ==");
        for raw in ["a", "ab", "abc", "secret-token-value", "pässwörd ✓"] {
            assert!(codes(&encode(raw)).is_empty(), "{raw}");
        }
    }
}
