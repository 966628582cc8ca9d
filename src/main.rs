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
    no_huge_pages();
    std::process::exit(tongbiao::output::run());
}

/// No transparent huge pages for this process. mimalloc advises them for
/// the arena it reserves before `main` runs, so each first touch of 2 MiB
/// zeroes all of it and each purge splits them again: `lint` of 100k files
/// spent ~14% of its CPU zeroing pages (perf, issue 14; the figures with
/// and without are in docs/benchmarks.md). The flag is read at each page
/// fault, so setting it now covers the arena reserved earlier. Setting
/// `MIMALLOC_ALLOW_THP` keeps the system's policy.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: prctl with PR_SET_THP_DISABLE takes integer arguments
        // and touches no memory; a failure (old kernel) changes nothing.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
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
