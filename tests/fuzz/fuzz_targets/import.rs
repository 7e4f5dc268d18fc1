//! Fuzz target `import`: see `boussole_tests::targets::import`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| boussole_tests::targets::import(data));
