//! Target ids and options: the same strings on every surface.

use crate::schema::Object;
use crate::vendors::yeastar::message_channel::Op;
use crate::vendors::yeastar::providers::did_you_mean;
use crate::vendors::yeastar::{self, providers::Kind};
use crate::vendors::{bird, healthing};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// What a payload is: one endpoint's request body or one response object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Target {
    /// Body of `POST /openapi/v1.0/message_channel/create` \[001\].
    #[serde(rename = "yeastar.message_channel.create")]
    YeastarMessageChannelCreate,
    /// Body of `POST /openapi/v1.0/message_channel/update` \[000\].
    #[serde(rename = "yeastar.message_channel.update")]
    YeastarMessageChannelUpdate,
    /// A Yeastar Live Chat channel to create \[vendor\].
    #[serde(rename = "yeastar.livechat.create")]
    YeastarLivechatCreate,
    /// A Yeastar Live Chat channel update \[vendor\].
    #[serde(rename = "yeastar.livechat.update")]
    YeastarLivechatUpdate,
    /// Healthing `ChannelUpdate`, body of `PUT /api/v1/channels/{channel_id}` \[002\].
    #[serde(rename = "healthing.channel.update")]
    HealthingChannelUpdate,
    /// Healthing `ChannelResponse` \[002\].
    #[serde(rename = "healthing.channel")]
    HealthingChannel,
    /// One Bird `Channel` object \[003\].
    #[serde(rename = "bird.channel")]
    BirdChannel,
    /// A Bird channel list, `{results, nextPageToken?}` \[003\].
    #[serde(rename = "bird.channel_list")]
    BirdChannelList,
    /// A Bird contact service window, `{serviceWindowExpireAt, ...}` \[003\].
    #[serde(rename = "bird.channel_contact")]
    BirdChannelContact,
}

impl Target {
    /// Every target, in the order of `RULES.md`.
    pub const ALL: &'static [Target] = &[
        Target::YeastarMessageChannelCreate,
        Target::YeastarMessageChannelUpdate,
        Target::YeastarLivechatCreate,
        Target::YeastarLivechatUpdate,
        Target::HealthingChannelUpdate,
        Target::HealthingChannel,
        Target::BirdChannel,
        Target::BirdChannelList,
        Target::BirdChannelContact,
    ];

    /// The target id (`"yeastar.message_channel.create"`).
    pub fn id(self) -> &'static str {
        match self {
            Target::YeastarMessageChannelCreate => "yeastar.message_channel.create",
            Target::YeastarMessageChannelUpdate => "yeastar.message_channel.update",
            Target::YeastarLivechatCreate => "yeastar.livechat.create",
            Target::YeastarLivechatUpdate => "yeastar.livechat.update",
            Target::HealthingChannelUpdate => "healthing.channel.update",
            Target::HealthingChannel => "healthing.channel",
            Target::BirdChannel => "bird.channel",
            Target::BirdChannelList => "bird.channel_list",
            Target::BirdChannelContact => "bird.channel_contact",
        }
    }

    /// Whether the payload is a request (unknown fields are errors) rather than a response
    /// (unknown fields are warnings), as the target's rules say.
    ///
    /// ```
    /// use channel_rules::Target;
    /// assert!(Target::HealthingChannelUpdate.is_request());
    /// assert!(!Target::BirdChannel.is_request());
    /// ```
    pub fn is_request(self) -> bool {
        self.schema(None, &Options::default()).unknown == crate::Severity::Error
    }

    /// Whether the payload names its own Yeastar kind (a create's `channel` member).
    pub(crate) fn kind_in_payload(self) -> bool {
        self == Target::YeastarMessageChannelCreate
    }

    /// The rules that apply under `options`, where `channel` is the `channel` member of the
    /// payload (where [`Target::kind_in_payload`]) or else of the current state.
    pub(crate) fn schema(self, channel: Option<&str>, options: &Options) -> Arc<Object> {
        match self {
            Target::YeastarMessageChannelCreate => {
                yeastar::message_channel(Op::Create, channel, options)
            }
            Target::YeastarMessageChannelUpdate => {
                yeastar::message_channel(Op::Update, channel, options)
            }
            Target::YeastarLivechatCreate => yeastar::livechat::schema(Op::Create),
            Target::YeastarLivechatUpdate => yeastar::livechat::schema(Op::Update),
            Target::HealthingChannelUpdate => {
                healthing::channel_update(options.assignment_modes.as_deref())
            }
            Target::HealthingChannel => healthing::channel(options.assignment_modes.as_deref()),
            Target::BirdChannel => bird::channel(),
            Target::BirdChannelList => bird::channel_list(),
            Target::BirdChannelContact => bird::channel_contact(),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An unknown target id was named (a caller's mistake: CLI exit 2, a `TypeError` in
/// JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown target {}{}; known targets: {}", crate::Quoted(given), did_you_mean(*suggestion), Target::ALL.iter().map(|t| t.id()).collect::<Vec<_>>().join(", "))]
pub struct UnknownTarget {
    given: String,
    suggestion: Option<&'static str>,
}

impl FromStr for Target {
    type Err = UnknownTarget;
    fn from_str(s: &str) -> Result<Target, UnknownTarget> {
        Target::ALL
            .iter()
            .copied()
            .find(|t| t.id() == s)
            .ok_or_else(|| UnknownTarget {
                given: crate::engine::quote(s),
                suggestion: crate::checks::suggest(s, Target::ALL.iter().map(|t| t.id())),
            })
    }
}

/// The language of messages. Codes and params never change with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Locale {
    /// English (the default).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Brazilian Portuguese.
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Locale {
    /// Every locale.
    pub const ALL: &'static [Locale] = &[Locale::En, Locale::ZhCn, Locale::PtBr];

    /// The locale tag (`"en"`, `"zh-CN"`, `"pt-BR"`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::PtBr => "pt-BR",
        }
    }
}

/// An unknown locale tag was named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown locale {}; known locales: en, zh-CN, pt-BR",
    crate::Quoted(given)
)]
pub struct UnknownLocale {
    given: String,
}

