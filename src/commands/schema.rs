//! `tongbiao schema`: write (or check) the JSON Schemas generated from the
//! model and from the raw `rules/` types.

use std::path::Path;

use super::{Outcome, Status};
use crate::{config, schema};

pub(super) fn run(path: &Path, check: bool) -> Outcome {
    let catalog_dir = path.join(schema::SCHEMA_DIR);
    let rules_dir = path.join("..").join("rules").join(schema::SCHEMA_DIR);
    let mapping = crate::import::mapping_schema();
    let mapping_file = path.join("..").join(mapping.dir).join(mapping.file_name);
    let all = schema::rendered()
        .into_iter()
        .map(|(n, t)| (catalog_dir.join(n), t))
        .chain(
            config::rendered_schemas()
                .into_iter()
                .map(|(n, t)| (rules_dir.join(n), t)),
        )
        .chain(std::iter::once((mapping_file, mapping.text())))
        .chain(std::iter::once((
            path.join("..").join("docs/schema/baseline.schema.json"),
            crate::lint::baseline::schema_text(),
        )))
        .chain(std::iter::once((
            path.join("..").join("docs/schema/guide.schema.json"),
            crate::reports::guide::guide_schema_text(),
        )));
    let mut o = Outcome::default();
    let mut drift = Vec::new();
    for (file, text) in all {
        if std::fs::read_to_string(&file).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            drift.push(file.display().to_string());
            continue;
        }
        o.write(file.clone(), text, false);
        o.out(format!("已更新 {}\n", file.display()));
    }
    if !drift.is_empty() {
        o.err(format!(
            "以下 Schema 与数据模型不一致，请运行 tongbiao schema {} 重新生成：\n  {}\n",
            path.display(),
            drift.join("\n  ")
        ));
        o.status = Status::Findings;
    }
    o
}

#[cfg(test)]
mod tests {
    /// Every committed schema — catalog, rules/, import mapping, baseline
    /// and guide JSON — matches what `tongbiao schema` would write (a model
    /// change merged without regenerating docs/schema/ once slipped by).
    #[test]
    fn every_committed_schema_matches_the_model() {
        let catalog = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let out = super::run(&catalog, true);
        assert!(out.status == super::Status::Clean, "{:?}", out.steps);
    }
}
