//! Exports written from the model (`schema.rs`): JSON Schema and, for the npm package and
//! the docs, TypeScript payload types and the rules reference.

pub mod json_schema;
pub mod reference;
pub mod typescript;