impl FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Locale, UnknownLocale> {
        Locale::ALL
            .iter()
            .copied()
            .find(|l| l.tag().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownLocale {
                given: crate::engine::quote(s),
            })
    }
}

/// Options of a validation; every field is optional. Built with the `with_` methods (the
/// struct may gain fields), or read from their JSON form.
///
/// ```
/// use channel_rules::{Options, Locale};
///
/// let options = Options::new().with_channel("twilio".parse().unwrap()).with_locale(Locale::PtBr);
/// let same: Options = serde_json::from_str(r#"{"channel": "twilio", "locale": "pt-BR"}"#).unwrap();
/// assert_eq!(options, same);
/// assert_eq!(options.channel.unwrap().id(), "twilio");
/// ```
#[derive(Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Options {
    /// The Yeastar kind, for updates (an update body has no `channel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Kind>,
    /// The channel's current state as the PBX returns it, for updates: gives the kind and
    /// lets the update's hazards (what it would delete or clear) be reported. A JSON object:
    /// [`validate`](crate::validate) reads nothing from any other value (no kind, no hazard),
    /// where [`complete_update`](crate::complete_update) refuses it
    /// ([`UpdateError::CurrentNotObject`](crate::UpdateError::CurrentNotObject)), and so do
    /// the npm package (a `TypeError`) and the command line (exit status 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Value>,
    /// The language of messages.
    pub locale: Locale,
    /// Healthing's allowed `assignment_mode` values, when the caller knows them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment_modes: Option<Vec<String>>,
    /// Only the issues at or below this JSON Pointer are kept (`validate_field`).
    #[serde(skip)]
    pub(crate) within: Option<String>,
    /// Only the errors are kept (a Standard Schema's `validate`, which shows no warning):
    /// warnings neither shown nor counted against the report's limit.
    #[serde(skip)]
    pub(crate) errors_only: bool,
    /// Only the repeated member names are kept ([`crate::unstable::repeated_members`]).
    #[serde(skip)]
    pub(crate) repeats_only: bool,
}

