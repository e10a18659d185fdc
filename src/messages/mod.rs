//! Message catalogues, one per locale, keyed by issue code.
//!
//! A template names params in braces (`{max}`); a part in double brackets (`[[; did you mean
//! '{suggestion}'?]]`) is kept only when every param it names is present. A code whose
//! findings carry a `reason` param may have a template per reason, keyed `code#reason`;
//! the plain `code` template is the fallback.

mod en;
mod pt_br;
mod zh_cn;

use crate::report::Params;
use crate::target::Locale;
use serde_json::Value;

/// The template table of a locale.
pub fn catalogue(locale: Locale) -> &'static [(&'static str, &'static str)] {
    match locale {
        Locale::En => en::MESSAGES,
        Locale::ZhCn => zh_cn::MESSAGES,
        Locale::PtBr => pt_br::MESSAGES,
    }
}

fn lookup(locale: Locale, key: &str) -> Option<&'static str> {
    catalogue(locale)
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, t)| *t)
}

/// [`lookup`] of `code#reason`, without writing the key.
fn lookup_reason(locale: Locale, code: &str, reason: &str) -> Option<&'static str> {
    catalogue(locale)
        .iter()
        .find(|(k, _)| {
            k.len() == code.len() + 1 + reason.len()
                && k.starts_with(code)
                && k.ends_with(reason)
                && k.as_bytes()[code.len()] == b'#'
        })
        .map(|(_, t)| *t)
}

/// The message for `code` with `params`, in `locale` (English when the locale lacks it).
pub fn render(locale: Locale, code: &str, params: &Params) -> String {
    let reason = param(params, "reason").and_then(Value::as_str);
    let template = [locale, Locale::En]
        .iter()
        .find_map(|&l| {
            reason
                .and_then(|r| lookup_reason(l, code, r))
                .or_else(|| lookup(l, code))
        })
        .unwrap_or(code);
    fill(template, params, locale)
}

/// Fills a template; see the module docs for its syntax. One string is written, a part
/// taken back when it names a missing param.
fn fill(template: &str, params: &Params, locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = find(rest, "[[") {
        fill_plain(&mut out, &rest[..start], params, locale);
        let after = &rest[start + 2..];
        let end = find(after, "]]").unwrap_or(after.len());
        fill_plain(&mut out, &after[..end], params, locale);
        rest = after.get(end + 2..).unwrap_or("");
    }
    fill_plain(&mut out, rest, params, locale);
    out
}

/// Where the two-byte `pair` (`[[` or `]]`) starts in `text`: its first byte found by
/// `str::find` of a `char` (a word at a time, where a loop over the bytes compared one at a
/// time: 2.6% of an invalid payload's instructions), then the second compared.
fn find(text: &str, pair: &str) -> Option<usize> {
    let (b, p) = (text.as_bytes(), pair.as_bytes());
    let mut from = 0;
    while let Some(i) = text.get(from..)?.find(char::from(p[0])) {
        let at = from + i;
        if b.get(at + 1) == Some(&p[1]) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A param by name: a scan, as findings have a handful of params.
fn param<'p>(params: &'p Params, name: &str) -> Option<&'p Value> {
    params.get(name)
}

/// Writes `text` with its `{name}` placeholders replaced, or nothing when one names a
/// missing param (or is not closed).
fn fill_plain(out: &mut String, text: &str, params: &Params, locale: Locale) {
    let mark = out.len();
    let mut rest = text;
    while let Some(open) = rest.bytes().position(|b| b == b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .bytes()
            .position(|b| b == b'}')
            .and_then(|close| Some((close, param(params, &after[..close])?)));
        let Some((close, value)) = value else {
            out.truncate(mark);
            return;
        };
        show(out, &after[..close], value, locale);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn show(out: &mut String, name: &str, v: &Value, locale: Locale) {
    match v {
        Value::String(s) if name == "char" => out.push_str(&char_name(s, locale)),
        Value::String(s) => out.push_str(&escape_controls(s)),
        Value::Array(items) => {
            // `is` lists alternatives ("extension or queue"); other lists enumerate.
            let sep = match (name, locale) {
                ("is", Locale::En) => " or ",
                ("is", Locale::ZhCn) => " 或 ",
                ("is", Locale::PtBr) => " ou ",
                _ => ", ",
            };
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                show(out, "", item, locale);
            }
        }
        // Integers (what counts and limits are) without the formatting machinery.
        Value::Number(n) if n.is_u64() || n.is_i64() => {
            let mut buf = itoa::Buffer::new();
            out.push_str(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => buf.format(u),
                (None, Some(i)) => buf.format(i),
                (None, None) => "",
            })
        }
        // As JSON, by the writer the reports already use (its `Display` is another copy of
        // the serializer in the wasm package, for a pretty form never asked for).
        // JSON escapes C0 controls only: C1 controls, line separators and bidirectional
        // overrides in an object's strings are escaped as in any other text.
        other => out.push_str(&escape_controls(
            &serde_json::to_string(other).unwrap_or_default(),
        )),
    }
}

/// Text from a payload as a message may show it: control characters, line and paragraph
/// separators and format characters (bidirectional overrides, zero-width spaces, the BOM)
/// written as `\u001B`-style escapes, as JSON writes them (no braces, which message templates
/// use), so a payload cannot forge lines or terminal sequences in whatever prints the
/// message, nor hide characters in a name it quotes.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || format_char(c)
    }
    // Printable ASCII, what nearly every param is, in one pass over the bytes.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) || !s.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            // As JSON writes it: a character past U+FFFF as its two surrogates.
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{:04X}", unit));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text a caller or a payload gave, as an error quotes it: at most
/// [`crate::engine::MAX_QUOTED`] characters (then `...`), escaped as [`escape_controls`] does.
pub fn shown(s: &str) -> String {
    escape_controls(&crate::engine::quote(s)).into_owned()
}

