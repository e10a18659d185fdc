//! The declarative model that every vendor's rules are written in.
//!
//! A target's rules are an [`Object`]: its [`Field`]s (each with a [`Shape`] and the
//! [`Check`]s on its value) and its cross-field [`Rule`]s. The vendor modules build these
//! from tables that read like the vendors' own pages; the engine (`engine.rs`) is the only
//! code that interprets them, and every later export (JSON Schema, TypeScript, docs) reads
//! the same values. A new kind of check is a new variant of a closed enum here, so nothing
//! compiles until every interpreter of the model handles it.

use crate::report::Severity;
use std::sync::Arc;

pub mod describe;

/// An object: its known fields, what an unknown field is, and its cross-field rules.
#[derive(Debug, Clone)]
pub struct Object {
    /// The vendor's name for this object (`Msg_Routing`), for docs and exports.
    pub title: &'static str,
    /// Known fields, in the vendor's order.
    pub fields: Vec<Field>,
    /// Severity of a field this object does not know: error in requests, warning in
    /// responses (vendors add fields over time).
    pub unknown: Severity,
    /// Rules that relate several fields of this object.
    pub rules: Vec<Rule>,
}

impl Object {
    /// The field called `name`, if this object knows it.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One member of an object.
#[derive(Debug, Clone)]
pub struct Field {
    /// The member name, exactly as the vendor spells it.
    pub name: &'static str,
    /// Whether the member must be present.
    pub required: bool,
    /// Whether `null` is an allowed value (otherwise it is a wrong type).
    pub nullable: bool,
    /// What the value must be.
    pub shape: Shape,
    /// On an update that replaces the object whole: omitting this member clears what the
    /// current state has (reported as a warning when the caller passes `current`).
    pub cleared_if_omitted: bool,
    /// Where the rule comes from (`[001]`, `[decision]`, `[vendor]`).
    pub source: &'static str,
    /// One line for docs and form hints.
    pub doc: &'static str,
}

impl Field {
    /// A field with the given shape; optional, not nullable.
    pub fn new(name: &'static str, shape: Shape) -> Field {
        Field {
            name,
            required: false,
            nullable: false,
            shape,
            cleared_if_omitted: false,
            source: "",
            doc: "",
        }
    }
    /// Marks the field as required (or not).
    pub fn required(mut self, yes: bool) -> Field {
        self.required = yes;
        self
    }
    /// Allows `null`.
    pub fn nullable(mut self) -> Field {
        self.nullable = true;
        self
    }
    /// Marks the field as cleared by an update that omits it.
    pub fn cleared_if_omitted(mut self) -> Field {
        self.cleared_if_omitted = true;
        self
    }
    /// Sets the source citation and the doc line.
    pub fn doc(mut self, source: &'static str, doc: &'static str) -> Field {
        self.source = source;
        self.doc = doc;
        self
    }
}

/// The JSON type of a value and the checks on it.
#[derive(Debug, Clone)]
pub enum Shape {
    /// Any JSON value (not looked into).
    Any,
    /// `true` or `false`.
    Bool,
    /// An integer (no fraction, no string), with its bounds.
    Int(IntRule),
    /// A string, with checks applied in order.
    Str(Vec<Checked>),
    /// An object.
    Object(Arc<Object>),
    /// An object whose members the vendor does not describe (not looked into).
    FreeObject,
    /// An array.
    Array(Arc<ArrayOf>),
    /// An array of `{key, value}` pairs with a closed set of keys (Yeastar `account_data`).
    KeyedList(Arc<KeyedList>),
}

impl Shape {
    /// The JSON type name this shape requires (`"string"`, `"integer"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            Shape::Any => "any",
            Shape::Bool => "boolean",
            Shape::Int(_) => "integer",
            Shape::Str(_) => "string",
            Shape::Object(_) | Shape::FreeObject => "object",
            Shape::Array(_) | Shape::KeyedList(_) => "array",
        }
    }

    /// A string with these checks, each an error.
    pub fn string(checks: impl IntoIterator<Item = Check>) -> Shape {
        Shape::Str(checks.into_iter().map(Checked::error).collect())
    }
}

/// Bounds on an integer.
#[derive(Debug, Clone, Copy, Default)]
pub struct IntRule {
    /// Smallest allowed value.
    pub min: Option<i64>,
    /// Largest allowed value.
    pub max: Option<i64>,
    /// When set, the only allowed values (a flag `0|1`, a code `1|2`).
    pub one_of: Option<&'static [i64]>,
}