impl Options {
    /// No options: English messages, kind and current state unknown.
    pub fn new() -> Options {
        Options::default()
    }
    /// The Yeastar kind, for updates.
    pub fn with_channel(mut self, kind: Kind) -> Options {
        self.channel = Some(kind);
        self
    }
    /// The channel's current state, as the PBX returns it, for updates: a JSON object
    /// ([`Options::current`]).
    pub fn with_current(mut self, current: Value) -> Options {
        self.current = Some(current);
        self
    }
    /// The language of messages.
    pub fn with_locale(mut self, locale: Locale) -> Options {
        self.locale = locale;
        self
    }
    /// Healthing's allowed `assignment_mode` values.
    pub fn with_assignment_modes(mut self, modes: Vec<String>) -> Options {
        self.assignment_modes = Some(modes);
        self
    }

    /// Which findings a walk keeps.
    pub(crate) fn scope(&self) -> crate::engine::Scope<'_> {
        crate::engine::Scope {
            within: self.within.as_deref(),
            errors_only: self.errors_only,
            repeats_only: self.repeats_only,
        }
    }

    /// The `channel` member of the current state, which names an update's kind.
    pub(crate) fn current_channel(&self) -> Option<&str> {
        self.current.as_ref()?.get("channel")?.as_str()
    }
}

/// The members of the JSON form of [`Options`], in their order.
const OPTION_FIELDS: &[&str] = &["channel", "current", "locale", "assignment_modes"];

/// The JSON form: an object of the members above, each optional (`null` is absent, except
/// for `locale`), any other member refused. Written out rather than derived: each member is
/// read as a `Value` and taken apart by one routine whatever the deserializer (which the
/// wasm package also calls on options it parsed as a `Value`, `Options::from_json`), where
/// the derived visitor was a copy per deserializer: the package is 2.4 KB smaller gzipped.
/// The errors read as the derived ones did (``unknown field `chanel`, expected one of ...``).
impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Options, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = Options;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("struct Options")
            }
            // Not serde's default, which would quote the text with `Debug` (the package
            // is built without `Debug` formatting).
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Options, E> {
                Err(E::invalid_type(
                    serde::de::Unexpected::Other("string"),
                    &self,
                ))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Options, A::Error> {
                use serde::de::Error;
                let mut options = Options::default();
                let mut seen = [false; OPTION_FIELDS.len()];
                while let Some(name) = map.next_key::<String>()? {
                    let i = Options::field(&name).map_err(A::Error::custom)?;
                    if std::mem::replace(&mut seen[i], true) {
                        return Err(A::Error::duplicate_field(OPTION_FIELDS[i]));
                    }
                    options
                        .set(i, map.next_value()?)
                        .map_err(A::Error::custom)?;
                }
                Ok(options)
            }
        }
        d.deserialize_any(Members)
    }
}

/// The error of a JSON value that is not what an option takes.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn wrong(v: &Value, expected: &str) -> serde_json::Error {
    use serde::de::{Error, Unexpected};
    let unexpected = match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(_) => Unexpected::Other("string"),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    serde_json::Error::invalid_type(unexpected, &expected)
}

impl Options {
    /// The options of their parsed JSON form, where a repeated member can no longer be told
    /// apart (the wasm package's options come from `JSON.stringify`, which never repeats
    /// one): the same reading and errors as [`Deserialize`] otherwise.
    #[cfg(any(target_arch = "wasm32", test))]
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    pub(crate) fn from_json(v: Value) -> Result<Options, serde_json::Error> {
        let Value::Object(map) = v else {
            return Err(wrong(&v, "struct Options"));
        };
        let mut options = Options::default();
        for (name, v) in map {
            options.set(Options::field(&name)?, v)?;
        }
        Ok(options)
    }

    /// The index of a member in [`OPTION_FIELDS`].
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn field(name: &str) -> Result<usize, serde_json::Error> {
        OPTION_FIELDS
            .iter()
            .position(|f| *f == name)
            .ok_or_else(|| {
                serde::de::Error::unknown_field(&crate::messages::shown(name), OPTION_FIELDS)
            })
    }

