//! Credentials never echoed: the options' `Debug` output hides `current`, and a payload full
//! of broken credentials of every kind yields messages and params without any of them.

use channel_rules::{validate, Options, Target};
use serde_json::json;

#[test]
fn options_debug_hides_current() {
    let o = Options::new()
        .with_current(json!({"account_data": [{"k": "auth_token", "v": "c3VwZXItc2VjcmV0"}]}));
    let shown = format!("{o:?}");
    assert!(!shown.contains("c3VwZXItc2VjcmV0"), "{shown}");
    assert!(shown.contains("redacted"));
}

#[test]
fn broken_credentials_are_described_not_quoted() {
    let values = [
        "AC0123456789abcdef0123456789abcdef",
        "not base64 at all!",
        "c2VjcmV0LXRva2Vu_-",
        "http://secret-host.example.com/path",
        "https://:8443/p",
        "3a7c2b1e-0d6f-4f7e-9a2b-1c3d5e7f9a0b",
        "1234567",
        "//79/Pv6+fj39g==",
        "   padded-secret   ",
    ];
    for kind in channel_rules::Kind::all() {
        let keys: Vec<&str> = kind
            .provider()
            .required
            .iter()
            .chain(kind.provider().optional)
            .copied()
            .collect();
        for v in values {
            let account_data: Vec<_> = keys.iter().map(|k| json!({"k": k, "v": v})).collect();
            let payload = json!({"name": "x", "webhook_url_type": "fqdn", "channel": kind.id(),
                                 "account_data": account_data});
            let report = validate(
                Target::YeastarMessageChannelCreate,
                &payload,
                &Options::default(),
            );
            let out = format!(
                "{}{report:?}{report}",
                serde_json::to_string(&report).unwrap()
            );
            assert!(!out.contains(v.trim()), "{kind}: {v} leaked");
        }
    }
}

#[test]
fn a_secret_typed_into_k_is_not_repeated() {
    let payload = json!({"name": "x", "webhook_url_type": "fqdn", "channel": "twilio", "account_data": [
        {"k": "account_sid", "v": "QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg=="},
        {"k": "c2VjcmV0LXRva2Vu", "v": "auth_token"}]});
    let r = validate(
        Target::YeastarMessageChannelCreate,
        &payload,
        &Options::default(),
    );
    let out = format!("{}{r:?}", serde_json::to_string(&r).unwrap());
    assert!(r.issues.iter().any(|i| i.code == "credential.key_unknown"));
    assert!(!out.contains("c2VjcmV0LXRva2Vu"), "{out}");
    let update = json!({"id": 1, "account_data": [{"k": "TOPSECRET", "v": "x"}, {"k": "TOPSECRET", "v": "y"}]});
    let r = validate(
        Target::YeastarMessageChannelUpdate,
        &update,
        &Options::default(),
    );
    assert!(r
        .issues
        .iter()
        .any(|i| i.code == "credential.key_duplicate"));
    assert!(!serde_json::to_string(&r).unwrap().contains("TOPSECRET"));
}

#[test]
fn ids_from_current_are_repeated_only_when_integers() {
    let current = json!({"channel": "twilio", "dids": [
        {"id": "sk_live_TOPSECRET", "did_number": "+442079460857"},
        {"id": 3, "did_number": "+12125551234"}]});
    let options = Options::new().with_current(current);
    let r = validate(
        Target::YeastarMessageChannelUpdate,
        &json!({"id": 1, "dids": []}),
        &options,
    );
    assert_eq!(r.issues.len(), 2);
    assert!(!serde_json::to_string(&r).unwrap().contains("TOPSECRET"));
    assert_eq!(r.issues[1].params["id"], 3);
}
