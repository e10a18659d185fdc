//! The Yeastar message-channel kinds and their `account_data` keys, as the "Auth_Info"
//! tables of \[001\] list them (Software Edition: 16 SMS providers, WhatsApp, Facebook).

use crate::checks::pattern::pattern;
use crate::schema::{Check, Checked, Entry, KeyedList};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// The three kinds of message channel; each has its own field table in \[001\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// An SMS channel through one of the 16 providers.
    Sms = 0,
    /// A WhatsApp channel.
    WhatsApp = 1,
    /// A Facebook channel.
    Facebook = 2,
}

/// One value of `channel` and the credentials it takes. Its JSON form (`kinds()` in
/// JavaScript, for forms) is the row as written: `{"id", "label", "family", "required",
/// "optional"}`.
#[derive(Debug, Serialize)]
pub struct Provider {
    /// The `channel` value.
    pub id: &'static str,
    /// The provider's name as the page writes it.
    pub label: &'static str,
    /// Which field table applies.
    pub family: Family,
    /// `account_data` keys that must be present.
    pub required: &'static [&'static str],
    /// `account_data` keys that may be present.
    pub optional: &'static [&'static str],
}

use Family::*;

const API_KEYS: &[&str] = &["api_key", "api_send_url"];
const API_OPTIONAL: &[&str] = &["api_secret", "api_verify_url"];

