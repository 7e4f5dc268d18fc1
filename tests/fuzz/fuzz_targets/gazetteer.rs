//! Fuzz target `gazetteer`: see `boussole_tests::targets::gazetteer`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::gazetteer(data));
