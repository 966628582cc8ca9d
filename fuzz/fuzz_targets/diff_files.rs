#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tongbiao::commands::fuzzing::diff_files(data);
});