/// Every kind, in the order of \[001\] (SMS providers first).
#[rustfmt::skip]
pub const PROVIDERS: &[Provider] = &[
    // [001] "For General / Alhambra IT / Athenna / IXICA / NETPLANET / Vetta / VoIP.ms"
    Provider { id: "general",    label: "General",     family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    Provider { id: "alhambra",   label: "Alhambra IT", family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    // [001] "For Apidaze"
    Provider { id: "apidaze",    label: "Apidaze",     family: Sms, required: &["api_key", "api_secret"], optional: &[] },
    // [001] "For Aspsms"
    Provider { id: "aspsms",     label: "Aspsms",      family: Sms, required: &["user_key", "password"], optional: &[] },
    Provider { id: "athena",     label: "Athenna",     family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    // [001] "For Bandwidth"
    Provider { id: "bandwidth",  label: "Bandwidth",   family: Sms, required: &["application_id", "account_id", "username", "password"], optional: &[] },
    // [001] "For Flowroute / SIPTRUNK"
    Provider { id: "flowroute",  label: "Flowroute",   family: Sms, required: &["access_key", "secret_key"], optional: &[] },
    Provider { id: "ixica",      label: "IXICA",       family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    Provider { id: "netplanet",  label: "NETPLANET",   family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    Provider { id: "siptrunk",   label: "SIPTRUNK",    family: Sms, required: &["access_key", "secret_key"], optional: &[] },
    // [001] "For Skyetel"
    Provider { id: "skyetel",    label: "Skyetel",     family: Sms, required: &["sid_key", "secret_key"], optional: &[] },
    // [001] "For Telnyx"
    Provider { id: "telnyx",     label: "Telnyx",      family: Sms, required: &["api_key", "public_key"], optional: &[] },
    // [001] "For Twilio"
    Provider { id: "twilio",     label: "Twilio",      family: Sms, required: &["account_sid", "auth_token"], optional: &[] },
    Provider { id: "vetta",      label: "Vetta",       family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    // [001] "For VoiceMeUp"
    Provider { id: "voicemeup",  label: "VoiceMeUp",   family: Sms, required: &["username", "auth_token"], optional: &[] },
    Provider { id: "voipms",     label: "VoIP.ms",     family: Sms, required: API_KEYS, optional: API_OPTIONAL },
    // [001] "Add a WhatsApp Channel": access_token, app_secret
    Provider { id: "whatsapp",   label: "WhatsApp",    family: WhatsApp, required: &["access_token", "app_secret"], optional: &[] },
    // [001] "Add a Facebook Channel": access_token, app_secret, page_name
    Provider { id: "facebook",   label: "Facebook",    family: Facebook, required: &["access_token", "app_secret", "page_name"], optional: &[] },
];

/// Every `channel` value, in \[001\]'s order: read off [`PROVIDERS`] at compile time.
pub const KIND_IDS: &[&str] = &{
    let mut ids = [""; PROVIDERS.len()];
    let mut i = 0;
    while i < PROVIDERS.len() {
        ids[i] = PROVIDERS[i].id;
        i += 1;
    }
    ids
};

/// Every `account_data` key any kind takes, each once, in the order of [`PROVIDERS`]: read
/// off the table at compile time.
pub const KEY_NAMES: &[&str] = DISTINCT_KEYS.0.split_at(DISTINCT_KEYS.1).0;

/// The distinct keys of [`PROVIDERS`] (room for 64) and how many there are.
const DISTINCT_KEYS: ([&str; 64], usize) = {
    let mut names = [""; 64];
    let (mut n, mut p) = (0, 0);
    while p < PROVIDERS.len() {
        let keys = [PROVIDERS[p].required, PROVIDERS[p].optional];
        let mut j = 0;
        while j < 2 {
            let mut k = 0;
            while k < keys[j].len() {
                if !contains(&names, n, keys[j][k]) {
                    names[n] = keys[j][k];
                    n += 1;
                }
                k += 1;
            }
            j += 1;
        }
        p += 1;
    }
    (names, n)
};

/// Whether the first `n` of `names` hold `key` (string equality, in a const context).
const fn contains(names: &[&str], n: usize, key: &str) -> bool {
    let mut i = 0;
    while i < n {
        let (a, b) = (names[i].as_bytes(), key.as_bytes());
        if a.len() == b.len() {
            let mut c = 0;
            while c < a.len() && a[c] == b[c] {
                c += 1;
            }
            if c == a.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// The checks on one `account_data` value, by key. \[001\] "If k is api_verify_url or
/// api_send_url, enter the API endpoint as https://...; for all other key fields, enter the
/// key value in Base64-encoded format"; Facebook's `page_name` is plain text.
fn value_checks(key: &'static str) -> Vec<Checked> {
    match key {
        "api_send_url" | "api_verify_url" => vec![Checked::error(Check::HttpsUrl)],
        // [decision] plain text, 1..=127 characters like the channel name.
        "page_name" => vec![Checked::error(Check::Chars { min: 1, max: 127 })],
        _ => vec![Checked::error(Check::Base64 {
            decoded: decoded_plausibility(key),
        })],
    }
}

/// \[vendor\] What a decoded credential looks like, where the provider publishes it.
fn decoded_plausibility(key: &'static str) -> Vec<Checked> {
    match key {
        // Twilio: an Account SID is "AC" and 32 hex digits (SID glossary, error 50006).
        "account_sid" => vec![Checked::warning(Check::Pattern(pattern!(
            "^AC[0-9a-fA-F]{32}$",
            "a Twilio Account SID (AC and 32 hex digits)",
        )))],
        // Bandwidth: the application id is a UUID, the account id 7 digits.
        "application_id" => vec![Checked::warning(Check::Uuid)],
        "account_id" => vec![Checked::warning(Check::Digits { min: 7, max: 7 })],
        _ => vec![],
    }
}

/// \[decision\] The `account_data` rules when the kind is not known: every key some kind
/// takes, none required, each value checked as its key says (a key means the same for every
/// kind), so that what is wrong for every kind is still reported.
pub fn any_kind_credentials() -> KeyedList {
    KeyedList {
        key_member: "k",
        value_member: "v",
        entries: KEY_NAMES
            .iter()
            .map(|key| Entry {
                key,
                required: false,
                value: value_checks(key),
            })
            .collect(),
        open: false,
        secret: true,
        owner: "",
        vocabulary: KEY_NAMES,
    }
}

/// A `channel` value known to the rules (one of [`KIND_IDS`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kind(u8);

impl Kind {
    /// Every kind.
    pub fn all() -> impl Iterator<Item = Kind> {
        (0..PROVIDERS.len() as u8).map(Kind)
    }
    /// Its index in [`PROVIDERS`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
    /// Its row of the provider table.
    pub fn provider(self) -> &'static Provider {
        &PROVIDERS[self.index()]
    }
    /// The `channel` value.
    pub fn id(self) -> &'static str {
        self.provider().id
    }
    /// The field table that applies.
    pub fn family(self) -> Family {
        self.provider().family
    }
    /// The `account_data` rules of this kind.
    pub fn credentials(self) -> KeyedList {
        let p = self.provider();
        let entries = p
            .required
            .iter()
            .map(|k| (k, true))
            .chain(p.optional.iter().map(|k| (k, false)))
            .map(|(key, required)| Entry {
                key,
                required,
                value: value_checks(key),
            })
            .collect();
        KeyedList {
            key_member: "k",
            value_member: "v",
            entries,
            open: false,
            secret: true,
            owner: p.id,
            vocabulary: KEY_NAMES,
        }
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.id())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An unknown `channel` kind was named (a caller's mistake: CLI exit 2, a `TypeError` in
/// JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel kind {}{}; known kinds: {}", crate::Quoted(given), did_you_mean(*suggestion), KIND_IDS.join(", "))]
pub struct UnknownKind {
    given: String,
    suggestion: Option<&'static str>,
}

/// `"; did you mean 'x'?"`, or nothing.
pub(crate) fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean '{s}'?"))
}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        PROVIDERS
            .iter()
            .position(|p| p.id == s)
            .map(|i| Kind(i as u8))
            .ok_or_else(|| UnknownKind {
                given: crate::engine::quote(s),
                suggestion: crate::checks::suggest(s, KIND_IDS.iter().copied()),
            })
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A shared handle on a kind's credential rules.
pub fn credentials(kind: Kind) -> Arc<KeyedList> {
    Arc::new(kind.credentials())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_table() {
        let ids: Vec<&str> = PROVIDERS.iter().map(|p| p.id).collect();
        assert_eq!(ids, KIND_IDS);
        assert_eq!(PROVIDERS.iter().filter(|p| p.family == Sms).count(), 16);
    }

    #[test]
    fn key_names_are_every_key_once() {
        let mut all: Vec<&str> = PROVIDERS
            .iter()
            .flat_map(|p| p.required.iter().chain(p.optional))
            .copied()
            .collect();
        all.sort();
        all.dedup();
        let mut names = KEY_NAMES.to_vec();
        names.sort();
        assert_eq!(names, all);
        assert_eq!(KEY_NAMES.len(), 18);
        assert_eq!(KEY_NAMES[..3], ["api_key", "api_send_url", "api_secret"]);
    }

    #[test]
    fn the_table_as_json() {
        let rows = serde_json::to_value(PROVIDERS).unwrap();
        assert_eq!(rows.as_array().unwrap().len(), KIND_IDS.len());
        assert_eq!(
            rows[12],
            serde_json::json!({"id": "twilio", "label": "Twilio", "family": "sms",
                "required": ["account_sid", "auth_token"], "optional": []})
        );
        assert_eq!(rows[16]["family"], "whatsapp");
        assert_eq!(
            rows[0]["optional"],
            serde_json::json!(["api_secret", "api_verify_url"])
        );
    }
}
