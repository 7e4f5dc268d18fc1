//! Fuzz target `snapshot`: see `boussole_tests::targets::snapshot`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::snapshot(data));
