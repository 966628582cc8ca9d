// mimalloc instead of glibc malloc: lint and guide allocate millions of
// small strings across threads (measured in docs/benchmarks.md, issue 10).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `enum mi_option_e` (mimalloc.h);
/// libmimalloc-sys names no constant for it (the test below checks it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Freed memory goes back to the OS at once rather than after 1 s:
    // with the default delay lint's peak RSS grows by a third against
    // glibc's (10k catalog, `lint --format json`: 227-271 MB against
    // 176-178 MB; 186-196 MB with 0). MIMALLOC_PURGE_DELAY still
    // overrides it.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets an integer option of the allocator; no memory is touched.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
    std::process::exit(tongbiao::output::run());
}

#[cfg(test)]
mod tests {
    #[test]
    fn option_15_is_the_purge_delay() {
        // Its default is 1000 (ms, options.c of mimalloc 3); the options
        // beside it (14, 16) default to 1 and 0.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads an integer option.
            assert_eq!(
                unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) },
                1000
            );
        }
    }
}
