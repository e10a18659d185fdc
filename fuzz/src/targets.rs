//! The bodies of the fuzz targets (`fuzz_targets/<name>.rs` calls `targets::<name>`).

use crate::gen::{self, Ctx, G};
use crate::setup::{self, Entry};
use crate::{check_report, check_text, embedded, fail, is_pointer, is_within, json, Doc};
use channel_rules::{
    normalize_phone, phone, validate, validate_bytes, validate_field as field_of_value,
    validate_field_str, validate_str as validate_text, Kind, Locale, Options, Report, Segment,
    Severity, Target,
};
use serde_json::{json, Value};
use std::sync::OnceLock;

/// `validate_str` / `validate_bytes` on the bytes after a header (`setup.rs`).
pub fn validate_str(data: &[u8]) {
    let Some(s) = setup::decode(data) else {
        return;
    };
    let report = match (s.entry, std::str::from_utf8(s.payload)) {
        (Entry::Str, Ok(text)) => validate_text(s.target, text, &s.options),
        _ => validate_bytes(s.target, s.payload, &s.options),
    };
    check_text(s.target, s.payload, &s.options, &report);
}

/// `validate_field_str` with a pointer taken from the input: after the header, a mode
/// byte and a length byte, then that many bytes (the pointer text, or a selector), then
/// the payload. Modes (`% 4`): 0 the bytes as the pointer (often malformed); 1 a pointer of
/// the document; 2 the pointer of one of the report's issues; 3 a pointer of the document
/// with a member, a `~`, a `/` or an index added, or cut short.
pub fn validate_field(data: &[u8]) {
    let Some(s) = setup::decode(data) else {
        return;
    };
    let [mode, len, rest @ ..] = s.payload else {
        return;
    };
    let (sel, payload) = rest.split_at((*len as usize).min(rest.len()));
    let Ok(text) = std::str::from_utf8(payload) else {
        return;
    };
    let full = validate_text(s.target, text, &s.options);
    let checked = check_text(s.target, payload, &s.options, &full);
    let number = sel
        .iter()
        .fold(0usize, |a, b| a.wrapping_mul(31).wrapping_add(*b as usize));
    let doc_pointers = || -> Vec<String> {
        match &checked.doc {
            Some(d) => json::pointers(d)
                .iter()
                .map(|p| channel_rules::pointer_of(p))
                .collect(),
            None => vec![String::new()],
        }
    };
    let pointer = match mode % 4 {
        0 => String::from_utf8_lossy(sel).into_owned(),
        1 => {
            let ps = doc_pointers();
            ps[number % ps.len()].clone()
        }
        2 if !full.issues.is_empty() => full.issues[number % full.issues.len()].pointer.clone(),
        _ => {
            let ps = doc_pointers();
            let p = ps[number % ps.len()].clone();
            let extra = String::from_utf8_lossy(sel.get(1..).unwrap_or_default()).into_owned();
            match sel.first().copied().unwrap_or(0) % 6 {
                0 => format!("{p}/{extra}"),
                1 => format!("{p}~"),
                2 => format!("{p}/"),
                3 => format!("{p}/{}", number % 7),
                4 => p
                    .chars()
                    .take(p.chars().count().saturating_sub(1))
                    .collect(),
                _ => format!("{p}{extra}"),
            }
        }
    };
    let got = validate_field_str(s.target, &pointer, text, &s.options);
    match &got {
        Err(e) => {
            if is_pointer(&pointer) {
                fail!(full, "validate_field refused the JSON Pointer {pointer:?}");
            }
            if e.pointer != pointer {
                fail!(full, "InvalidPointer names {:?} for {pointer:?}", e.pointer);
            }
        }
        Ok(issues) => {
            if !is_pointer(&pointer) {
                fail!(
                    full,
                    "validate_field accepted {pointer:?}, which is no JSON Pointer"
                );
            }
            let want: Vec<_> = full
                .issues
                .iter()
                .filter(|i| is_within(&i.pointer, &pointer))
                .cloned()
                .collect();
            if issues != &want {
                fail!(
                    full,
                    "validate_field({pointer:?}) gave {} issues, the report has {} there: {}",
                    issues.len(),
                    want.len(),
                    serde_json::to_string(issues).unwrap()
                );
            }
        }
    }
    if let (Some(doc), false) = (&checked.doc, checked.duplicates) {
        let by_value = field_of_value(s.target, &pointer, doc, &s.options);
        if by_value != got {
            fail!(full, "validate_field on the parsed document differs from validate_field_str for {pointer:?}");
        }
    }
}

