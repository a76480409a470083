// SPDX-License-Identifier: MIT
//! Finds libthermoai: $THERMOAI_LIB_DIR (a directory holding libthermoai.so, set by
//! `make check`), else `pkg-config --libs thermoai`, else the build tree of an in-tree
//! build (../../../lib/.libs). An rpath to the directory found is added so that tests
//! and examples run without LD_LIBRARY_PATH.
use std::env;
use std::path::Path;
use std::process::Command;

fn pkg_config() -> Option<String> {
    let out = Command::new("pkg-config")
        .args(&["--variable=libdir", "thermoai"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let dir = String::from_utf8(out.stdout).ok()?.trim().to_string();
    if dir.is_empty() {
        None
    } else {
        Some(dir)
    }
}

fn main() {
    println!("cargo:rerun-if-env-changed=THERMOAI_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap();
    let tree = Path::new(&manifest).join("../../../lib/.libs");
    let dir = env::var("THERMOAI_LIB_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .or_else(pkg_config)
        .or_else(|| {
            if tree.join("libthermoai.so").exists() {
                Some(tree.to_string_lossy().into_owned())
            } else {
                None
            }
        });
    if let Some(d) = dir {
        println!("cargo:rustc-link-search=native={}", d);
        println!("cargo:rustc-link-arg=-Wl,-rpath,{}", d);
        println!("cargo:libdir={}", d);
    }
    println!("cargo:rustc-link-lib=dylib=thermoai");
}