/// Whether `c` is a format character (general category Cf, Unicode 16.0: zero-width spaces
/// and joiners, the soft hyphen, bidirectional marks and overrides, the byte-order mark,
/// tags), which shows nothing or changes how the text around it shows. Listed rather than
/// looked up: the package has no Unicode category tables (a test holds the list to
/// `regex-syntax`'s).
fn format_char(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

/// A character named for a reader: whitespace in words, anything else quoted.
fn char_name(c: &str, locale: Locale) -> String {
    let word = match (c, locale) {
        (" ", Locale::En) => "a space",
        (" ", Locale::ZhCn) => "空格",
        (" ", Locale::PtBr) => "um espaço",
        ("\t", Locale::En) => "a tab",
        ("\t", Locale::ZhCn) => "制表符",
        ("\t", Locale::PtBr) => "uma tabulação",
        ("\n" | "\r", Locale::En) => "a line break",
        ("\n" | "\r", Locale::ZhCn) => "换行符",
        ("\n" | "\r", Locale::PtBr) => "uma quebra de linha",
        _ => "",
    };
    if !word.is_empty() {
        return word.to_string();
    }
    match c.chars().next() {
        Some(ch) if ch.is_control() || ch.is_whitespace() || format_char(ch) => {
            format!("U+{:04X}", ch as u32)
        }
        _ => format!("'{c}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeSet;

    fn params(v: Value) -> Params {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn optional_parts_need_their_params() {
        let p = &params(json!({"field": "nmae", "suggestion": "name"}));
        assert_eq!(
            fill(
                "unknown '{field}'[[; did you mean '{suggestion}'?]]",
                p,
                Locale::En
            ),
            "unknown 'nmae'; did you mean 'name'?"
        );
        let q = json!({"field": "zzz"});
        assert_eq!(
            fill(
                "unknown '{field}'[[; did you mean '{suggestion}'?]]",
                &params(q),
                Locale::En
            ),
            "unknown 'zzz'"
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        let p = json!({"field": "a\u{1b}[31mb\r\nc\u{202e}"});
        let m = render(Locale::En, "field.unknown", &params(p));
        assert_eq!(m, "unknown field 'a\\u001B[31mb\\u000D\\u000Ac\\u202E'");
    }

    #[test]
    fn controls_inside_objects_are_escaped() {
        let p = json!({"field": {"a": "x\u{85}y\u{2028}z\u{202e}"}});
        let m = render(Locale::En, "field.unknown", &params(p));
        assert_eq!(m, "unknown field '{\"a\":\"x\\u0085y\\u2028z\\u202E\"}'");
    }

    /// Bug (review): invisible format characters (a zero-width space, a soft hyphen, a BOM,
    /// marks, tags) were shown as they are, so `name\u{200B}` read as `name`.
    #[test]
    fn invisible_characters_are_escaped() {
        let p = json!({"field": "name\u{200b}\u{ad}\u{feff}\u{200f}\u{61c}\u{e0001}\u{2060}x"});
        let m = render(Locale::En, "field.unknown", &params(p));
        assert_eq!(
            m,
            "unknown field 'name\\u200B\\u00AD\\uFEFF\\u200F\\u061C\\uDB40\\uDC01\\u2060x'"
        );
        // Visible text outside ASCII stays as it is.
        assert_eq!(escape_controls("été 中文 ✓"), "été 中文 ✓");
        assert_eq!(
            crate::Quoted("twilio\u{200b}").to_string(),
            "\"twilio\\u200B\""
        );
        // A character named on its own is named by its code point.
        assert_eq!(char_name("\u{200b}", Locale::En), "U+200B");
    }

    /// The list of format characters is Unicode's: every character of `\p{Cf}` as
    /// `regex-syntax` has it (Unicode 16.0), and no other.
    #[test]
    fn format_characters_are_unicodes() {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new().parse("\\p{Cf}").unwrap();
        let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
            panic!("a class")
        };
        let cf: Vec<(char, char)> = class.iter().map(|r| (r.start(), r.end())).collect();
        let in_cf = |c: char| cf.iter().any(|&(a, b)| a <= c && c <= b);
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(format_char(c), in_cf(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn reason_variants_win() {
        let p = json!({"reason": "char", "char": " ", "position": 3, "min": 7, "max": 15});
        let m = render(Locale::En, "phone.e164", &params(p));
        assert!(m.contains("found a space at position 3"), "{m}");
    }

    /// The `{param}` names a template uses.
    fn param_names(template: &str) -> BTreeSet<&str> {
        let mut names = BTreeSet::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .unwrap_or_else(|| panic!("unclosed '{{' in {template:?}"));
            names.insert(&after[..close]);
            rest = &after[close + 1..];
        }
        names
    }

    #[test]
    fn locales_match_english_keys_and_params() {
        let en = catalogue(Locale::En);
        let en_keys: BTreeSet<&str> = en.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            en_keys.len(),
            en.len(),
            "duplicate key in the English catalogue"
        );
        for &locale in Locale::ALL {
            let table = catalogue(locale);
            let keys: BTreeSet<&str> = table.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys.len(), table.len(), "duplicate key in {locale:?}");
            assert_eq!(keys, en_keys, "key set of {locale:?} differs from English");
            for (key, template) in table {
                let english = lookup(Locale::En, key).unwrap();
                assert_eq!(
                    param_names(template),
                    param_names(english),
                    "params of {key:?} in {locale:?} differ from English"
                );
            }
        }
    }
}