impl IntRule {
    /// An integer `>= min`.
    pub const fn at_least(min: i64) -> IntRule {
        IntRule {
            min: Some(min),
            max: None,
            one_of: None,
        }
    }
    /// An integer in `min..=max`.
    pub const fn range(min: i64, max: i64) -> IntRule {
        IntRule {
            min: Some(min),
            max: Some(max),
            one_of: None,
        }
    }
    /// One of the listed integers.
    pub const fn one_of(values: &'static [i64]) -> IntRule {
        IntRule {
            min: None,
            max: None,
            one_of: Some(values),
        }
    }
}

/// A check on a string, with the severity it reports at.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The check.
    pub check: Check,
    /// `Warning` demotes every finding of the check to a warning.
    pub severity: Severity,
}

impl Checked {
    /// A check whose failures are errors.
    pub fn error(check: Check) -> Checked {
        Checked {
            check,
            severity: Severity::Error,
        }
    }
    /// A check whose failures are warnings.
    pub fn warning(check: Check) -> Checked {
        Checked {
            check,
            severity: Severity::Warning,
        }
    }
}

/// The primitive checks on a string value. Each is implemented by one file in `checks/`.
#[derive(Debug, Clone)]
pub enum Check {
    /// Length in Unicode scalar values (what a person calls characters).
    Chars {
        /// Fewest characters.
        min: usize,
        /// Most characters.
        max: usize,
    },
    /// Not only whitespace (an empty string is left to `Chars`).
    NotBlank,
    /// One of a closed set of values; a near miss gets a suggestion.
    OneOf(Choices),
    /// Only ASCII digits, `min..=max` of them.
    Digits {
        /// Fewest digits.
        min: usize,
        /// Most digits.
        max: usize,
    },
    /// An E.164 phone number; well-formedness is an error, validity per the number
    /// metadata a warning.
    E164,
    /// Standard base64 (RFC 4648 section 4) with `=` padding; the checks in `decoded` apply
    /// to the decoded text (a value that passes them undecoded is a raw secret).
    Base64 {
        /// Checks on the decoded UTF-8 text.
        decoded: Vec<Checked>,
    },
    /// An absolute `https://` URL with a host.
    HttpsUrl,
    /// A regular expression the value must match.
    Pattern(Arc<Pattern>),
    /// A UUID in its hyphenated form.
    Uuid,
    /// An RFC 3339 date-time (`2024-11-21T08:56:12.986Z`).
    DateTime,
    /// A regular expression that compiles.
    Regex,
    /// Passes when any of the checks passes (a DID of an unknown kind: an E.164 number or a
    /// Facebook page id); otherwise the first check's findings are reported.
    AnyOf(Vec<Check>),
}

impl Check {
    /// One of a set of values fixed in the rules.
    pub fn one_of(values: &'static [&'static str]) -> Check {
        Check::OneOf(Choices::Fixed(values))
    }
    /// One of a set of values the caller gave (Healthing's `assignment_modes`).
    pub fn one_of_owned(values: &[String]) -> Check {
        Check::OneOf(Choices::Given(values.into()))
    }
}

/// The values a [`Check::OneOf`] allows.
#[derive(Debug, Clone)]
pub enum Choices {
    /// Written in the rules.
    Fixed(&'static [&'static str]),
    /// Given by the caller at run time.
    Given(Arc<[String]>),
}

impl Choices {
    /// The values, in order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Choices::Fixed(v) => Box::new(v.iter().copied()),
            Choices::Given(v) => Box::new(v.iter().map(String::as_str)),
        }
    }
    /// Whether `s` is one of them.
    pub fn contains(&self, s: &str) -> bool {
        // Without `iter`'s box: this runs for every value checked.
        match self {
            Choices::Fixed(v) => v.contains(&s),
            Choices::Given(v) => v.iter().any(|c| c == s),
        }
    }
    /// The values as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// A rule's fixed regular expression, compiled (see [`crate::checks::pattern`]), and what it
/// means in words.
#[derive(Debug)]
pub struct Pattern {
    /// The expression, as written in the rules.
    pub source: &'static str,
    /// What a value matching it is ("a Twilio Account SID").
    pub describes: &'static str,
    /// The compiled form.
    pub automaton: crate::checks::pattern::Automaton,
}

