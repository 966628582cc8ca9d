//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz, a separate
//! crate): each takes arbitrary bytes and runs one input path end to end,
//! rendering every terminal and machine format, so a panic anywhere on the
//! way is a crash the fuzzer reports. Not part of the command line.

use crate::config::{self, ConfigFile};
use crate::load::RawFile;
use crate::rules;

/// Where the fuzzed file sits, by its first byte: each path has its own
/// schema and rules.
const PATHS: [&str; 8] = [
    "catalog.json",
    "regions.json",
    "departments.json",
    "materials.json",
    "items/630101001000.json",
    "local/630100/630101001000.json",
    "bundles/b.json",
    "agencies/630100.json",
];

/// The shipped `rules/`, compiled once per process.
fn shipped() -> &'static config::Loaded {
    static CFG: std::sync::OnceLock<config::Loaded> = std::sync::OnceLock::new();
    CFG.get_or_init(|| config::load(None, &rules::known))
}

/// Lint a catalog of one file (its kind picked by the first byte) with the
/// shipped rules, and render the findings in every format.
pub fn lint_one_file(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let cfg = shipped();
    let file = RawFile {
        path: PATHS[usize::from(kind) % PATHS.len()].to_string(),
        bytes: Ok(bytes.to_vec()),
    };
    let Ok(out) = crate::lint::lint(vec![file], cfg, "2026-06-01") else {
        return;
    };
    let _ = crate::reports::human(&out, true, false);
    let _ = crate::reports::concise(&out, true);
    let _ = crate::reports::json(&out, true);
    let _ = crate::reports::sarif(&out, &crate::config::raw::ProvinceDocuments::default());
}

/// `check-text` on arbitrary text, both outputs.
pub fn check_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(cfg) = &shipped().config else {
        return;
    };
    let _ = super::check_text::check(&text, cfg, "/conditions/0", false);
    let _ = super::check_text::check(&text, cfg, "/conditions/0", true);
}

/// Compile `rules/` with one of its files (by the first byte) replaced by
/// the bytes, and render a refusal as `lint` would.
pub fn compile_rules(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let which = ConfigFile::ALL[usize::from(which) % ConfigFile::ALL.len()];
    let files = ConfigFile::ALL.map(|f| RawFile {
        path: f.name().to_string(),
        bytes: Ok(if f == which {
            bytes.to_vec()
        } else {
            f.default_text().as_bytes().to_vec()
        }),
    });
    let loaded = config::compile_files(files, &rules::known);
    if let Err(invalid) = &loaded.config {
        let _ = crate::rules::config_findings(invalid);
    }
}

/// The fixture registry of the import tests, read from the files compiled
/// in (`tests/import/registry`), once per process.
fn import_registry() -> Option<&'static crate::import::build::Registry> {
    static REG: std::sync::OnceLock<Option<crate::import::build::Registry>> = std::sync::OnceLock::new();
    REG.get_or_init(|| {
        macro_rules! fixture {
            ($name:literal) => {
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/import/registry/",
                    $name
                ))
            };
        }
        let agencies_text = fixture!("agencies/630100.json");
        let agencies: crate::catalog::AgenciesFile = serde_json::from_str(agencies_text).ok()?;
        let regions: crate::catalog::RegionsFile = serde_json::from_str(fixture!("regions.json")).ok()?;
        let departments: crate::catalog::DepartmentsFile = serde_json::from_str(fixture!("departments.json")).ok()?;
        let materials_text = fixture!("materials.json");
        let materials: crate::catalog::MaterialsFile = serde_json::from_str(materials_text).ok()?;
        Some(crate::import::build::Registry {
            meta: serde_json::from_str(fixture!("catalog.json")).ok()?,
            regions: regions.regions,
            departments: departments.departments,
            materials: materials.materials,
            materials_file: serde_json::from_str(materials_text).ok(),
            agencies_files: [("630100".to_string(), serde_json::from_str(agencies_text).ok()?)].into(),
            agencies: [("630100".to_string(), agencies.agencies)].into(),
            items: Default::default(),
            existing: [
                "catalog.json",
                "regions.json",
                "departments.json",
                "materials.json",
                "agencies/630100.json",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
        })
    })
    .as_ref()
}

