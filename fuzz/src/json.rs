//! A JSON reader of the fuzzers' own, independent of serde_json and of the library: it never
//! recurses (so any depth is fine), and it reports what the invariants need about a text:
//! whether it is well-formed, how deep it nests, and which member names repeat in one object.
//!
//! serde_json stays the authority for well-formedness wherever it can parse (up to 128
//! levels); this reader decides only for deeper texts, and says `uncertain` for the corners
//! where it might disagree with serde_json (surrogate escapes, numbers at the edge of `f64`).

use channel_rules::Segment;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;

/// What [`scan`] found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The text is one JSON value with only whitespace around it.
    pub well_formed: bool,
    /// Deepest nesting of arrays and objects (`[]` is 1, a scalar 0), up to where reading
    /// stopped.
    pub max_depth: usize,
    /// The later member of every name given twice in one object, as a path.
    pub duplicates: Vec<Vec<Segment>>,
    /// A construct where serde_json might judge otherwise.
    pub uncertain: bool,
    /// With [`scan_paths`]: every place of the text, for texts whose repeated names make
    /// the parsed `Value` keep only one of two values.
    pub paths: Option<Paths>,
}

/// Every place of a text, including the values a repeated name hides.
#[derive(Debug, Default)]
pub struct Paths {
    /// The text.
    pub text: String,
    /// The pointer of every value.
    pub values: HashSet<String>,
    /// The pointer of every object.
    pub objects: HashSet<String>,
    /// Every string and member name outside the top-level `account_data`.
    pub strings_outside_account_data: Vec<String>,
    /// Every string and member name inside it: the byte range of its token (with the
    /// quotes) and its text.
    pub account_data_tokens: Vec<(usize, usize, String)>,
}

impl Paths {
    /// The text with every token of `account_data` for which `replace` holds turned into a
    /// placeholder string (`"ph1"`, `"ph2"`, ...).
    pub fn replace_account_data(&self, text: &str, replace: impl Fn(&str) -> bool) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut n = 0;
        for (start, end, s) in &self.account_data_tokens {
            if replace(s) {
                n += 1;
                out.push_str(&text[at..*start]);
                out.push_str(&format!("\"ph{n}\""));
                at = *end;
            }
        }
        out.push_str(&text[at..]);
        out
    }
}

enum Frame {
    Array(usize),
    Object(HashSet<String>, String),
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    uncertain: bool,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let s = self.b.get(self.i..self.i + 4)?;
        let s = std::str::from_utf8(s).ok()?;
        let v = u32::from_str_radix(s, 16).ok()?;
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        Some(v)
    }

    /// A string, the opening quote next; its decoded text.
    fn string(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str and we stop only at ASCII bytes: the slice is UTF-8.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.i += 1;
                    let e = self.peek()?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let v = self.hex4()?;
                            if (0xD800..0xE000).contains(&v) {
                                self.uncertain = true;
                                if v >= 0xDC00 || !self.eat(b'\\') || !self.eat(b'u') {
                                    return None;
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                let c = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                                out.push(char::from_u32(c)?);
                            } else {
                                out.push(char::from_u32(v)?);
                            }
                        }
                        _ => return None,
                    }
                }
                _ => return None, // a control character
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Option<()> {
        let start = self.i;
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.eat(b'.') && self.digits() == 0 {
            return None;
        }
        if self.peek().is_some_and(|c| c == b'e' || c == b'E') {
            self.i += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return None;
            }
        }
        let text = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        let v: f64 = text.parse().ok()?;
        if !v.is_finite() || v.abs() >= 1e307 || text.len() > 300 {
            self.uncertain = true;
        }
        v.is_finite().then_some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if self.b.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Some(())
        } else {
            None
        }
    }
}

fn path_of(stack: &[Frame]) -> Vec<Segment> {
    stack
        .iter()
        .map(|f| match f {
            Frame::Array(i) => Segment::Index(*i),
            Frame::Object(_, k) => Segment::Key(k.clone()),
        })
        .collect()
}