impl Pattern {
    /// `source` and its automaton, compiled by the `pattern!` macro of
    /// [`crate::checks::pattern`] when the crate is (which a rule writes instead).
    pub fn new(
        source: &'static str,
        describes: &'static str,
        automaton: crate::checks::pattern::Automaton,
    ) -> Arc<Pattern> {
        Arc::new(Pattern {
            source,
            describes,
            automaton,
        })
    }
}

/// An array and its items.
#[derive(Debug, Clone)]
pub struct ArrayOf {
    /// What each item must be.
    pub items: Shape,
    /// Combinations of item fields that must not repeat across the array.
    pub unique: Vec<Unique>,
    /// On an update, the array replaces the current one whole; items are matched to the
    /// current ones by this member (`id`), and a current item with no match is removed.
    pub replaced_by_key: Option<ReplaceKey>,
}

/// Members whose combined value must not repeat across an array's items.
#[derive(Debug, Clone)]
pub struct Unique {
    /// The members compared (one or more).
    pub fields: &'static [&'static str],
    /// Where the repeat is reported: the first member of `fields` for one field, the item
    /// itself for several.
    pub severity: Severity,
}

/// How an update's array items are matched to the current ones.
#[derive(Debug, Clone)]
pub struct ReplaceKey {
    /// The identifying member (`id`).
    pub key: &'static str,
    /// The member that names an item to a person (`did_number`).
    pub label: &'static str,
}

/// A list of `{k, v}` objects whose `k` comes from a closed set (Yeastar `account_data`).
#[derive(Debug, Clone)]
pub struct KeyedList {
    /// Name of the key member (`k`).
    pub key_member: &'static str,
    /// Name of the value member (`v`).
    pub value_member: &'static str,
    /// The allowed keys. Empty with `open` set: any key (the kind is not known).
    pub entries: Vec<Entry>,
    /// Keys are not checked (the set is unknown).
    pub open: bool,
    /// The values are credentials: never quoted anywhere.
    pub secret: bool,
    /// Who defines the key set (`"twilio"`), for messages.
    pub owner: &'static str,
    /// Every key name the vendor uses for any kind: a key from this list may be repeated in
    /// a message; any other `k` might be a secret typed into the wrong member.
    pub vocabulary: &'static [&'static str],
}

/// One allowed key of a [`KeyedList`].
#[derive(Debug, Clone)]
pub struct Entry {
    /// The key.
    pub key: &'static str,
    /// Whether the list must contain it.
    pub required: bool,
    /// Checks on its value.
    pub value: Vec<Checked>,
}

/// A literal that a condition compares a field with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    /// An integer.
    Int(i64),
    /// A string.
    Str(&'static str),
    /// A boolean.
    Bool(bool),
}

impl Lit {
    /// As a JSON value, for params.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Lit::Int(i) => i.into(),
            Lit::Str(s) => s.into(),
            Lit::Bool(b) => b.into(),
        }
    }
}

/// "Field `field` is one of `values`."
#[derive(Debug, Clone)]
pub struct Cond {
    /// The sibling member looked at.
    pub field: &'static str,
    /// The values that make the condition true.
    pub any_of: &'static [Lit],
}

/// A rule relating several members of one object.
#[derive(Debug, Clone)]
pub enum Rule {
    /// `field` is required when `when` holds; missing is an error at the field's pointer.
    RequiredWhen {
        /// The member that becomes required.
        field: &'static str,
        /// When.
        when: Cond,
    },
    /// `field` is ignored by the vendor when `when` holds; giving it is a warning.
    IgnoredWhen {
        /// The member that is ignored.
        field: &'static str,
        /// When.
        when: Cond,
    },
    /// `field` is ignored by the vendor for this channel kind; giving it is a warning.
    IgnoredForKind {
        /// The member that is ignored.
        field: &'static str,
        /// The kind being checked.
        kind: &'static str,
        /// The kinds that use it.
        used_by: &'static [&'static str],
    },
    /// When `when` holds, `first` must sort strictly before `then` (both strings of the same
    /// fixed-width form, such as `HH:MM`); reported at `then`.
    Before {
        /// The earlier member.
        first: &'static str,
        /// The later member.
        then: &'static str,
        /// When.
        when: Cond,
    },
    /// The kind is not known, so `field` could not be checked: a warning at the document.
    UncheckedWithoutKind {
        /// The member that was not checked.
        field: &'static str,
    },
}
