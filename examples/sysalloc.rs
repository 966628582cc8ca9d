//! The CLI on the system allocator, for heap profilers that hook malloc
//! (`heaptrack`, `valgrind --tool=massif`); the `tongbiao` binary uses
//! mimalloc, which they cannot see.
//!
//!     cargo build --release --example sysalloc
//!     heaptrack target/release/examples/sysalloc lint catalog

fn main() {
    std::process::exit(tongbiao::output::run());
}
