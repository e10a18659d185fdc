//! The hostile documents of the stress harness (the hardening review's, and a few more), written as
//! JSON text: one function a row, its size a parameter. One generator for every surface:
//! `examples/stress.rs` writes them to `target/stress/` (where `scripts/bench/stress.mjs`
//! reads them for the wasm package) and `tests/stress.rs` builds the cheap ones in memory.
//!
//! Included with `#[path]` by both; not a test target of its own (a file in a subfolder of
//! `tests/` is not one).
//!
//! Sizes are in bytes of the document's text, `MB` = 2^20 (1 MB of `0,` is the issue's
//! 524,288 `dids` items; 10 MB, its 5.2M-element array). A row's text is at most its size.

#![allow(dead_code)]

/// 2^20 bytes.
pub const MB: usize = 1 << 20;

/// One document to check.
pub struct Doc {
    /// The target id.
    pub target: &'static str,
    /// The payload as JSON text.
    pub text: String,
    /// The options as JSON text (`current` for updates), when there are any.
    pub options: Option<String>,
    /// Codes the report must hold (what INTERFACE.md "Limits" says this input gives).
    pub expect: &'static [&'static str],
}

impl Doc {
    fn new(target: &'static str, text: String) -> Doc {
        Doc {
            target,
            text,
            options: None,
            expect: &[],
        }
    }

    fn expect(mut self, codes: &'static [&'static str]) -> Doc {
        self.expect = codes;
        self
    }

    /// What the bounds are measured against: the payload's and the options' text.
    pub fn bytes(&self) -> usize {
        self.text.len() + self.options.as_ref().map_or(0, String::len)
    }
}

/// A row of the table: a name, what it is, and its document at a size.
pub struct Row {
    /// The row's name, with its size (`dids_zeros_10mb`).
    pub name: String,
    /// What the document is.
    pub about: &'static str,
    /// The size parameter given to `build` (bytes, or a count where `about` says so).
    pub param: usize,
    /// Builds the document.
    pub build: fn(usize) -> Doc,
}

impl Row {
    fn new(name: &str, about: &'static str, param: usize, build: fn(usize) -> Doc) -> Row {
        Row {
            name: name.to_string(),
            about,
            param,
            build,
        }
    }
}

/// `NAME_10mb` and `NAME_1mb`, or `NAME_256kb`.
fn sized(name: &str, bytes: usize) -> String {
    if bytes % MB == 0 {
        format!("{name}_{}mb", bytes / MB)
    } else {
        format!("{name}_{}kb", bytes / 1024)
    }
}

/// The hostile rows whose size is a number of bytes, as (name, about, build).
#[allow(clippy::type_complexity)]
const SIZED: &[(&str, &str, fn(usize) -> Doc)] = &[
    (
        "channel_string",
        "yeastar create: `channel` is one long string (\"did you mean\" over it)",
        channel_string,
    ),
    (
        "unknown_member",
        "yeastar create: one unknown member with a long name",
        unknown_member,
    ),
    (
        "dids_zeros",
        "yeastar create: {\"dids\":[0,0,0,...]}",
        dids_zeros,
    ),
    (
        "unknown_array",
        "yeastar create: a long array of 0 in an unknown field",
        unknown_array,
    ),
    (
        "update_rules",
        "yeastar update with `current`: every routing rule kept (doc + current)",
        update_rules_bytes,
    ),
    (
        "deep_allowed",
        "bird.channel_contact: `metadata` objects nested as deep as the size allows",
        deep_allowed_bytes,
    ),
    (
        "deep_unknown",
        "bird.channel_contact: arrays nested as deep as the size allows in an unknown field",
        deep_unknown_bytes,
    ),
    (
        "duplicate_members",
        "yeastar create: {\"name\":\"a\",\"name\":\"a\",...}",
        duplicate_members,
    ),
    (
        "bird_pattern",
        "bird.channel: a long contactIdentifierFormatOverride.pattern",
        bird_pattern,
    ),
    (
        "bird_list_classes",
        "bird.channel_list: channels whose patterns are each one class of 510 `\\W`",
        bird_list_classes,
    ),
    (
        "credential",
        "yeastar create (twilio): a long account_data value (base64)",
        credential,
    ),
    (
        "did_number",
        "yeastar create: one long did_number (+ and digits)",
        did_number,
    ),
    (
        "duplicate_dids",
        "yeastar create: the same routing rule repeated",
        duplicate_dids,
    ),
    (
        "account_data_items",
        "yeastar create (twilio): the same account_data item repeated",
        account_data_items,
    ),
    (
        "repeated_known_members",
        "yeastar create: two known members, each repeated (a review found it quadratic)",
        repeated_known_members,
    ),
    (
        "repeated_times",
        "healthing update: a day's start and end, each repeated (a review found it quadratic)",
        repeated_times,
    ),
];