/// Every region the metadata has (every pair of capital letters that
/// `phone::is_supported_region` accepts).
pub fn regions() -> &'static [String] {
    static R: OnceLock<Vec<String>> = OnceLock::new();
    R.get_or_init(|| {
        let mut out = Vec::new();
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let r = String::from_utf8(vec![a, b]).unwrap();
                if phone::is_supported_region(&r) {
                    out.push(r);
                }
            }
        }
        out
    })
}

/// `normalize_phone`, `phone::parse` and `phone::analyze`. Byte 0: the region (`% 8`: 0
/// none, 1 `""`, 2-5 a real region chosen by byte 1, 6 a wrong one chosen by byte 1, 7
/// byte 1 bytes of text) and the locale (`(b >> 3) % 3`); the rest is the number.
pub fn phone(data: &[u8]) {
    let [sel, rest @ ..] = data else {
        return;
    };
    let regions = regions();
    let pick = rest.first().copied().unwrap_or(0) as usize;
    let (region, input): (Option<String>, &[u8]) = match sel % 8 {
        0 => (None, rest),
        1 => (Some(String::new()), rest),
        2..=5 => (
            Some(regions[pick % regions.len()].clone()),
            rest.get(1..).unwrap_or_default(),
        ),
        6 => {
            let real = &regions[pick % regions.len()];
            let wrong = [
                real.to_lowercase(),
                "001".into(),
                "XX".into(),
                format!("{real}A"),
                format!(" {real}"),
                real[..1].to_string(),
                "ZZ".into(),
                "UK".into(),
            ];
            (
                Some(wrong[(pick / 7) % wrong.len()].clone()),
                rest.get(1..).unwrap_or_default(),
            )
        }
        _ => {
            let n = pick.min(rest.len().saturating_sub(1)).min(8);
            let r = String::from_utf8_lossy(rest.get(1..1 + n).unwrap_or_default()).into_owned();
            (Some(r), rest.get(1 + n..).unwrap_or_default())
        }
    };
    let locale = Locale::ALL[(sel >> 3) as usize % 3];
    let input = String::from_utf8_lossy(input);
    let region = region.as_deref();
    let supported = match region {
        None | Some("") => true,
        Some(r) => phone::is_supported_region(r),
    };
    let as_region = region.filter(|r| !r.is_empty());

    // normalize_phone: refused exactly for a region the metadata lacks.
    match normalize_phone(&input, region, locale) {
        Err(e) => {
            if supported {
                panic!("normalize_phone refused the supported region {region:?}: {e}");
            }
        }
        Ok(n) => {
            if !supported {
                panic!("normalize_phone accepted the unknown region {region:?}");
            }
            let report = Report::from_issues(n.issues.clone());
            check_report(
                Target::YeastarMessageChannelCreate,
                &Doc::Value(&Value::Null),
                &Options::default(),
                &report,
            );
            let has_error = n.issues.iter().any(|i| i.severity == Severity::Error);
            if n.value.is_some() == has_error {
                fail!(
                    report,
                    "normalize_phone: value {:?} with errors {}",
                    n.value,
                    has_error
                );
            }
            if n.issues.iter().any(|i| !i.path.is_empty()) {
                fail!(report, "normalize_phone: an issue not at \"\"");
            }
            if let Some(v) = &n.value {
                let parsed = phone::parse(&input, as_region).map(|p| p.e164());
                if parsed.as_ref() != Ok(v) {
                    fail!(
                        report,
                        "normalize_phone value {v} but parse gives {parsed:?}"
                    );
                }
                // The value is a did_number that validate accepts, with the same warnings.
                let payload = json!({"channel": "whatsapp", "dids": [{"did_number": v}]});
                let o = crate::options(None, None, locale, None);
                let r = validate(Target::YeastarMessageChannelCreate, &payload, &o);
                let at: Vec<_> = r
                    .issues
                    .iter()
                    .filter(|i| i.pointer == "/dids/0/did_number")
                    .map(|i| (&i.code, i.severity, &i.params, &i.message))
                    .collect();
                let mine: Vec<_> = n
                    .issues
                    .iter()
                    .map(|i| (&i.code, i.severity, &i.params, &i.message))
                    .collect();
                if at != mine {
                    fail!(
                        report,
                        "normalize_phone value {v}: did_number issues {}",
                        serde_json::to_string(&r).unwrap()
                    );
                }
            }
        }
    }

    // parse / analyze.
    let parsed = phone::parse(&input, as_region);
    if let Ok(n) = &parsed {
        if !(1..=999).contains(&n.country_code)
            || !(2..=17).contains(&n.national_number.len())
            || !n.national_number.bytes().all(|b| b.is_ascii_digit())
        {
            panic!("parse({input:?}, {as_region:?}) gave {n:?}");
        }
        let a = phone::analyze(n);
        if a.valid && (a.region.is_none() || a.number_type == phone::NumberType::Unknown) {
            panic!(
                "{} is valid with region {:?}, type {:?}",
                n.e164(),
                a.region,
                a.number_type
            );
        }
        if let Some(r) = a.region {
            if r != "001" && !phone::is_supported_region(r) {
                panic!(
                    "{} has region {r:?}, which is_supported_region refuses",
                    n.e164()
                );
            }
        }
        if phone::normalize(&input, as_region) != Ok(n.e164()) {
            panic!("normalize and parse disagree on {input:?}");
        }
    }
    // An international number does not depend on the default region, once it reads without
    // one: libphonenumber retries a '+' whose country code does not read with the region's
    // international prefix (`+ 00 212...` with IT), so only an INVALID_COUNTRY_CODE without a
    // region may read otherwise with one.
    if supported && as_region.is_some() && phone::is_international(&input) {
        let without = phone::parse(&input, None);
        if without != Err(phone::ParseError::InvalidCountryCode) && without != parsed {
            panic!("{input:?} is international, yet parse gives {parsed:?} with {as_region:?} and {without:?} without");
        }
    }
    // classify of the digits, as written.
    let digits: String = input
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(20)
        .collect();
    if !digits.is_empty() {
        if let phone::Verdict::Valid { .. } = phone::classify(&digits) {
            let plus = format!("+{digits}");
            let ok = phone::parse(&plus, None)
                .is_ok_and(|n| n.e164() == plus && phone::analyze(&n).valid);
            if !ok {
                panic!(
                    "classify({digits}) is Valid, but {plus} does not parse back as a valid number"
                );
            }
        }
    }
}

