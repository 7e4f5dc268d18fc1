//! Fuzz target `payload`: see `boussole_tests::targets::payload`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::payload(data));
