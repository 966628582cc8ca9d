#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tongbiao::commands::fuzzing::lint_one_file(data);
});
