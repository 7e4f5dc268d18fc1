//! Fuzz target `toml`: see `boussole_tests::targets::toml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::toml(data));