/// `import` on an export of arbitrary bytes: read the records (JSON Lines
/// or CSV with one of four delimiters, by the first byte), plan the files
/// against the fixture registry and render the report.
pub fn import_records(data: &[u8]) {
    use crate::import::read::{self, InputFormat};
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let format = if how & 1 == 0 {
        InputFormat::Jsonl
    } else {
        InputFormat::Csv
    };
    let delimiter = [b',', b'\t', b';', b'|'][usize::from(how >> 1) % 4];
    let (records, problems) = read::read(bytes, format, delimiter);
    let (Some(reg), Ok(cfg)) = (import_registry(), &shipped().config) else {
        return;
    };
    let opts = crate::import::build::Options {
        reference: None,
        force: how & 0x80 != 0,
        date: "2026-06-01".into(),
        uniform: cfg.uniform_elements.clone(),
        synonyms: cfg.synonyms.clone(),
    };
    let mapping = crate::import::Mapping::default();
    let plan = crate::import::plan(records, problems, &mapping, reg, &opts);
    let _ = crate::import::report::render(&plan.summary, &plan.files, "export", "catalog", false);
}

/// Split fuzz data into a file kind and two versions of one file: the
/// first byte picks the kind, the versions are separated by the first
/// 0xFF byte (never in UTF-8), else the data is split in half.
fn two_versions(data: &[u8]) -> Option<(&'static str, &[u8], &[u8])> {
    let (&kind, rest) = data.split_first()?;
    let (a, b) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => rest.split_at(rest.len() / 2),
    };
    Some((PATHS[usize::from(kind) % PATHS.len()], a, b))
}

/// `diff` of two versions of one file: the semantic diff, the diff rules
/// and the three renderings.
pub fn diff_files(data: &[u8]) {
    use crate::analysis::diff::Side;
    let Some((path, old, new)) = two_versions(data) else {
        return;
    };
    let Ok(cfg) = &shipped().config else {
        return;
    };
    let side = |bytes: &[u8]| {
        crate::load::parse(
            vec![RawFile {
                path: path.to_string(),
                bytes: Ok(bytes.to_vec()),
            }],
            0,
        )
    };
    let (base, head) = (side(old), side(new));
    let checked = crate::lint::changes::check(
        &Side {
            label: "HEAD",
            loaded: &base,
        },
        &Side {
            label: "工作区",
            loaded: &head,
        },
        cfg,
        "2026-06-01",
    );
    let (d, f) = (&checked.diff, &checked.findings);
    let _ = crate::reports::diff_human::render(d, f, "HEAD", "工作区");
    let _ = crate::reports::diff_markdown::render(d, f, "HEAD", "工作区");
    let _ = crate::reports::diff_json::render(d, f, "HEAD", "工作区");
}

/// The clean fixture catalog (`tests/cases/clean`), compiled in.
const GUIDE_FILES: [(&str, &str); 8] = {
    macro_rules! clean {
        ($name:literal) => {
            (
                $name,
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/cases/clean/catalog/",
                    $name
                )),
            )
        };
    }
    [
        clean!("local/630100/630101001000.json"),
        clean!("items/630101001000.json"),
        clean!("bundles/test-bundle.json"),
        clean!("agencies/630100.json"),
        clean!("catalog.json"),
        clean!("departments.json"),
        clean!("materials.json"),
        clean!("regions.json"),
    ]
};

/// One guide page: the clean fixture catalog with one of its files (by
/// the first byte) replaced by the bytes; when lint finds no error (as
/// `guide` requires), every page of the site is rendered.
pub fn guide_page(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let which = usize::from(which) % GUIDE_FILES.len();
    let files = GUIDE_FILES
        .iter()
        .enumerate()
        .map(|(i, (path, text))| RawFile {
            path: path.to_string(),
            bytes: Ok(if i == which {
                bytes.to_vec()
            } else {
                text.as_bytes().to_vec()
            }),
        })
        .collect();
    let cfg = shipped();
    let Ok((out, catalog)) = crate::lint::lint_model(files, cfg, "2026-06-01", crate::lint::Keep::Errors) else {
        return;
    };
    if out
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diag::Severity::Error)
    {
        return;
    }
    let Ok(config) = config::load(None, &rules::known).config else {
        return;
    };
    let site = crate::reports::guide::Site::build(catalog, config, Default::default());
    for i in 0..site.len() {
        let _ = site.render(i);
    }
}
