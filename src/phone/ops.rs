//! Instructions of the prefix programs: one opcode byte, then little-endian operands.
//! Shared by the compiler (`compile.rs`, at build time) and the engine (`engine.rs`).

/// `CHAR set:u16`: one digit of the set.
pub const CHAR: u8 = 0;
/// `SPLIT a:u16 b:u16`: try `a`, then `b`.
pub const SPLIT: u8 = 1;
/// `JMP a:u16`
pub const JMP: u8 = 2;
/// `SAVE slot:u8`: record the position (slot 2k is the start of group k, 2k+1 its end).
pub const SAVE: u8 = 3;
/// `END`: only at the end of the input (`$`).
pub const END: u8 = 4;
/// `MATCH`
pub const MATCH: u8 = 5;
