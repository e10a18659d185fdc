//! The vendors' rules, one module each, written as data in the model of `schema.rs`.

pub mod bird;
pub mod healthing;
pub mod yeastar;
