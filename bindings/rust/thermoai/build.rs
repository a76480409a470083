// SPDX-License-Identifier: MIT
//! An rpath to the directory where thermoai-sys found libthermoai, so that this crate's
//! tests and examples run without LD_LIBRARY_PATH (link args do not cross crates).
fn main() {
    if let Ok(dir) = std::env::var("DEP_THERMOAI_LIBDIR") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir);
    }
}
