//! Which catalog a path on the command line belongs to: the nearest
//! directory, the path itself or above it, holding `catalog.json` or
//! `regions.json` (the two root files of every catalog; either one is
//! enough, so a catalog missing one is still found and its missing file
//! reported by the rules). Cross-file checks need the whole catalog, so
//! `lint catalog/local` lints the catalog and reports what is under the
//! path.

use std::path::{Component, Path, PathBuf};

/// Files whose presence marks a catalog's root directory.
pub const ROOT_MARKERS: [&str; 2] = ["catalog.json", "regions.json"];

/// The catalog some paths belong to, and what in it they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The catalog's root directory.
    pub root: PathBuf,
    /// The paths relative to the root, '/'-separated (files or
    /// directories); empty when a path is the root itself (everything).
    pub selected: Vec<String>,
}

impl Target {
    /// Whether the whole catalog is selected.
    pub fn whole(&self) -> bool {
        self.selected.is_empty()
    }
}

/// Find the catalog of every path (all must share one) and what each
/// names in it. Errors are Chinese sentences naming the path.
pub fn find_catalog(paths: &[PathBuf]) -> Result<Target, String> {
    let mut root: Option<PathBuf> = None;
    let mut selected = Vec::new();
    let mut whole = false;
    for path in paths {
        if !path.exists() {
            return Err(format!("路径不存在：{}", path.display()));
        }
        let (r, rel) = catalog_of(path).ok_or_else(|| {
            format!(
                "{} 不在任何目录之内：它本身及其上级目录中都没有 catalog.json 或 regions.json",
                path.display()
            )
        })?;
        match &root {
            Some(first) if !same_dir(first, &r) => {
                return Err(format!(
                    "路径分属不同的目录（{} 与 {}）；请分别检查",
                    first.display(),
                    r.display()
                ))
            }
            Some(_) => {}
            None => root = Some(r),
        }
        whole |= rel.is_empty();
        selected.push(rel);
    }
    let root = root.unwrap_or_else(|| PathBuf::from("catalog"));
    if whole {
        selected.clear();
    }
    Ok(Target { root, selected })
}

/// The root of the catalog `path` is in and the path relative to it:
/// first by the path's own ancestors as written (so reports show paths
/// as the user typed them), then through the absolute path (`lint .` from
/// inside `catalog/items`).
fn catalog_of(path: &Path) -> Option<(PathBuf, String)> {
    for anc in path.ancestors() {
        let dir = if anc.as_os_str().is_empty() {
            Path::new(".")
        } else {
            anc
        };
        if is_root(dir) {
            let rel = path.strip_prefix(anc).ok()?;
            return Some((dir.to_path_buf(), slash(rel)));
        }
    }
    let abs = std::fs::canonicalize(path).ok()?;
    let root = abs.ancestors().find(|a| is_root(a))?;
    let rel = abs.strip_prefix(root).ok()?;
    Some((root.to_path_buf(), slash(rel)))
}

fn is_root(dir: &Path) -> bool {
    dir.is_dir() && ROOT_MARKERS.iter().any(|m| dir.join(m).is_file())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    a == b || matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// A relative path as '/'-joined names, `.` left out.
fn slash(rel: &Path) -> String {
    rel.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether the catalog file `file` (relative to the root) is under the
/// selected path `sel` (a file or a directory, relative to the root).
pub fn is_under(file: &str, sel: &str) -> bool {
    sel.is_empty() || file == sel || file.strip_prefix(sel).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        let c = d.path().join("catalog");
        std::fs::create_dir_all(c.join("items")).unwrap();
        std::fs::create_dir_all(c.join("local/630100")).unwrap();
        std::fs::write(c.join("catalog.json"), "{}").unwrap();
        std::fs::write(c.join("items/630101001000.json"), "{}").unwrap();
        d
    }

    #[test]
    fn the_root_is_found_upward_from_files_and_directories() {
        let d = catalog();
        let c = d.path().join("catalog");
        let t = find_catalog(&[c.join("local/630100"), c.join("items/630101001000.json")]).unwrap();
        assert_eq!(t.root, c);
        assert_eq!(t.selected, ["local/630100", "items/630101001000.json"]);
        let t = find_catalog(&[c.join("items"), c.clone()]).unwrap();
        assert!(t.whole());
    }

    #[test]
    fn a_path_outside_any_catalog_or_missing_is_an_error_naming_it() {
        let d = catalog();
        let e = find_catalog(&[d.path().to_path_buf()]).unwrap_err();
        assert!(
            e.contains(&d.path().display().to_string()) && e.contains("catalog.json"),
            "{e}"
        );
        let e = find_catalog(&[d.path().join("catalog/nosuch")]).unwrap_err();
        assert!(e.starts_with("路径不存在"), "{e}");
    }

    #[test]
    fn two_catalogs_at_once_are_refused() {
        let (a, b) = (catalog(), catalog());
        let e = find_catalog(&[a.path().join("catalog"), b.path().join("catalog/items")]).unwrap_err();
        assert!(e.contains("不同的目录"), "{e}");
    }

    #[test]
    fn under_means_the_file_or_inside_the_directory() {
        assert!(is_under("local/630100/a.json", "local"));
        assert!(is_under("local/630100/a.json", "local/630100/a.json"));
        assert!(!is_under("localx/a.json", "local"));
        assert!(is_under("items/a.json", ""));
    }
}
