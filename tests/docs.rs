//! The docs that are derived from the code stay equal to it.

use channel_rules::codes::{markdown, CODES};
use channel_rules::unstable::messages::catalogue;
use channel_rules::Locale;

#[test]
fn code_table_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CODES.md");
    let want = markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/CODES.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn rules_reference_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md");
    let want = channel_rules::unstable::reference::markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/RULES.md is stale: run `make docs` (UPDATE_DOCS=1 cargo test --test docs)"
    );
}

#[test]
fn payload_types_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg/payload.d.ts");
    let want = channel_rules::unstable::typescript::declarations();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "pkg/payload.d.ts is stale: run `make docs` (UPDATE_DOCS=1 cargo test --test docs)"
    );
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    for locale in Locale::ALL {
        for c in CODES {
            assert!(
                catalogue(*locale)
                    .iter()
                    .any(|(k, _)| *k == c.code || k.starts_with(&format!("{}#", c.code))),
                "{} has no {} message",
                c.code,
                locale.tag()
            );
        }
        for (k, _) in catalogue(*locale) {
            let code = k.split('#').next().unwrap();
            assert!(
                CODES.iter().any(|c| c.code == code),
                "message for unknown code {k}"
            );
        }
    }
}

#[test]
fn codes_are_unique_dotted_lowercase() {
    for (i, c) in CODES.iter().enumerate() {
        assert!(c.code.contains('.'));
        assert!(c
            .code
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '.' || ch == '_'));
        assert!(
            CODES[..i].iter().all(|d| d.code != c.code),
            "{} twice",
            c.code
        );
        assert!(["error", "warning", "either"].contains(&c.severity));
    }
}
