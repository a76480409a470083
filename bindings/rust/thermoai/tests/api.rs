// SPDX-License-Identifier: MIT
//! The Rust crates against the built library. Expected values are derived here from
//! the exact k_B and ln 2, or from another function of the library's documented algebra.
use thermoai::sys;
use thermoai::{EntropyParamsBuilder, SsaParamsBuilder, Struct};

const KB: f64 = 1.380649e-23;

#[test]
fn values() {
    let e = thermoai::landauer_energy_per_bit_j(300.0).unwrap();
    assert!((e / (KB * 300.0 * std::f64::consts::LN_2) - 1.0).abs() < 1e-15);
    let e9 = thermoai::landauer_energy_j(1e9, 300.0).unwrap();
    assert!((e9 / (1e9 * e) - 1.0).abs() < 1e-14);
    assert_eq!(thermoai::ter_landauer_share(4.0).unwrap(), 0.25);
    let (lo, hi) = thermoai::ter_gap_product(&[1e4, 1e1, 1e2, 1e1], &[1e4, 1e1, 1e3, 1e2], 4).unwrap();
    assert_eq!((lo, hi), (1e8, 1e10));
}

#[test]
fn errors_carry_the_status_name() {
    let err = thermoai::landauer_energy_j(f64::NAN, 300.0).unwrap_err();
    assert_eq!(err.status, sys::THERMOAI_E_NONFINITE);
    assert_eq!(err.name, "THERMOAI_E_NONFINITE");
    assert_eq!(err.function, "thermoai_landauer_energy_j");
    assert!(err.to_string().contains("THERMOAI_E_NONFINITE"));
    let err = thermoai::landauer_energy_j(-1.0, 300.0).unwrap_err();
    assert_eq!(err.name, "THERMOAI_E_INVALID");
    let err = thermoai::model_preset_find("no-such-model").unwrap_err();
    assert_eq!(err.status, sys::THERMOAI_E_NOT_FOUND);
    // a slice of the wrong length never reaches the library
    let err = thermoai::pmf_entropy_bits(&[0.5, 0.5], 3).unwrap_err();
    assert_eq!(err.name, "THERMOAI_E_SIZE");
}

#[test]
fn every_exported_symbol_is_declared() {
    // make check copies the crates out of the (read-only) source tree and names the file
    let path = std::env::var("THERMOAI_ABI_SYMBOLS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../abi/exported-symbols.txt").to_string()
    });
    let text = std::fs::read_to_string(&path).expect("abi/exported-symbols.txt");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let sym = line.split('@').next().unwrap().trim();
        assert!(sys::FUNCTIONS.contains(&sym), "{} has no declaration", sym);
        n += 1;
    }
    assert!(n > 250);
    assert_eq!(n, sys::FUNCTIONS.len());
}

#[test]
fn struct_layouts_match_the_library() {
    let mut checked = 0;
    for (name, size, query) in sys::struct_sizes() {
        if let Some(q) = query {
            assert_eq!(size, unsafe { q() }, "{}", name);
            checked += 1;
        }
    }
    assert!(checked >= 29);
}

#[test]
fn builders_and_presets() {
    let p = EntropyParamsBuilder::new().seq_len(2048).build();
    assert_eq!(p.saturation_fraction, 0.15); // the library default kept
    assert_eq!(p.seq_len, 2048);
    let arch = thermoai::model_preset_find("gpt-3-175b").unwrap();
    let b = thermoai::entropy_token(&arch, Some(&p)).unwrap();
    assert_eq!(b.attention_bits, 195552.0); // paper 000 Sec. 3.2: 96 (128*16 - 11)
    let bound = thermoai::entropy_token_energy_j(&arch, None).unwrap();
    let ter = thermoai::ter_per_token(&arch, None, 0.004).unwrap();
    assert!((ter * bound / 0.004 - 1.0).abs() < 1e-14);
    let (name, source, _) = thermoai::model_preset_info(0).unwrap();
    assert!(name.is_some() && source.is_some());
}

#[test]
fn ssa_handle_owns_and_drops() {
    let (n, d) = (64usize, 8usize);
    let sp = thermoai::SynthParamsBuilder::new().seed(1).build();
    let (q, k, v, labels) = thermoai::synth_generate(n, d, Some(&sp)).unwrap();
    assert_eq!(labels.len(), n);
    let dense = thermoai::attention_dense(n, d, &q, &k, &v, 0).unwrap();
    let params = SsaParamsBuilder::new().variant(sys::THERMOAI_SSA_IMPORTANCE).clusters(1).build();
    let mut plan = thermoai::ssa_create(n, d, Some(&params)).unwrap();
    let y = thermoai::ssa_execute(&mut plan, &q, &k, &v).unwrap();
    let stats = thermoai::ssa_get_stats(&plan).unwrap();
    assert_eq!(stats.exact_pairs, (n * n) as f64);
    let err = y.iter().zip(dense.iter()).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
    assert!(err < 1e-5);
    assert!(thermoai::ssa_execute(&mut plan, &q[1..], &k, &v).is_err());
    drop(plan);
    let err = thermoai::ssa_create(10, 4, Some(&SsaParamsBuilder::new().clusters(11).build()))
        .unwrap_err();
    assert_eq!(err.name, "THERMOAI_E_INVALID");
}

#[test]
fn quadrature_through_a_closure() {
    let (val, _err) = thermoai::quadrature_integrate(|t| t * t, 0.0, 1.0, 1e-12).unwrap();
    assert!((val - 1.0 / 3.0).abs() < 1e-14);
    let blank = <sys::thermoai_entropy_params as Struct>::blank();
    assert_eq!(blank.struct_size as usize, std::mem::size_of::<sys::thermoai_entropy_params>());
}
