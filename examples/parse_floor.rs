//! The parse floor for `scripts/bench_scale.py` (issue 14): walk a catalog
//! tree, read every `*.json` file and parse it with serde_json into a
//! `Value`, in parallel with rayon — the least work any linter of the same
//! tree must do. Prints the file count and total bytes so the run can be
//! checked against the tree.
//!
//!     cargo build --release --example parse_floor
//!     target/release/examples/parse_floor /tmp/tb/catalog

use rayon::prelude::*;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: parse_floor DIR");
        std::process::exit(2);
    };
    let paths: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let (files, bytes, parsed) = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            let ok = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
            (1usize, bytes.len(), usize::from(ok))
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    println!("{files} files, {bytes} bytes, {parsed} parsed");
}
