//! Where an issue's value is in the JSON text: line and column (in characters, as editors
//! count them), for the text, SARIF and GitHub outputs.
//!
//! The text is parsed a second time, by jsonc-parser, which keeps every node's byte range
//! (the library's own reader keeps none, so that a check allocates nothing for positions);
//! only the command line pays for it. A member that is missing is placed at the object that
//! lacks it; malformed text at the parser's own line and column.

use channel_rules::{Issue, Segment};
use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

/// The positions of one file's text.
pub struct Positions<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
    /// The text's syntax tree, parsed the first time a position inside it is asked for.
    tree: Option<Option<Value<'a>>>,
}

impl<'a> Positions<'a> {
    /// Positions in `text` (JSON text, already checked).
    pub fn new(text: &'a str) -> Positions<'a> {
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Positions {
            text,
            lines,
            tree: None,
        }
    }

    /// The line and column (both from 1) of the value `issue` is about.
    pub fn of(&mut self, issue: &Issue) -> (usize, usize) {
        if issue.code == "json.syntax" {
            let at = |k: &str| issue.params.get(k).and_then(|v| v.as_u64()).unwrap_or(1) as usize;
            return (at("line").max(1), at("column").max(1));
        }
        let offset = if issue.path.is_empty() {
            self.text.len() - self.text.trim_start().len()
        } else {
            self.node_start(&issue.path)
        };
        self.line_column(offset)
    }

    fn node_start(&mut self, path: &[Segment]) -> usize {
        let text = self.text;
        let tree = self.tree.get_or_insert_with(|| {
            let strict = ParseOptions {
                allow_comments: false,
                allow_loose_object_property_names: false,
                allow_trailing_commas: false,
                allow_missing_commas: false,
                allow_single_quoted_strings: false,
                allow_hexadecimal_numbers: false,
                allow_unary_plus_numbers: false,
                allow_bare_decimal_point_numbers: false,
                allow_non_finite_numbers: false,
                allow_extended_string_escapes: false,
            };
            jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict)
                .ok()
                .and_then(|r| r.value)
        });
        let Some(mut node) = tree.as_ref() else {
            return 0;
        };
        for segment in path {
            let next = match (node, segment) {
                // The later of repeated names, as the library reports it.
                (Value::Object(o), Segment::Key(k)) => o
                    .properties
                    .iter()
                    .rev()
                    .find(|p| p.name.as_str() == k)
                    .map(|p| &p.value),
                (Value::Array(a), Segment::Index(i)) => a.elements.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => break,
            }
        }
        node.start()
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use channel_rules::{validate_str, Options, Target};

    fn positions(text: &str) -> Vec<(String, usize, usize)> {
        let report = validate_str(
            Target::YeastarMessageChannelUpdate,
            text,
            &Options::default(),
        );
        let mut p = Positions::new(text);
        report
            .issues
            .iter()
            .map(|i| {
                let (l, c) = p.of(i);
                (i.pointer.clone(), l, c)
            })
            .collect()
    }

    #[test]
    fn values_missing_members_and_syntax_errors() {
        let text = "{\n  \"id\": 0,\n  \"dids\": [\n    {\"did_number\": \"中文+1\"}\n  ]\n}";
        assert_eq!(
            positions(text),
            [
                ("/id".to_string(), 2, 9),
                ("/dids/0/did_number".to_string(), 4, 20),
                // Missing: at the object that lacks it.
                ("/dids/0/destination_type".to_string(), 4, 5),
            ]
        );
        assert_eq!(positions("{\"id\": }"), [(String::new(), 1, 8)]);
    }
}