    /// Sets member `i` of [`OPTION_FIELDS`] from its JSON value.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn set(&mut self, i: usize, v: Value) -> Result<(), serde_json::Error> {
        use serde::de::Error;
        match (i, v) {
            (0 | 1 | 3, Value::Null) => {}
            (0, Value::String(s)) => self.channel = Some(s.parse().map_err(Error::custom)?),
            // An object, as the PBX returns a channel: anything else (its JSON text, say)
            // would leave the kind and the update hazards silently unknown.
            (1, v @ Value::Object(_)) => self.current = Some(v),
            (2, Value::String(s)) => {
                self.locale = *Locale::ALL.iter().find(|l| l.tag() == s).ok_or_else(|| {
                    Error::unknown_variant(&crate::messages::shown(&s), &["en", "zh-CN", "pt-BR"])
                })?
            }
            (3, Value::Array(items)) => {
                let mut modes = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => modes.push(s),
                        other => return Err(wrong(&other, "a string")),
                    }
                }
                self.assignment_modes = Some(modes);
            }
            (0, v) => return Err(wrong(&v, "a string")),
            (1, v) => return Err(wrong(&v, "an object (the channel's current state)")),
            (2, v) => return Err(wrong(&v, "a locale tag")),
            (_, v) => return Err(wrong(&v, "a sequence")),
        }
        Ok(())
    }
}

impl fmt::Debug for Options {
    /// `current` holds credentials, so only whether it is set is shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("channel", &self.channel)
            .field("current", &self.current.as_ref().map(|_| "<redacted>"))
            .field("locale", &self.locale)
            .field("assignment_modes", &self.assignment_modes)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Options, String> {
        serde_json::from_str(text).map_err(|e| crate::without_position(&e.to_string()).to_owned())
    }

    #[test]
    fn options_read_from_json() {
        let o = read(r#"{"channel": "twilio", "current": {"id": 1}, "locale": "pt-BR", "assignment_modes": ["a", "b"]}"#)
            .unwrap();
        assert_eq!(o.channel.unwrap().id(), "twilio");
        assert_eq!(o.current, Some(serde_json::json!({"id": 1})));
        assert_eq!(o.locale, Locale::PtBr);
        assert_eq!(
            o.assignment_modes,
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
        let none = read(r#"{"channel": null, "current": null, "assignment_modes": null}"#).unwrap();
        assert!(none == Options::default(), "null is absent");
        assert!(read("{}").unwrap() == Options::default());
        // From a parsed value too (the fixture harness reads options so).
        let v: Options = serde_json::from_value(serde_json::json!({"locale": "zh-CN"})).unwrap();
        assert_eq!(v.locale, Locale::ZhCn);
    }

    #[test]
    fn options_errors_name_the_mistake() {
        for (text, error) in [
            (r#"{"chanel": "twilio"}"#, "unknown field `chanel`, expected one of `channel`, `current`, `locale`, `assignment_modes`"),
            (r#"{"locale": "en", "locale": "en"}"#, "duplicate field `locale`"),
            (r#"{"locale": "fr"}"#, "unknown variant `fr`, expected one of `en`, `zh-CN`, `pt-BR`"),
            (r#"{"locale": "EN"}"#, "unknown variant `EN`"),
            (r#"{"locale": null}"#, "invalid type: null, expected a locale tag"),
            (r#"{"channel": 1}"#, "invalid type: number, expected a string"),
            (r#"{"channel": "twillio"}"#, "unknown channel kind \"twillio\""),
            (r#"{"assignment_modes": "a"}"#, "invalid type: string, expected a sequence"),
            // Bug (review): a `current` that is not an object was taken, and ignored.
            (r#"{"current": "{\"id\": 1}"}"#, "invalid type: string, expected an object"),
            (r#"{"current": [1]}"#, "invalid type: sequence, expected an object"),
            (r#"{"current": 5}"#, "invalid type: number, expected an object"),
            (r#"{"assignment_modes": ["a", 2]}"#, "invalid type: number, expected a string"),
            ("[]", "invalid type: sequence, expected struct Options"),
            ("\"twilio\"", "invalid type: string, expected struct Options"),
            // What the caller wrote is escaped.
            ("{\"chan\\u001bel\": 1}", "unknown field `chan\\u001Bel`"),
            ("{\"locale\": \"en\\u200b\"}", "unknown variant `en\\u200B`"),
        ] {
            let got = read(text).map(|_| ()).unwrap_err();
            assert!(got.starts_with(error), "{text}: {got}");
            if !text.contains("\"locale\": \"en\", \"locale\"") {
                let value: Value = serde_json::from_str(text).unwrap();
                let parsed = Options::from_json(value).map(|_| ()).unwrap_err().to_string();
                assert!(parsed.starts_with(error), "{text}: {parsed}");
            }
        }
    }
}
