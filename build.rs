//! Compiles libphonenumber's metadata (src/phone/metadata.json) into the phone engine's
//! tables (see src/phone/compile.rs).

#[path = "src/phone/ops.rs"]
mod ops;

#[path = "src/phone/compile.rs"]
#[allow(dead_code)]
mod compile;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/phone/metadata.json");
    println!("cargo:rerun-if-changed=src/phone/compile.rs");
    println!("cargo:rerun-if-changed=src/phone/ops.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let json = std::fs::read_to_string("src/phone/metadata.json")
        .expect("src/phone/metadata.json (made by scripts/phone/reference.sh)");
    let (code, stats) = match compile::generate(&json) {
        Ok(r) => r,
        Err(e) => panic!("phone metadata: {e}"),
    };
    std::fs::write(out.join("phone_tables.rs"), code).expect("write phone_tables.rs");
    std::fs::write(out.join("phone_stats.txt"), format!("{stats:?}\n")).expect("write stats");
}