/// Options for a generated document.
fn options(g: &mut G, target: Target, kind: Option<Kind>, doc: &Value) -> Options {
    let update = target == Target::YeastarMessageChannelUpdate;
    let channel = if update && g.chance(1, 2) {
        kind.or_else(|| Kind::all().nth(g.below(18)))
    } else if g.chance(1, 16) {
        Kind::all().nth(g.below(18))
    } else {
        None
    };
    let current = if update && g.chance(2, 3) || g.chance(1, 16) {
        match g.below(4) {
            0 => Some(embedded::base("sms_current").clone()),
            1 => Some(doc.clone()),
            2 => {
                let k = kind.unwrap_or_else(|| Kind::all().nth(g.below(18)).unwrap());
                let ctx = Ctx::new(None, false);
                let mut c = gen::object(
                    g,
                    &ctx,
                    gen::schema(Target::YeastarMessageChannelCreate, Some(k)),
                    0,
                );
                if let Some(m) = c.as_object_mut() {
                    m.insert("id".into(), json!(g.range(0, 300)));
                    if g.chance(7, 8) {
                        m.insert("channel".into(), json!(k.id()));
                    }
                }
                Some(c)
            }
            _ => Some(gen::junk(g, 2)),
        }
    } else {
        None
    };
    let assignment_modes = if target.id().starts_with("healthing") && g.chance(1, 2) {
        let n = g.below(5);
        Some(
            (0..n)
                .map(|_| match g.below(6) {
                    0 => "round_robin".to_string(),
                    1 => "manual".to_string(),
                    2 => "least_busy".to_string(),
                    3 => "m".repeat(70),
                    _ => g.junk_string(),
                })
                .collect(),
        )
    } else {
        None
    };
    let locale = *g.pick(Locale::ALL);
    crate::options(channel, current, locale, assignment_modes)
}

/// The kind a document names, if any.
fn kind_of(doc: &Value) -> Option<Kind> {
    doc.get("channel")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
}

