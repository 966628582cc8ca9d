//! Puts the version into `TONGBIAO_VERSION`: the package version, and the
//! short commit when built from a git checkout. Without git (a tarball, no
//! `git` installed) it is the package version alone, silently.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = env!("CARGO_PKG_VERSION");
    // Only a checkout of this crate counts, not a repository around it.
    let top = git(&["rev-parse", "--show-toplevel"]);
    let here = std::env::var("CARGO_MANIFEST_DIR").ok();
    let ours = match (top, here) {
        (Some(t), Some(h)) => std::fs::canonicalize(t).ok() == std::fs::canonicalize(h).ok(),
        _ => false,
    };
    let commit = if ours {
        git(&["rev-parse", "--short", "HEAD"])
    } else {
        None
    };
    match commit {
        Some(c) => {
            for r in ["HEAD", "packed-refs"] {
                if let Some(p) = git(&["rev-parse", "--git-path", r]) {
                    println!("cargo:rerun-if-changed={p}");
                }
            }
            if let Some(p) = git(&["symbolic-ref", "-q", "HEAD"]).and_then(|r| git(&["rev-parse", "--git-path", &r])) {
                println!("cargo:rerun-if-changed={p}");
            }
            println!("cargo:rustc-env=TONGBIAO_VERSION={version}（提交 {c}）");
        }
        None => println!("cargo:rustc-env=TONGBIAO_VERSION={version}"),
    }
}
