//! Bird (formerly MessageBird) Channels API \[003\]: the `Channel` object, the list response
//! and the contact service-window response. All three are responses: an unknown member is
//! a warning, because vendors add fields over time \[decision\].

use crate::checks::pattern::pattern;
use crate::report::Severity;
use crate::schema::{ArrayOf, Check, Field, Object, Pattern, Shape};
use std::sync::{Arc, OnceLock};

fn text() -> Shape {
    Shape::Str(vec![])
}

fn one_of(values: &'static [&'static str]) -> Shape {
    Shape::string([Check::one_of(values)])
}

fn matching(p: Arc<Pattern>) -> Shape {
    Shape::string([Check::Pattern(p)])
}

fn response(title: &'static str, fields: Vec<Field>) -> Arc<Object> {
    Arc::new(Object {
        title,
        fields,
        unknown: Severity::Warning,
        rules: vec![],
    })
}

fn array(items: Shape) -> Shape {
    Shape::Array(Arc::new(ArrayOf {
        items,
        unique: vec![],
        replaced_by_key: None,
    }))
}

/// The items of `settings` and `connectionParams`.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn setting() -> Shape {
    Shape::Object(response(
        "Setting",
        vec![
            Field::new(
                "key",
                Shape::string([Check::Chars {
                    min: 1,
                    max: usize::MAX,
                }]),
            )
            .required(true)
            .doc("[003]", "the setting's name"),
            Field::new("value", text()).doc("[003]", ""),
            Field::new("displayName", text()).doc("[003]", ""),
            Field::new("description", text()).doc("[003]", ""),
            // [decision] the page shows only "public".
            Field::new("visibility", one_of(&["public", "private"]))
                .doc("[decision]", "public or private"),
        ],
    ))
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn channel_object() -> Object {
    let format_override = response(
        "ContactIdentifierFormatOverride",
        vec![
            Field::new("type", text()).required(true).doc("[003]", ""),
            Field::new("pattern", Shape::string([Check::Regex]))
                .doc("[003]", "a regular expression"),
        ],
    );
    let preferences = response(
        "Preferences",
        [
            "disableProfileFetching",
            "explicitMarketingOptOut",
            "ignoreSuppressionChecks",
            "isPrivate",
        ]
        .into_iter()
        .map(|n| Field::new(n, Shape::Bool).doc("[003]", ""))
        .collect(),
    );
    let fields = vec![
        Field::new("id", Shape::string([Check::Uuid]))
            .required(true)
            .doc("[003]", "UUID"),
        Field::new(
            "platformId",
            matching(pattern!("^[A-Za-z0-9-]+$", "letters, digits and '-'")),
        )
        .required(true)
        .doc("[003]", "^[A-Za-z0-9-]+$"),
        Field::new("name", text()).required(true).doc("[003]", ""),
        Field::new("connectorId", Shape::string([Check::Uuid]))
            .required(true)
            .doc("[003]", "UUID"),
        Field::new("identifier", text()).doc("[003]", ""),
        Field::new(
            "status",
            one_of(&[
                "active",
                "pending",
                "setting-up",
                "failed",
                "inactive",
                "deleted",
                "warning",
            ]),
        )
        .required(true)
        .doc("[003]", ""),
        Field::new(
            "contactIdentifierKeyOverride",
            matching(pattern!("^[A-Za-z0-9_-]+$", "letters, digits, '_' and '-'")),
        )
        .nullable()
        .doc("[003]", "^[A-Za-z0-9_-]+$"),
        Field::new(
            "contactIdentifierFormatOverride",
            Shape::Object(format_override),
        )
        .nullable()
        .doc("[003]", ""),
        Field::new(
            "platformServiceUrlOverride",
            matching(pattern!("^https://", "a URL starting with https://")),
        )
        .nullable()
        .doc("[003]", "^https://"),
        Field::new("platformServiceVersionOverride", one_of(&["1.0"]))
            .nullable()
            .doc("[003]", ""),
        Field::new(
            "platformServiceProtocolOverride",
            one_of(&["http", "https"]),
        )
        .nullable()
        .doc("[003]", ""),
        Field::new("platformMessageJsonSchemaOverride", Shape::FreeObject)
            .nullable()
            .doc("[003]", ""),
        Field::new(
            "platformTemplateEngineOverride",
            one_of(&["default", "liquid"]),
        )
        .nullable()
        .doc("[003]", ""),
        Field::new("capabilities", Shape::FreeObject).doc("[003]", ""),
        Field::new("settings", array(setting())).doc("[003]", ""),
        Field::new("connectionParams", array(setting())).doc("[003]", ""),
        Field::new("preferences", Shape::Object(preferences))
            .nullable()
            .doc("[003]", ""),
        Field::new("useCaseId", text()).nullable().doc("[003]", ""),
        Field::new(
            "useCaseType",
            one_of(&["transactional", "marketing", "conversation"]),
        )
        .nullable()
        .doc("[003]", ""),
        Field::new(
            "channelMessageType",
            one_of(&[
                "promotional",
                "2fa",
                "conversational",
                "transactional",
                "emergency",
            ]),
        )
        .doc("[003]", ""),
        Field::new(
            "suites",
            array(Shape::string([Check::Chars {
                min: 1,
                max: usize::MAX,
            }])),
        )
        .doc("[003]", "marketing is the value shown"),
        Field::new("createdAt", Shape::string([Check::DateTime]))
            .required(true)
            .doc("[003]", "RFC 3339"),
        Field::new("updatedAt", Shape::string([Check::DateTime])).doc("[003]", "RFC 3339"),
    ];
    Object {
        title: "Channel",
        fields,
        unknown: Severity::Warning,
        rules: vec![],
    }
}

/// One `Channel`.
pub fn channel() -> Arc<Object> {
    static BUILT: OnceLock<Arc<Object>> = OnceLock::new();
    BUILT.get_or_init(|| Arc::new(channel_object())).clone()
}

/// `{results: Channel[], nextPageToken?}`.
pub fn channel_list() -> Arc<Object> {
    static BUILT: OnceLock<Arc<Object>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            response(
                "ChannelList",
                vec![
                    Field::new("results", array(Shape::Object(channel())))
                        .required(true)
                        .doc("[003]", "the channels"),
                    // [vendor] pageToken is at most 8000 characters.
                    Field::new(
                        "nextPageToken",
                        Shape::string([Check::Chars { min: 0, max: 8000 }]),
                    )
                    .doc("[vendor]", "at most 8000 characters"),
                ],
            )
        })
        .clone()
}

/// `{serviceWindowExpireAt, isPermanentSession?, metadata?}`.
pub fn channel_contact() -> Arc<Object> {
    static BUILT: OnceLock<Arc<Object>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            response(
                "ChannelContact",
                vec![
                    Field::new("serviceWindowExpireAt", Shape::string([Check::DateTime]))
                        .required(true)
                        .nullable()
                        .doc("[003]", "RFC 3339, or null"),
                    Field::new("isPermanentSession", Shape::Bool)
                        .nullable()
                        .doc("[003]", ""),
                    Field::new("metadata", Shape::FreeObject)
                        .nullable()
                        .doc("[003]", ""),
                ],
            )
        })
        .clone()
}