/// One edit of a real payload at a random place: a new value from the rules, removal, a new
/// member or item, a repeated item, a renamed member.
fn edit(g: &mut G, ctx: &Ctx, tree: &gen::Node, doc: &mut Value) {
    let ps = json::pointers(doc);
    let path = g.pick(&ps).clone();
    let node = tree.at(&path);
    let fresh = |g: &mut G, node: Option<&gen::Node>| match node {
        Some(n) if !g.chance(1, 6) => gen::value(g, ctx, n, path.len()),
        _ => gen::junk(g, 2),
    };
    let choice = g.below(6);
    match choice {
        2 if !path.is_empty() => {
            let (last, parent) = path.split_last().unwrap();
            match (crate::resolve_mut(doc, parent), last) {
                (Some(Value::Object(m)), Segment::Key(k)) => {
                    m.shift_remove(k);
                }
                (Some(Value::Array(a)), Segment::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                }
                _ => {}
            }
        }
        3 => {
            let target_node = node.cloned();
            let siblings: Vec<String> = target_node
                .as_ref()
                .map(|n| n.members.iter().map(|(m, _)| m.clone()).collect())
                .unwrap_or_default();
            let missing = target_node.as_ref().and_then(|n| {
                let absent: Vec<&(String, gen::Node)> = n.members.iter().collect();
                (!absent.is_empty()).then(|| absent[g.below(absent.len())].clone())
            });
            let item = target_node
                .as_ref()
                .and_then(|n| n.item.as_deref().cloned());
            let (name, v) = match missing {
                Some((name, child)) if g.chance(1, 2) => {
                    (name, gen::value(g, ctx, &child, path.len() + 1))
                }
                _ => (g.junk_name(&siblings), gen::junk(g, 2)),
            };
            let new_item = match &item {
                Some(i) => gen::value(g, ctx, i, path.len() + 1),
                None => gen::junk(g, 1),
            };
            match crate::resolve_mut(doc, &path) {
                Some(Value::Object(m)) => {
                    m.insert(name, v);
                }
                Some(Value::Array(a)) => a.push(new_item),
                _ => {}
            }
        }
        4 => {
            if let Some(Value::Array(a)) = crate::resolve_mut(doc, &path) {
                if !a.is_empty() {
                    let i = g.below(a.len());
                    let again = a[i].clone();
                    a.push(again);
                }
            }
        }
        5 if !path.is_empty() => {
            let (last, parent) = path.split_last().unwrap();
            if let (Some(Value::Object(m)), Segment::Key(k)) =
                (crate::resolve_mut(doc, parent), last)
            {
                let new = gen::typo(g, k);
                if let Some(v) = m.shift_remove(k) {
                    m.insert(new, v);
                }
            }
        }
        _ => {
            let v = fresh(g, node);
            if let Some(slot) = crate::resolve_mut(doc, &path) {
                *slot = v;
            }
        }
    }
}

/// A text of `doc` with a member of one of its objects given twice, or with a member nested
/// deeper than the limit; `None` for the plain text.
fn mangle(g: &mut G, doc: &Value) -> Option<String> {
    const MARK: &str = "\u{1}mark\u{1}";
    let objects: Vec<Vec<Segment>> = json::pointers(doc)
        .into_iter()
        .filter(|p| matches!(crate::resolve(doc, p), Some(Value::Object(m)) if !m.is_empty()))
        .collect();
    let deep = g.chance(1, 4) || objects.is_empty();
    let mut d = doc.clone();
    let at = if objects.is_empty() {
        Vec::new()
    } else {
        g.pick(&objects).clone()
    };
    let (with, replacement) = match crate::resolve_mut(&mut d, &at) {
        Some(Value::Object(m)) if !deep => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = g.pick(&keys).clone();
            let v = if g.chance(1, 2) {
                m[&k].clone()
            } else {
                gen::junk(g, 1)
            };
            m.insert(MARK.into(), v);
            (true, serde_json::to_string(&k).unwrap())
        }
        Some(Value::Object(m)) => {
            m.insert(MARK.into(), Value::Null);
            (true, String::new())
        }
        _ => (false, String::new()),
    };
    if !with {
        return None;
    }
    let text = if g.chance(1, 2) {
        serde_json::to_string(&d)
    } else {
        serde_json::to_string_pretty(&d)
    }
    .unwrap();
    let marker = serde_json::to_string(MARK).unwrap();
    if deep {
        let n = g.range(crate::MAX_DEPTH - 2, crate::MAX_DEPTH + 12);
        let nested = format!("{}{}", "[".repeat(n), "]".repeat(n));
        Some(
            text.replacen(
                &format!("{marker}: null"),
                &format!("\"deep\": {nested}"),
                1,
            )
            .replacen(&format!("{marker}:null"), &format!("\"deep\":{nested}"), 1),
        )
    } else {
        Some(text.replacen(&marker, &replacement, 1))
    }
}