/// Reads `text` (see [`Scan`]).
pub fn scan(text: &str) -> Scan {
    scan_impl(text, false)
}

/// [`scan`], also listing every place of the text ([`Scan::paths`]).
pub fn scan_paths(text: &str) -> Scan {
    scan_impl(text, true)
}

fn outside_account_data(stack: &[Frame]) -> bool {
    !matches!(stack.first(), Some(Frame::Object(_, k)) if k == "account_data")
}

fn scan_impl(text: &str, collect: bool) -> Scan {
    let mut r = Reader {
        b: text.as_bytes(),
        i: 0,
        uncertain: false,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Scan::default();
    let mut paths = collect.then(|| Paths {
        text: text.to_string(),
        ..Paths::default()
    });
    let well_formed = 'read: {
        // Reads one value, then what follows it, until the outermost value is done.
        'value: loop {
            r.ws();
            if let Some(p) = paths.as_mut() {
                let at = channel_rules::pointer_of(&path_of(&stack));
                if r.peek() == Some(b'{') {
                    p.objects.insert(at.clone());
                }
                p.values.insert(at);
                if let (Some(Frame::Object(_, k)), true) =
                    (stack.last(), outside_account_data(&stack))
                {
                    p.strings_outside_account_data.push(k.clone());
                }
            }
            match r.peek() {
                Some(b'{') | Some(b'[') => {
                    let open = r.peek() == Some(b'{');
                    r.i += 1;
                    r.ws();
                    if open {
                        if r.eat(b'}') {
                            out.max_depth = out.max_depth.max(stack.len() + 1);
                        } else {
                            stack.push(Frame::Object(HashSet::new(), String::new()));
                            out.max_depth = out.max_depth.max(stack.len());
                            if !member_name(&mut r, &mut stack, &mut out, paths.as_mut()) {
                                break 'read false;
                            }
                            continue 'value;
                        }
                    } else if r.eat(b']') {
                        out.max_depth = out.max_depth.max(stack.len() + 1);
                    } else {
                        stack.push(Frame::Array(0));
                        out.max_depth = out.max_depth.max(stack.len());
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    let start = r.i;
                    match r.string() {
                        None => break 'read false,
                        Some(text) => match (paths.as_mut(), outside_account_data(&stack)) {
                            (Some(p), true) => p.strings_outside_account_data.push(text),
                            (Some(p), false) => p.account_data_tokens.push((start, r.i, text)),
                            (None, _) => {}
                        },
                    }
                }
                Some(b't') => {
                    if r.literal(b"true").is_none() {
                        break 'read false;
                    }
                }
                Some(b'f') => {
                    if r.literal(b"false").is_none() {
                        break 'read false;
                    }
                }
                Some(b'n') => {
                    if r.literal(b"null").is_none() {
                        break 'read false;
                    }
                }
                Some(b'-' | b'0'..=b'9') => {
                    if r.number().is_none() {
                        break 'read false;
                    }
                }
                _ => break 'read false,
            }
            // After a value: a separator, a close, or the end.
            loop {
                r.ws();
                match stack.last_mut() {
                    None => break 'read r.i == r.b.len(),
                    Some(Frame::Array(i)) => {
                        if r.eat(b',') {
                            *i += 1;
                            continue 'value;
                        } else if r.eat(b']') {
                            stack.pop();
                        } else {
                            break 'read false;
                        }
                    }
                    Some(Frame::Object(..)) => {
                        if r.eat(b',') {
                            r.ws();
                            if !member_name(&mut r, &mut stack, &mut out, paths.as_mut()) {
                                break 'read false;
                            }
                            continue 'value;
                        } else if r.eat(b'}') {
                            stack.pop();
                        } else {
                            break 'read false;
                        }
                    }
                }
            }
        }
    };
    out.well_formed = well_formed;
    out.uncertain = r.uncertain;
    out.paths = paths;
    out
}

