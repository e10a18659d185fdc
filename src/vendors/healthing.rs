//! Healthing: `ChannelUpdate`, the body of `PUT /api/v1/channels/{channel_id}`, and
//! `ChannelResponse` \[002\].

use crate::checks::pattern::pattern;
use crate::report::Severity;
use crate::schema::{Check, Cond, Field, IntRule, Lit, Object, Rule, Shape};
use std::sync::{Arc, OnceLock};

const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// \[decision\] 24-hour `HH:MM`; the end of a day may be `24:00`.
fn time(end: bool) -> Shape {
    if end {
        Shape::string([Check::Pattern(pattern!(
            "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
            "a 24-hour time HH:MM (00:00 to 24:00)",
        ))])
    } else {
        Shape::string([Check::Pattern(pattern!(
            "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "a 24-hour time HH:MM (00:00 to 23:59)",
        ))])
    }
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn day_schedule() -> Object {
    let enabled = Cond {
        field: "enabled",
        any_of: &[Lit::Bool(true)],
    };
    Object {
        title: "DaySchedule",
        fields: vec![
            Field::new("enabled", Shape::Bool).doc("[002]", "whether the channel is open that day"),
            Field::new("start", time(false)).doc("[decision]", "opening time, HH:MM"),
            Field::new("end", time(true)).doc("[decision]", "closing time, HH:MM, after start"),
        ],
        unknown: Severity::Error,
        rules: vec![
            Rule::RequiredWhen {
                field: "start",
                when: enabled.clone(),
            },
            Rule::RequiredWhen {
                field: "end",
                when: enabled.clone(),
            },
            Rule::Before {
                first: "start",
                then: "end",
                when: enabled,
            },
        ],
    }
}

/// `assignment_mode`: one of the caller's values when known, else a lowercase identifier
/// \[decision\] (the page does not list `AssignmentModeEnum`'s values).
fn assignment_mode(modes: Option<&[String]>) -> Shape {
    given_or(
        modes,
        Check::Pattern(pattern!(
            "^[a-z][a-z0-9_]*$",
            "a lowercase identifier (pass the assignment_modes option to check the exact values)",
        )),
    )
}

/// One of the caller's `modes` when given, else `otherwise`.
fn given_or(modes: Option<&[String]>, otherwise: Check) -> Shape {
    Shape::string([modes.map_or(otherwise, Check::one_of_owned)])
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn update(modes: Option<&[String]>) -> Object {
    let day = Arc::new(day_schedule());
    let hours = Object {
        title: "BusinessHours",
        fields: DAYS
            .iter()
            .map(|d| {
                Field::new(d, Shape::Object(day.clone()))
                    .nullable()
                    .doc("[002]", "that day's schedule, or null")
            })
            .collect(),
        unknown: Severity::Error,
        rules: vec![],
    };
    Object {
        title: "ChannelUpdate",
        fields: vec![
            Field::new("business_hours", Shape::Object(Arc::new(hours)))
                .nullable()
                .doc("[002]", "business hours by weekday, or null"),
            Field::new("assignment_mode", assignment_mode(modes))
                .nullable()
                .doc("[002]", "how conversations are assigned to agents, or null"),
        ],
        unknown: Severity::Error,
        rules: vec![],
    }
}

/// A response's `assignment_mode` and `status`: read leniently \[decision\], any non-empty
/// string, unless the caller gave the allowed values.
fn lenient(modes: Option<&[String]>) -> Shape {
    given_or(modes, NON_EMPTY)
}

const NON_EMPTY: Check = Check::Chars {
    min: 1,
    max: usize::MAX,
};

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn response(modes: Option<&[String]>) -> Object {
    let counter = || Shape::Int(IntRule::at_least(0));
    let s = || Shape::Str(vec![]);
    let fields = vec![
        Field::new("name", s()).doc("[002]", "friendly name"),
        Field::new("channel_type", s()).doc("[002]", "type of channel"),
        Field::new("id", counter()).doc("[002]", "channel id"),
        Field::new("status", lenient(None)).doc(
            "[002]",
            "ChannelStatusEnum (values not published): any non-empty string",
        ),
        Field::new("config", Shape::FreeObject).doc("[002]", "channel configuration"),
        Field::new("is_active", Shape::Bool).doc("[002]", ""),
        Field::new("is_default", Shape::Bool).doc("[002]", ""),
        Field::new("auto_reply_enabled", Shape::Bool).doc("[002]", ""),
        Field::new("business_hours_enabled", Shape::Bool).doc("[002]", ""),
        Field::new("assignment_mode", lenient(modes)).doc(
            "[002]",
            "any non-empty string, or one of assignment_modes when given",
        ),
        Field::new("sla_enabled", Shape::Bool).doc("[002]", ""),
        Field::new("total_conversations", counter()).doc("[002]", "integer >= 0"),
        Field::new("total_messages_sent", counter()).doc("[002]", "integer >= 0"),
        Field::new("total_messages_received", counter()).doc("[002]", "integer >= 0"),
        Field::new("created_at", Shape::string([Check::DateTime])).doc("[002]", "RFC 3339"),
        Field::new("updated_at", Shape::string([Check::DateTime])).doc("[002]", "RFC 3339"),
    ];
    Object {
        title: "ChannelResponse",
        fields: fields.into_iter().map(|f| f.required(true)).collect(),
        unknown: Severity::Warning,
        rules: vec![],
    }
}

/// `ChannelUpdate`; built once without `assignment_modes`, per call with them.
pub fn channel_update(modes: Option<&[String]>) -> Arc<Object> {
    static BUILT: OnceLock<Arc<Object>> = OnceLock::new();
    match modes {
        Some(m) => Arc::new(update(Some(m))),
        None => BUILT.get_or_init(|| Arc::new(update(None))).clone(),
    }
}

/// `ChannelResponse`; built once without `assignment_modes`, per call with them.
pub fn channel(modes: Option<&[String]>) -> Arc<Object> {
    static BUILT: OnceLock<Arc<Object>> = OnceLock::new();
    match modes {
        Some(m) => Arc::new(response(Some(m))),
        None => BUILT.get_or_init(|| Arc::new(response(None))).clone(),
    }
}
