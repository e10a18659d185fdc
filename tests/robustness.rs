//! Bad input never panics: deep nesting, huge numbers, odd roots, and every wrong type at
//! every position of real payloads give issues, not panics.

use channel_rules::{validate, validate_str, Options, Target};
use serde_json::{json, Value};

fn all_options() -> Vec<Options> {
    let current: Value =
        serde_json::from_str(include_str!("../examples/yeastar/update-sms.json")).unwrap();
    vec![
        Options::default(),
        Options::new().with_channel("twilio".parse().unwrap()),
        Options::new().with_channel("facebook".parse().unwrap()),
        Options::new().with_current(current),
        Options::new().with_current(json!([1, {"channel": 5}])),
    ]
}

fn seeds() -> Vec<Value> {
    [
        include_str!("../examples/yeastar/create-general-sms.json"),
        include_str!("../examples/yeastar/create-whatsapp.json"),
        include_str!("../examples/yeastar/create-facebook.json"),
        include_str!("../examples/yeastar/update-sms.json"),
        include_str!("../examples/yeastar/create-twilio-with-mistakes.json"),
    ]
    .iter()
    .map(|t| serde_json::from_str(t).unwrap())
    .collect()
}

/// Every JSON Pointer of a document.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                pointers(
                    c,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                pointers(c, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_wrong_type_at_every_position() {
    let replacements = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(2.5),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(1e300),
        json!(""),
        json!("x"),
        json!([]),
        json!([null, 1, "a"]),
        json!({}),
        json!({"k": 1, "v": []}),
    ];
    let mut runs = 0;
    for doc in seeds() {
        let mut ps = Vec::new();
        pointers(&doc, String::new(), &mut ps);
        for p in &ps {
            for r in &replacements {
                let mut d = doc.clone();
                *d.pointer_mut(p).unwrap() = r.clone();
                for t in channel_rules::Target::ALL {
                    for o in all_options() {
                        let report = validate(*t, &d, &o);
                        assert_eq!(
                            report.valid,
                            report.errors().next().is_none(),
                            "valid flag is consistent"
                        );
                        runs += 1;
                    }
                }
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

#[test]
fn non_object_roots_are_one_type_error() {
    for root in [
        json!(null),
        json!([]),
        json!("text"),
        json!(42),
        json!(true),
    ] {
        for t in Target::ALL {
            let r = validate(*t, &root, &Options::default());
            assert!(!r.valid);
            assert_eq!(r.issues.len(), 1, "{root}");
            assert_eq!(r.issues[0].code, "type.mismatch");
            assert_eq!(r.issues[0].pointer, "");
        }
    }
}

#[test]
fn deep_nesting_is_one_too_deep_issue() {
    // Well-formed text nested 100,000 deep: json.too_deep, not a syntax error, and the
    // parser never recurses past the limit.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = validate_str(
        Target::YeastarMessageChannelCreate,
        &deep,
        &Options::default(),
    );
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].code, "json.too_deep");
    assert_eq!(r.issues[0].params["limit"], 128);
    // Deep but within the limit, inside an unknown field: reported once, never entered.
    let nested = format!(
        r#"{{"id": 1, "extra": {}1{}}}"#,
        "[".repeat(120),
        "]".repeat(120)
    );
    let r = validate_str(
        Target::YeastarMessageChannelUpdate,
        &nested,
        &Options::default(),
    );
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].code, "field.unknown");
    // A deep Value built in code (no parser limit): the same limit holds.
    let mut v = json!(1);
    for _ in 0..500 {
        v = json!({ "dids": [v] });
    }
    let r = validate(Target::YeastarMessageChannelCreate, &v, &Options::default());
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].code, "json.too_deep");
}

/// Bug: a Value nested 100,000 deep in `dids[].id` (built in code) overflowed the stack:
/// the duplicate check cloned and compared the id whole.
#[test]
fn deep_value_in_a_compared_member_is_not_cloned() {
    let deep = || {
        let mut id = json!(1);
        for _ in 0..100_000 {
            id = Value::Array(vec![id]);
        }
        id
    };
    // Assembled by hand: json! would serialize the deep values, recursively.
    let rule = |did: &str| {
        let mut m = json!({"did_number": did, "destination_type": "api"});
        m.as_object_mut().unwrap().insert("id".into(), deep());
        m
    };
    let mut update = json!({"id": 1});
    let dids = Value::Array(vec![rule("+12125551234"), rule("+12125551235")]);
    update.as_object_mut().unwrap().insert("dids".into(), dids);
    let options = Options::new()
        .with_channel("twilio".parse().unwrap())
        .with_current(json!({"id": 1, "channel": "twilio", "dids": [{"id": 5}]}));
    let r = validate(Target::YeastarMessageChannelUpdate, &update, &options);
    assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
    assert_eq!(r.issues[0].code, "json.too_deep");
    // serde_json drops a Value recursively: leak it rather than overflow the test's stack.
    std::mem::forget(update);
}

