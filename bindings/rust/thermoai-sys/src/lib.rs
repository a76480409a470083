// SPDX-License-Identifier: MIT
//! Raw declarations of libthermoai: every exported function, struct (repr(C)), opaque
//! handle, callback type, constant and status code of `include/thermoai/*.h`, written
//! by `tools/gen_bindings.py` from the headers (`make check` fails when stale). Status
//! codes are plain `c_int` constants, never a Rust enum: a newer library may return a
//! code this crate does not know. The safe layer is the `thermoai` crate.
#![allow(non_camel_case_types, non_upper_case_globals, clippy::missing_safety_doc)]

mod generated;
pub use generated::*;
