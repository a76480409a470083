// SPDX-License-Identifier: MIT
//! The worked example in Rust: see examples/worked/ter_worked.c.
fn main() -> Result<(), thermoai::Error> {
    let arch = thermoai::model_preset_find("llama-2-7b")?;
    let ter = thermoai::ter_per_token(&arch, None, 0.4)?;
    // {:e} of Rust and %.17g of C differ in form: print the same 17 digits as C does
    println!("TER llama-2-7b at 0.4 J/token: {} (bits 0x{:016x})", g17(ter), ter.to_bits());
    Ok(())
}

/// `%.17g` of a finite positive double (the form C, C++ and Python print).
fn g17(x: f64) -> String {
    let e = format!("{:.16e}", x); // d.dddddddddddddddde[-]X
    let (mant, exp) = e.split_at(e.find('e').unwrap());
    let exp: i32 = exp[1..].parse().unwrap();
    if (-5..17).contains(&exp) {
        let s = format!("{:.*}", (16 - exp).max(0) as usize, x);
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    } else {
        let m = mant.trim_end_matches('0').trim_end_matches('.');
        format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}