/// Structure-aware: a document from the rules (or a real payload edited with the rules'
/// values), validated as a value and as text; the two reports must agree.
pub fn structured(data: &[u8]) {
    let mut g = G::new(data);
    let flood = g.chance(1, 32);
    let (target, kind, doc, tree) = if g.chance(1, 2) {
        let target = *g.pick(Target::ALL);
        let kind = if g.chance(7, 8) {
            Kind::all().nth(g.below(18))
        } else {
            None
        };
        let tree = gen::schema(target, kind);
        let ctx = Ctx::new(None, flood);
        let mut doc = gen::object(&mut g, &ctx, tree, 0);
        if let (Some(k), Some(m), true) = (
            kind,
            doc.as_object_mut(),
            target == Target::YeastarMessageChannelCreate,
        ) {
            if !g.chance(1, 8) {
                m.insert("channel".into(), json!(k.id()));
            }
        }
        (target, kind, doc, tree)
    } else {
        let payloads = embedded::payloads();
        let (t, base) = g.pick(payloads);
        let target = if g.chance(7, 8) {
            *t
        } else {
            *g.pick(Target::ALL)
        };
        let target = match (target, g.chance(1, 4)) {
            (Target::YeastarMessageChannelCreate, true) => Target::YeastarMessageChannelUpdate,
            (Target::YeastarLivechatCreate, true) => Target::YeastarLivechatUpdate,
            (Target::HealthingChannel, true) => Target::HealthingChannelUpdate,
            (other, _) => other,
        };
        let kind = kind_of(base);
        let tree = gen::schema(target, kind);
        (target, kind, base.clone(), tree)
    };
    let mut options = options(&mut g, target, kind, &doc);
    let ctx = Ctx::new(options.assignment_modes.clone(), flood);
    let mut doc = doc;
    for _ in 0..g.range(0, 5) {
        edit(&mut g, &ctx, tree, &mut doc);
    }
    if options.current.as_ref().is_some_and(|c| c == &Value::Null) {
        options.current = None;
    }

    let report = validate(target, &doc, &options);
    crate::check_report_quick(target, &Doc::Value(&doc), &options, &report);
    let (text, mangled) = match g.chance(1, 6).then(|| mangle(&mut g, &doc)).flatten() {
        Some(t) => (t, true),
        None => (serde_json::to_string(&doc).unwrap(), false),
    };
    let from_text = validate_text(target, &text, &options);
    crate::check_text_with(target, text.as_bytes(), &options, &from_text, false);
    if !mangled && from_text != report {
        fail!(
            report,
            "validate_str of the document's text differs: {}",
            serde_json::to_string(&from_text).unwrap()
        );
    }
}

/// `complete_update`: a `current` channel (a real one or one from the rules, with routing
/// rules that have ids) and `changes` made from it: members replaced or left out, rules
/// edited by `id` or `did_number`, deleted (`{"id": N, "delete": true}`, sometimes with
/// extra members), added, or naming ids that do not exist; sometimes new credentials.
pub fn complete_update(data: &[u8]) {
    let (current, changes, options) = complete_update_case(data);
    let result = channel_rules::complete_update(&current, &changes, &options);
    crate::check_complete_update(&current, &changes, &options, &result);
}