/// The tiny valid document whose peak memory is the baseline subtracted from every row's.
pub fn baseline() -> Row {
    Row::new(
        "baseline",
        "a valid twilio create (the memory baseline)",
        0,
        |_| Doc::new(CREATE, twilio("")),
    )
}

/// Every row of `make stress`: each sized row at 1 MB and 10 MB, then the fixed ones.
pub fn all() -> Vec<Row> {
    let mut rows = vec![baseline()];
    for &(name, about, build) in SIZED {
        for bytes in [MB, 10 * MB] {
            rows.push(Row::new(&sized(name, bytes), about, bytes, build));
        }
    }
    rows.extend(fixed());
    rows
}

/// The rows whose size is not a number of bytes.
pub fn fixed() -> Vec<Row> {
    vec![
        Row::new(
            "update_rules_10k",
            "yeastar update with `current` and 10,000 kept routing rules (param: rules)",
            10_000,
            update_rules,
        ),
        Row::new(
            "deep_allowed_150",
            "bird.channel_contact: `metadata` 150 objects deep (param: depth)",
            150,
            deep_allowed,
        ),
        Row::new(
            "deep_unknown_150",
            "bird.channel_contact: an unknown field 150 arrays deep (param: depth)",
            150,
            deep_unknown,
        ),
        Row::new(
            "duplicate_member",
            "yeastar create: {\"name\": \"a\", \"name\": \"b\"}",
            0,
            |_| {
                Doc::new(CREATE, r#"{"name": "a", "name": "b"}"#.to_string())
                    .expect(&["field.duplicate"])
            },
        ),
    ]
}

/// The sized rows at `bytes` and the fixed rows, with `rules` routing rules in the update
/// row (what `tests/stress.rs` runs).
pub fn at(bytes: usize, rules: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = SIZED
        .iter()
        .map(|&(name, about, build)| Row::new(&sized(name, bytes), about, bytes, build))
        .collect();
    for mut row in fixed() {
        if row.name == "update_rules_10k" {
            row.param = rules;
            row.name = format!("update_rules_{rules}");
        }
        rows.push(row);
    }
    rows
}

const CREATE: &str = "yeastar.message_channel.create";
const UPDATE: &str = "yeastar.message_channel.update";
const CONTACT: &str = "bird.channel_contact";
const HEALTHING_UPDATE: &str = "healthing.channel.update";

/// A valid twilio create with `more` (members, each starting with `,`) added at the end.
fn twilio(more: &str) -> String {
    format!(
        concat!(
            r#"{{"name":"Twilio SMS","webhook_url_type":"fqdn","channel":"twilio","#,
            r#""account_data":[{{"k":"account_sid","v":"QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg=="}},"#,
            r#"{{"k":"auth_token","v":"c2VjcmV0LXRva2VuLXZhbHVl"}}],"#,
            r#""dids":[{{"did_number":"+12125551234","destination_type":"api"}}]{}}}"#
        ),
        more
    )
}

/// `prefix`, then `unit` repeated (separated by `sep`) while the whole stays within `bytes`,
/// then `suffix`; at least one unit.
fn fill(prefix: &str, unit: &str, sep: &str, suffix: &str, bytes: usize) -> String {
    let room = bytes.saturating_sub(prefix.len() + suffix.len());
    let n = ((room + sep.len()) / (unit.len() + sep.len())).max(1);
    let mut s = String::with_capacity(prefix.len() + n * (unit.len() + sep.len()) + suffix.len());
    s.push_str(prefix);
    for i in 0..n {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(unit);
    }
    s.push_str(suffix);
    s
}

/// Text of `bytes` with `c` repeated inside `prefix` and `suffix`.
fn long(prefix: &str, c: char, suffix: &str, bytes: usize) -> String {
    fill(prefix, c.encode_utf8(&mut [0; 4]), "", suffix, bytes)
}

/// `{"name":...,"channel":"xxxx..."}`: the issue's 10 MB `channel` (3.9 s natively).
pub fn channel_string(bytes: usize) -> Doc {
    let prefix = r#"{"name":"Twilio SMS","webhook_url_type":"fqdn","channel":""#;
    Doc::new(CREATE, long(prefix, 'x', r#""}"#, bytes))
}

/// A valid twilio create plus one member whose name is long (the issue: quoted four times).
pub fn unknown_member(bytes: usize) -> Doc {
    let base = twilio("");
    let prefix = format!("{},\"", &base[..base.len() - 1]);
    Doc::new(CREATE, long(&prefix, 'n', "\":1}", bytes))
}

/// `{"dids":[0,0,0,...]}` (the issue: 524,000 issues for 1 MB, 5.85 GB for 10 MB).
pub fn dids_zeros(bytes: usize) -> Doc {
    Doc::new(CREATE, fill(r#"{"dids":["#, "0", ",", "]}", bytes)).expect(&["report.truncated"])
}

/// A valid twilio create plus `"extra":[0,0,...]` (the issue: 780 MB of wasm memory).
pub fn unknown_array(bytes: usize) -> Doc {
    let base = twilio("");
    let prefix = format!("{},\"extra\":[", &base[..base.len() - 1]);
    Doc::new(CREATE, fill(&prefix, "0", ",", "]}", bytes))
}

/// Routing rule `i` as the PBX returns it and as an update keeps it (a distinct valid
/// New York number each).
fn rule(i: usize) -> String {
    format!(
        r#"{{"id":{},"did_number":"+1212{}{:04}","destination_type":"api"}}"#,
        i + 1,
        200 + (i / 10_000) % 800,
        i % 10_000
    )
}

/// An update keeping all of `current`'s `rules` routing rules (the issue: 2.39 s for
/// 10,000, quadratic).
pub fn update_rules(rules: usize) -> Doc {
    let list: Vec<String> = (0..rules).map(rule).collect();
    let list = list.join(",");
    Doc {
        target: UPDATE,
        text: format!(r#"{{"id":267,"dids":[{list}]}}"#),
        options: Some(format!(
            r#"{{"current":{{"id":267,"channel":"twilio","dids":[{list}]}}}}"#
        )),
        expect: &[],
    }
}

/// [`update_rules`] with as many rules as fit in `bytes` (payload and options together).
pub fn update_rules_bytes(bytes: usize) -> Doc {
    let (mut rules, mut used) = (0, 100);
    while used + 2 * (rule(rules).len() + 1) <= bytes {
        used += 2 * (rule(rules).len() + 1);
        rules += 1;
    }
    update_rules(rules.max(1))
}

/// A Bird contact whose `metadata` is `{"a":{"a":...1...}}` `depth` objects deep.
pub fn deep_allowed(depth: usize) -> Doc {
    let mut s = String::with_capacity(50 + depth * 6);
    s.push_str(r#"{"serviceWindowExpireAt":null,"metadata":"#);
    for _ in 0..depth {
        s.push_str(r#"{"a":"#);
    }
    s.push('1');
    for _ in 0..depth {
        s.push('}');
    }
    s.push('}');
    Doc::new(CONTACT, s).expect(&["json.too_deep"])
}

/// [`deep_allowed`] as deep as fits in `bytes`.
pub fn deep_allowed_bytes(bytes: usize) -> Doc {
    deep_allowed(bytes.saturating_sub(50) / 6)
}

/// A Bird contact with an unknown member `extra` that is `[[[...]]]` `depth` arrays deep.
pub fn deep_unknown(depth: usize) -> Doc {
    let mut s = String::with_capacity(50 + depth * 2);
    s.push_str(r#"{"serviceWindowExpireAt":null,"extra":"#);
    for _ in 0..depth {
        s.push('[');
    }
    for _ in 0..depth {
        s.push(']');
    }
    s.push('}');
    Doc::new(CONTACT, s).expect(&["json.too_deep"])
}

/// [`deep_unknown`] as deep as fits in `bytes`.
pub fn deep_unknown_bytes(bytes: usize) -> Doc {
    deep_unknown(bytes.saturating_sub(50) / 2)
}

/// `{"name":"a","name":"a",...}`: every member after the first is a duplicate.
pub fn duplicate_members(bytes: usize) -> Doc {
    Doc::new(CREATE, fill("{", r#""name":"a""#, ",", "}", bytes))
        .expect(&["field.duplicate", "report.truncated"])
}

/// `{"webhook_url_type":"fqdn",...,"name":"a",...}`: two known members repeated, half the
/// document each (their rules look each other up once per member).
pub fn repeated_known_members(bytes: usize) -> Doc {
    let half = fill("", r#""webhook_url_type":"fqdn""#, ",", "", bytes / 2 - 1);
    let rest = fill("", r#""name":"a""#, ",", "", bytes - half.len() - 3);
    Doc::new(CREATE, format!("{{{half},{rest}}}")).expect(&["field.duplicate", "report.truncated"])
}

/// A Healthing day whose `start` and `end` are repeated (the order rule reads both, and
/// `enabled`, for every member).
pub fn repeated_times(bytes: usize) -> Doc {
    let prefix = r#"{"business_hours":{"monday":{"enabled":true,"#;
    let suffix = "}}}";
    let room = bytes.saturating_sub(prefix.len() + suffix.len());
    let half = fill("", r#""start":"09:00""#, ",", "", room / 2);
    let rest = fill("", r#""end":"10:00""#, ",", "", room - half.len() - 1);
    Doc::new(HEALTHING_UPDATE, format!("{prefix}{half},{rest}{suffix}"))
        .expect(&["field.duplicate", "report.truncated"])
}

/// The Bird page's channel example with a long `contactIdentifierFormatOverride.pattern`
/// (`aaaa...`, a valid regex; the issue: 5.2 s and 1.0 GB for 10 MB).
pub fn bird_pattern(bytes: usize) -> Doc {
    let example = include_str!("../../examples/bird/channel.json");
    let (before, after) = example
        .split_once(r#""pattern": "text""#)
        .expect("the Bird example has a pattern");
    let prefix = format!("{before}\"pattern\": \"");
    let suffix = format!("\"{after}");
    Doc::new("bird.channel", long(&prefix, 'a', &suffix, bytes))
}

/// A Bird channel list whose channels each have the longest pattern checked, one class of
/// 2,550 ranges (`[\\W\\W...]`): sorting them one by one took 8 ms a pattern (a review).
pub fn bird_list_classes(bytes: usize) -> Doc {
    let example = include_str!("../../examples/bird/channel.json");
    let (before, after) = example
        .split_once(r#""pattern": "text""#)
        .expect("the Bird example has a pattern");
    let class = format!("[{}]", r"\\W".repeat(510));
    let channel = format!("{before}\"pattern\": \"{class}\"{after}");
    let channel = channel.trim();
    Doc::new(
        "bird.channel_list",
        fill(r#"{"results":["#, channel, ",", "]}", bytes),
    )
    // The example's own mistake (`platformServiceUrlOverride` is "text"); every pattern
    // compiles.
    .expect(&["pattern.mismatch"])
}

/// A twilio create whose `account_sid` value is long standard base64 (`QUFB` = "AAA").
pub fn credential(bytes: usize) -> Doc {
    let prefix = concat!(
        r#"{"name":"Twilio SMS","webhook_url_type":"fqdn","channel":"twilio","#,
        r#""account_data":[{"k":"auth_token","v":"c2VjcmV0LXRva2VuLXZhbHVl"},"#,
        r#"{"k":"account_sid","v":""#
    );
    let suffix = r#""}],"dids":[{"did_number":"+12125551234","destination_type":"api"}]}"#;
    Doc::new(CREATE, fill(prefix, "QUFB", "", suffix, bytes))
}

/// A twilio create whose one `did_number` is `+111...`.
pub fn did_number(bytes: usize) -> Doc {
    let base = twilio("");
    let (before, after) = base.split_once("+12125551234").unwrap();
    let prefix = format!("{before}+");
    Doc::new(CREATE, long(&prefix, '1', after, bytes))
}

/// A twilio create with the same routing rule over and over (each a repeat).
pub fn duplicate_dids(bytes: usize) -> Doc {
    let base = twilio("");
    let (before, _) = base.split_once(r#""dids":["#).unwrap();
    let prefix = format!(r#"{before}"dids":["#);
    let unit = r#"{"did_number":"+12125551234","destination_type":"api"}"#;
    Doc::new(CREATE, fill(&prefix, unit, ",", "]}", bytes)).expect(&["report.truncated"])
}

/// A twilio create with the same `account_data` item over and over (each a repeat).
pub fn account_data_items(bytes: usize) -> Doc {
    let prefix = concat!(
        r#"{"name":"Twilio SMS","webhook_url_type":"fqdn","channel":"twilio","#,
        r#""account_data":[{"k":"account_sid","v":"QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg=="},"#
    );
    let unit = r#"{"k":"auth_token","v":"c2VjcmV0LXRva2VuLXZhbHVl"}"#;
    let suffix = r#"],"dids":[{"did_number":"+12125551234","destination_type":"api"}]}"#;
    Doc::new(CREATE, fill(prefix, unit, ",", suffix, bytes)).expect(&["report.truncated"])
}
