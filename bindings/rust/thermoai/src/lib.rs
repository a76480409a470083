// SPDX-License-Identifier: MIT
//! Safe Rust API of libthermoai.
//!
//! Every C function with a status becomes a function returning [`Result`]: the outputs
//! on success, an [`Error`] carrying the status code and its name
//! (`"THERMOAI_E_INVALID"`) otherwise, so no NaN ever reaches the caller. Arrays are
//! slices (lengths checked against the documented shape before the call; outputs are
//! `Vec`s); handles ([`Ssa`], [`Ib`], [`RdBa`], [`Scheduler`], [`GraphSampler`]) own their
//! C object and free it on drop; size-field structs come with builders over the
//! library's defaults ([`EntropyParamsBuilder`], ...) and [`Struct::blank`].
//!
//! ```no_run
//! let arch = thermoai::model_preset_find("llama-2-7b").unwrap();
//! let ter = thermoai::ter_per_token(&arch, None, 0.4).unwrap();
//! assert!(ter > 1.0);
//! ```
use std::ffi::CStr;
use std::fmt;
use std::os::raw::{c_char, c_int};

pub use thermoai_sys as sys;

mod generated;
pub use generated::*;

/// A status other than THERMOAI_OK from a library call (or a slice of the wrong length,
/// reported as THERMOAI_E_SIZE before the call).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The status code (`sys::THERMOAI_E_*`; a newer library may return others).
    pub status: c_int,
    /// Its symbolic name, e.g. "THERMOAI_E_RANGE".
    pub name: String,
    /// The C function that returned it.
    pub function: &'static str,
    /// The library's description (or the length mismatch).
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.function, self.message, self.name)
    }
}

impl std::error::Error for Error {}

/// The result of every fallible call.
pub type Result<T> = std::result::Result<T, Error>;

/// Symbolic name of a status code ("THERMOAI_E_UNKNOWN" for unknown codes).
pub fn status_name(status: c_int) -> String {
    c_text(unsafe { sys::thermoai_status_name(status) }).unwrap_or_default()
}

/// English description of a status code.
pub fn strerror(status: c_int) -> String {
    c_text(unsafe { sys::thermoai_strerror(status) }).unwrap_or_default()
}

pub(crate) fn check(status: c_int, function: &'static str) -> Result<()> {
    if status == sys::THERMOAI_OK {
        Ok(())
    } else {
        Err(Error { status, name: status_name(status), function, message: strerror(status) })
    }
}

pub(crate) fn shape_error(function: &'static str, message: &str) -> Error {
    Error {
        status: sys::THERMOAI_E_SIZE,
        name: status_name(sys::THERMOAI_E_SIZE),
        function,
        message: message.to_string(),
    }
}

pub(crate) fn c_text(p: *const c_char) -> Option<String> {
    if p.is_null() {
        None
    } else {
        // SAFETY: the library returns static NUL-terminated strings.
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }
}

/// Construction of the C structs over the library's defaults.
pub trait Struct: Sized {
    /// The struct as its `_init` function leaves it (or zeroed with `struct_size` set).
    fn blank() -> Self;
}

/// SSA plan timings: attach a clock (a closure is not needed: any `extern "C"` function).
pub fn ssa_set_clock(plan: &mut Ssa, clock: sys::thermoai_clock_fn) -> Result<()> {
    check(
        unsafe { sys::thermoai_ssa_set_clock(plan.as_ptr(), Some(clock), std::ptr::null_mut()) },
        "thermoai_ssa_set_clock",
    )
}

/// The integral of `f` over `[t0_s, t1_s]` (adaptive Gauss-Kronrod): (value, error).
/// A panic inside `f` is not allowed to cross the C frames: it aborts the process.
pub fn quadrature_integrate<F: FnMut(f64) -> f64>(
    mut f: F,
    t0_s: f64,
    t1_s: f64,
    rel_tol: f64,
) -> Result<(f64, f64)> {
    unsafe extern "C" fn tramp<F: FnMut(f64) -> f64>(
        t: f64,
        user: *mut std::os::raw::c_void,
        out: *mut f64,
    ) -> c_int {
        let f = &mut *(user as *mut F);
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(t))) {
            Ok(v) => {
                *out = v;
                0
            }
            Err(_) => 1,
        }
    }
    let mut r = sys::thermoai_result { val: f64::NAN, err: f64::NAN };
    check(
        unsafe {
            sys::thermoai_quadrature_integrate(
                Some(tramp::<F>),
                &mut f as *mut F as *mut std::os::raw::c_void,
                t0_s,
                t1_s,
                rel_tol,
                &mut r,
            )
        },
        "thermoai_quadrature_integrate",
    )?;
    Ok((r.val, r.err))
}

/// (lo, hi) of `coefficient * prod(x_i ^ p_i)` over positive intervals `factors`.
pub fn interval_monomial(coefficient: f64, factors: &[Interval], powers: &[i32]) -> Result<Interval> {
    if factors.len() != powers.len() {
        return Err(shape_error("thermoai_interval_monomial", "factors and powers differ in length"));
    }
    let mut out = Interval { lo: f64::NAN, hi: f64::NAN };
    check(
        unsafe {
            sys::thermoai_interval_monomial(coefficient, factors.as_ptr(), powers.as_ptr(),
                                            factors.len(), &mut out)
        },
        "thermoai_interval_monomial",
    )?;
    Ok(out)
}