#[test]
fn huge_numbers_and_odd_text() {
    // (text, valid): every one gives a report, none panics.
    for (text, valid) in [
        (r#"{"id": 1e999}"#, false),
        (r#"{"id": 123456789012345678901234567890}"#, false),
        (r#"{"id": -0}"#, false),
        (r#"{"id": 18446744073709551615}"#, true),
        ("\u{feff}{}", false),
        ("", false),
        ("   ", false),
        (r#"{"id": 1} trailing"#, false),
        (r#"{"name": "\ud800"}"#, false),
        (r#"{"id": 1, "id": 2}"#, false),
    ] {
        let r = validate_str(
            Target::YeastarMessageChannelUpdate,
            text,
            &Options::default(),
        );
        assert_eq!(r.valid, valid, "{text}: {:?}", r.issues);
        assert_eq!(r.valid, r.errors().next().is_none(), "{text}");
    }
    let r = validate_str(
        Target::YeastarMessageChannelUpdate,
        r#"{"id": 18446744073709551615}"#,
        &Options::default(),
    );
    assert!(r.valid, "a huge id is still an integer >= 1");
    let r = validate_str(
        Target::YeastarMessageChannelUpdate,
        r#"{"id": -9223372036854775808}"#,
        &Options::default(),
    );
    assert_eq!(r.issues[0].code, "integer.too_small");
}

#[test]
fn scrambled_bytes_never_panic() {
    // A small deterministic generator: mutate the seed texts byte by byte.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let texts = [
        include_str!("../examples/yeastar/create-general-sms.json"),
        include_str!("../examples/yeastar/update-sms.json"),
    ];
    for _ in 0..3000 {
        let t = texts[(next() % 2) as usize].as_bytes();
        let mut b = t.to_vec();
        for _ in 0..(next() % 4 + 1) {
            let i = (next() as usize) % b.len();
            let alphabet = b"{}[]\",:0123456789+-ax \\";
            b[i] = alphabet[(next() as usize) % alphabet.len()];
        }
        let s = String::from_utf8_lossy(&b);
        for t in Target::ALL {
            let r = validate_str(*t, &s, &Options::default());
            assert_eq!(r.valid, r.errors().next().is_none());
        }
    }
}

/// The phone engine answers any text with a number or a parse error, and any `Number` (its
/// fields are public) with an analysis: never a panic. What it answers is the corpus's job
/// (tests/phone_corpus.rs); here, that it answers, and consistently.
#[test]
fn phone_engine_never_panics() {
    use channel_rules::phone::{self, Number};
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet: Vec<char> =
        "0123456789012345678901234567890123456789+＋ -.()/xX*#;,ext:tel٣٤۵०１２ａé\u{200b}_"
            .chars()
            .collect();
    let regions = [
        None,
        Some("US"),
        Some("GB"),
        Some("AR"),
        Some("RU"),
        Some("IT"),
        Some("us"),
        Some("XX"),
        Some("001"),
        Some(""),
    ];
    let (mut read, mut refused) = (0, 0);
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() as usize) % alphabet.len()])
            .collect();
        let region = regions[(next() as usize) % regions.len()];
        match phone::parse(&text, region) {
            Ok(n) => {
                assert!(
                    n.national_number.bytes().all(|b| b.is_ascii_digit()),
                    "{text:?}"
                );
                assert!((2..=17).contains(&n.national_number.len()), "{text:?}");
                let a = phone::analyze(&n);
                assert_eq!(
                    a.valid,
                    a.number_type != phone::NumberType::Unknown,
                    "{text:?}"
                );
                assert_eq!(phone::normalize(&text, region), Ok(n.e164()));
                read += 1;
            }
            Err(e) => {
                assert_eq!(phone::normalize(&text, region), Err(e));
                refused += 1;
            }
        }
    }
    // Both paths were exercised (1,855 of 20,000 read since short extensions such as `x12`
    // are refused).
    assert!(
        read > 1_000 && refused > 2_000,
        "{read} read, {refused} refused"
    );
    // Numbers built by hand, not by parse.
    for national in [
        "",
        "0",
        "abc",
        "12a4",
        "١٢٣٤٥٦",
        "123456789012345678901234567890",
        "5551234",
    ] {
        for country_code in [0, 1, 7, 39, 44, 800, 999, u16::MAX] {
            let a = phone::analyze(&Number {
                country_code,
                national_number: national.to_string(),
            });
            assert_eq!(a.valid, a.number_type != phone::NumberType::Unknown);
        }
    }
    assert!(
        phone::analyze(&Number {
            country_code: 1,
            national_number: "2125551234".into()
        })
        .valid
    );
}
