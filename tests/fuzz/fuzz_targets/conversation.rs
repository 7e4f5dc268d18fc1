//! Fuzz target `conversation`: see `boussole_tests::targets::conversation`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::conversation(data));