/// The `current`, `changes` and options that [`complete_update`] makes of its input.
pub fn complete_update_case(data: &[u8]) -> (Value, Value, Options) {
    let mut g = G::new(data);
    let ctx = Ctx::new(None, false);
    let kind = Kind::all().nth(g.below(18));
    let mut current = match g.below(8) {
        0 | 1 => embedded::base("sms_current").clone(),
        7 => gen::junk(&mut g, 2),
        _ => {
            let mut c = gen::object(
                &mut g,
                &ctx,
                gen::schema(Target::YeastarMessageChannelCreate, kind),
                0,
            );
            if let Some(m) = c.as_object_mut() {
                m.insert("id".into(), json!(g.range(1, 300)));
                if let (Some(k), true) = (kind, g.chance(7, 8)) {
                    m.insert("channel".into(), json!(k.id()));
                }
            }
            c
        }
    };
    // Routing rules with ids (repeated now and then), so that edits can name them.
    if let Some(Value::Array(dids)) = current.get_mut("dids") {
        for (i, d) in dids.iter_mut().enumerate() {
            if let (Some(m), true) = (d.as_object_mut(), g.chance(7, 8)) {
                let id = if g.chance(1, 16) {
                    json!("x")
                } else {
                    json!(i + 1 + g.below(2) * 10)
                };
                m.insert("id".into(), id);
            }
        }
    }
    let update = gen::schema(Target::YeastarMessageChannelUpdate, kind);
    let mut changes = gen::object(&mut g, &ctx, update, 0);
    if let Some(m) = changes.as_object_mut() {
        // Most members left out, as a partial update does.
        let keys: Vec<String> = m.keys().cloned().collect();
        for k in keys {
            if g.chance(2, 3) {
                m.shift_remove(&k);
            }
        }
        match g.below(4) {
            0 => {
                if let Some(id) = current.get("id") {
                    m.insert("id".into(), id.clone());
                }
            }
            1 => {
                m.insert("id".into(), json!(g.range(0, 400)));
            }
            _ => {
                m.shift_remove("id");
            }
        }
        let now: Vec<Value> = current
            .get("dids")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if g.chance(2, 3) {
            let did = update
                .at(&[Segment::Key("dids".into()), Segment::Index(0)])
                .cloned();
            let mut edits = Vec::new();
            for item in &now {
                let id = item.get("id").cloned();
                let label = item.get("did_number").cloned();
                match g.below(7) {
                    0 => {}
                    1 => edits.push(json!({"id": id, "delete": true})),
                    2 => edits.push(json!({"id": id, "delete": true, "destination_type": "api"})),
                    3 => edits.push(json!({"did_number": label, "destination_type": "api"})),
                    _ => {
                        let mut e = match &did {
                            Some(n) => gen::object(&mut g, &ctx, n, 1),
                            None => json!({}),
                        };
                        if let (Some(em), Some(id)) = (e.as_object_mut(), id) {
                            em.shift_remove("did_number");
                            em.insert("id".into(), id);
                            if g.chance(1, 8) {
                                em.insert("delete".into(), json!(false));
                            }
                        }
                        edits.push(e);
                    }
                }
            }
            for _ in 0..g.below(3) {
                edits.push(match (&did, g.below(3)) {
                    (Some(n), 0 | 1) => {
                        let mut e = gen::object(&mut g, &ctx, n, 1);
                        if let Some(em) = e.as_object_mut() {
                            em.shift_remove("id");
                        }
                        e
                    }
                    _ => json!({"id": g.range(500, 600), "destination_type": "api"}),
                });
            }
            if g.chance(1, 10) && !edits.is_empty() {
                let again = edits[g.below(edits.len())].clone();
                edits.push(again);
            }
            m.insert("dids".into(), Value::Array(edits));
        }
    }
    if g.chance(1, 32) {
        changes = gen::junk(&mut g, 1);
    }
    let channel = if g.chance(1, 3) { kind } else { None };
    let locale = *g.pick(Locale::ALL);
    (
        current,
        changes,
        crate::options(channel, None, locale, None),
    )
}

/// Bird's channel example with the input (lossy UTF-8) as its
/// `contactIdentifierFormatOverride.pattern`, checked by `validate`, and the verdict held to
/// that of `regex`'s own parser: a pattern the library accepts must parse there, and one it
/// refuses must not, unless it is refused for a limit of the library's (`too_long`,
/// `too_big`: the parser knows no size) or for a Unicode class that `regex` has and RE2 or
/// Go lacks (`unicode_class`).
pub fn pattern(data: &[u8]) {
    const POINTER: &str = "/contactIdentifierFormatOverride/pattern";
    static EXAMPLE: OnceLock<Value> = OnceLock::new();
    let example = EXAMPLE.get_or_init(|| {
        serde_json::from_str(include_str!("../../examples/bird/channel.json")).unwrap()
    });
    let text = String::from_utf8_lossy(data);
    let mut doc = example.clone();
    doc["contactIdentifierFormatOverride"]["pattern"] = Value::String(text.to_string());
    let options = Options::new();
    let report = validate(Target::BirdChannel, &doc, &options);
    check_report(Target::BirdChannel, &Doc::Value(&doc), &options, &report);
    let refused = report
        .issues
        .iter()
        .find(|i| i.pointer == POINTER && i.code == "regex.invalid");
    let theirs = regex_syntax::Parser::new().parse(&text).is_ok();
    match refused {
        None if !theirs => fail!(report, "{text:?} accepted; regex's parser refuses it"),
        Some(issue) if theirs => {
            let reason = issue.params.get("reason").and_then(Value::as_str).unwrap_or("");
            if !matches!(reason, "too_long" | "too_big" | "unicode_class") {
                fail!(report, "{text:?} refused ({reason}); regex's parser accepts it");
            }
        }
        _ => {}
    }
}