/// Reads `"name":` into the object on top of the stack, noting a repeat.
fn member_name(
    r: &mut Reader,
    stack: &mut [Frame],
    out: &mut Scan,
    paths: Option<&mut Paths>,
) -> bool {
    let start = r.i;
    let Some(name) = r.string() else {
        return false;
    };
    // A name inside the top-level `account_data` (not that name itself).
    let inside = stack.len() >= 2 && !outside_account_data(stack);
    if let (Some(p), true) = (paths, inside) {
        p.account_data_tokens.push((start, r.i, name.clone()));
    }
    r.ws();
    if !r.eat(b':') {
        return false;
    }
    let n = stack.len();
    if let Some(Frame::Object(seen, key)) = stack.last_mut() {
        let repeat = !seen.insert(name.clone());
        *key = name;
        if repeat {
            // Recorded only for objects up to a sane depth (the path is copied).
            if n <= 200 {
                out.duplicates.push(path_of(stack));
            }
        }
    }
    true
}

/// serde_json's reading of `text` with no depth limit; only call it on texts of bounded
/// depth (the parser recurses).
pub fn parse_unbounded(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let v = Value::deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// Nesting depth of a value (`[]` is 1, a scalar 0), without recursion.
pub fn depth(v: &Value) -> usize {
    let mut max = 0;
    let mut todo = vec![(v, 0usize)];
    while let Some((v, d)) = todo.pop() {
        match v {
            Value::Array(a) => {
                max = max.max(d + 1);
                todo.extend(a.iter().map(|c| (c, d + 1)));
            }
            Value::Object(m) => {
                max = max.max(d + 1);
                todo.extend(m.values().map(|c| (c, d + 1)));
            }
            _ => {}
        }
    }
    max
}

/// Every JSON Pointer of a document, root first, in document order.
pub fn pointers(v: &Value) -> Vec<Vec<Segment>> {
    let mut out = Vec::new();
    let mut todo: Vec<(&Value, Vec<Segment>)> = vec![(v, Vec::new())];
    while let Some((v, at)) = todo.pop() {
        let mut children: Vec<(&Value, Vec<Segment>)> = Vec::new();
        match v {
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let mut p = at.clone();
                    p.push(Segment::Index(i));
                    children.push((c, p));
                }
            }
            Value::Object(m) => {
                for (k, c) in m {
                    let mut p = at.clone();
                    p.push(Segment::Key(k.clone()));
                    children.push((c, p));
                }
            }
            _ => {}
        }
        out.push(at);
        todo.extend(children.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_serde_json_on_samples() {
        for t in [
            "{}",
            "[]",
            " [1, 2.5e3, -0, \"a\\u00e9\", true, false, null] ",
            "{\"a\": {\"b\": [1, {\"c\": 2}]}}",
            "",
            "[",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "\"\u{1}\"",
            "{\"a\":1}x",
            "\u{feff}{}",
            "1e999",
            "\"\\ud800\"",
            "\"\\ud83d\\ude00\"",
        ] {
            let s = scan(t);
            let serde = serde_json::from_str::<Value>(t).is_ok();
            assert!(s.uncertain || s.well_formed == serde, "{t:?}");
        }
    }

    #[test]
    fn depth_and_duplicates() {
        let s = scan("[[[]]]");
        assert_eq!((s.well_formed, s.max_depth), (true, 3));
        let s = scan("{\"a\": [{\"x\": 1, \"x\": 2}], \"a\": 3}");
        assert!(s.well_formed);
        assert_eq!(
            s.duplicates,
            vec![
                vec![
                    Segment::Key("a".into()),
                    Segment::Index(0),
                    Segment::Key("x".into())
                ],
                vec![Segment::Key("a".into())],
            ]
        );
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let s = scan(&deep);
        assert_eq!((s.well_formed, s.max_depth), (true, 5000));
        assert_eq!(depth(&serde_json::json!({"a": [1, {"b": []}]})), 4);
    }
}
