//! Reading a mapping file like a `rules/` file: bytes, JSON syntax,
//! duplicate keys and the schema (every problem at once, each at its
//! place), then every entry checked. Problems come back as findings
//! located by line and column, ready for `report::human`.

use std::sync::OnceLock;

use serde_json::Value;

use super::compile::{compile, FILE};
use super::raw::RawMapping;
use super::Mapping;
use crate::diag::{Diagnostic, Severity};
use crate::lint::Outcome;
use crate::load::{self, Problem, RawFile};
use crate::schema::{Schema, Violation};
use crate::source::{SourceFile, Sources};

/// The schema of mapping files, generated from [`RawMapping`]; committed
/// as docs/schema/mapping.schema.json.
pub(crate) fn schema() -> &'static Schema {
    static S: OnceLock<Schema> = OnceLock::new();
    S.get_or_init(|| {
        let mut value = schemars::schema_for!(RawMapping).to_value();
        crate::catalog::strip_null(&mut value);
        Schema::new(value, "mapping.schema.json", "docs/schema")
    })
}

/// Read a mapping file (`path` as shown in messages) on top of the default
/// mapping; its problems, all of them, as located findings.
pub(crate) fn read(path: &str, bytes: Vec<u8>) -> Result<Mapping, Box<Outcome>> {
    let raw = RawFile {
        path: path.to_string(),
        bytes: Ok(bytes),
    };
    let (src, problems, typed) = load::parse_document::<RawMapping>(raw, schema());
    // A byte-order mark is harmless here: editors on Windows write one.
    let problems: Vec<Problem> = problems
        .into_iter()
        .filter(|p| !matches!(p, Problem::Bom { .. }))
        .collect();
    let entries = typed.or_else(|| without_refused(&src, &problems)).map(compile);
    let entry_problems = match entries {
        Some(Ok(mapping)) if problems.is_empty() => return Ok(mapping),
        Some(Err(p)) => p,
        Some(Ok(_)) | None => Vec::new(),
    };
    let findings: Vec<Diagnostic> = problems
        .iter()
        .map(|p| crate::rules::load_finding(FILE, p))
        .chain(entry_problems.iter().map(crate::rules::config_invalid::finding))
        .map(|mut d| {
            // A mapping that did not read as written must not import.
            d.severity = Severity::Error;
            d
        })
        .collect();
    let sources = Sources { files: vec![src] };
    let mut out = crate::lint::located(sources, findings);
    out.stats.files = 1;
    Err(Box::new(out))
}

/// The file read again without the values the schema refused (unknown
/// keys, values of the wrong type or not in a code list), so that its other
/// entries are checked in the same run. `None` when the file has problems
/// of other kinds, or still does not read.
fn without_refused(src: &SourceFile, problems: &[Problem]) -> Option<RawMapping> {
    if !problems
        .iter()
        .all(|p| matches!(p, Problem::Schema(_) | Problem::DuplicateKey { .. }))
    {
        return None;
    }
    let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
    let mut value: Value = serde_json::from_str(text).ok()?;
    for p in problems {
        if let Problem::Schema(Violation::UnknownField { pointer, .. } | Violation::Invalid { pointer, .. }) = p {
            remove(&mut value, pointer);
        }
    }
    serde_json::from_value(value).ok()
}

/// Remove the value at `pointer` from the object that holds it.
fn remove(root: &mut Value, pointer: &str) {
    let mut segments: Vec<String> = crate::spans::segments(pointer).collect();
    let Some(key) = segments.pop() else { return };
    let parent = segments.iter().try_fold(root, |v, s| match v {
        Value::Object(o) => o.get_mut(s),
        _ => None,
    });
    if let Some(Value::Object(o)) = parent {
        o.remove(&key);
    }
}

/// A mapping from JSON text, or its findings' messages (for tests).
#[cfg(test)]
pub(crate) fn from_json(text: &str) -> Result<Mapping, String> {
    read("mapping.json", text.as_bytes().to_vec()).map_err(|out| {
        let msgs: Vec<String> = out.diagnostics.iter().map(|d| d.message.to_string()).collect();
        msgs.join("\n")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::DeadlineUnit;
    use crate::import::mapping::{apply, Target};

    /// (line, column, rule, message) of each finding.
    fn findings(text: &str) -> Vec<(usize, usize, &'static str, String)> {
        let out = read("mapping.json", text.as_bytes().to_vec()).expect_err("the mapping must fail");
        assert!(out.diagnostics.iter().all(|d| d.severity == Severity::Error));
        out.diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.rule, d.message.to_string()))
            .collect()
    }

    #[test]
    fn committed_schema_matches_the_raw_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/mapping.schema.json");
        let text = schema().text();
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "docs/schema/mapping.schema.json drifted from import::mapping::raw: run `cargo run -- schema catalog` and commit"
        );
    }

    #[test]
    fn a_mapping_file_renames_ignores_and_parses() {
        let m = from_json(
            r#"{
              "$schema": "../docs/schema/mapping.schema.json",
              "description": "某平台",
              "fields": {
                "法定期限": {"to": "法定办结时限", "parse": {"pattern": "{value}({unit})"}},
                "办理对象": "service_objects",
                "备注": "-",
                "序号": null
              },
              "ignore": ["更新时间"],
              "defaults": {"是否进驻政务服务中心": "是"},
              "units": {"天": "工作日"},
              "material_fields": {"份数": "originals", "附注": null},
              "material_defaults": {"originals": 0, "copies": 1, "form": "纸质"},
              "csv_delimiter": "\\t"
            }"#,
        )
        .unwrap();
        let rule = m.rule("法定期限").unwrap();
        assert_eq!(rule.target, Some(Target::StatutoryDeadline));
        let v = apply(rule.parser.as_ref().unwrap(), Value::String("20（工作日）".into())).unwrap();
        assert_eq!(v, serde_json::json!({"value": "20", "unit": "工作日"}));
        assert_eq!(m.rule("办理对象").unwrap().target, Some(Target::ServiceObjects));
        assert_eq!(m.rule("备注").unwrap().target, None);
        assert_eq!(m.rule("序号").unwrap().target, None);
        assert_eq!(m.rule("更新时间").unwrap().target, None);
        assert_eq!(m.defaults[&Target::InServiceCentre], Value::String("是".into()));
        assert_eq!(m.units["天"], DeadlineUnit::WorkingDays);
        assert_eq!(m.material_attr("附注"), Some(None));
        assert_eq!(m.material_defaults.copies, 1);
        assert_eq!(m.delimiter, b'\t');
        // Defaults not overridden remain.
        assert_eq!(m.rule("法定办结时限").unwrap().target, Some(Target::StatutoryDeadline));
    }

    /// A line break as the delimiter read every record as one field and
    /// imported nothing with exit 0: it is an error in the mapping file.
    #[test]
    fn a_line_break_quote_or_control_delimiter_is_refused() {
        for d in [r#""\n""#, r#""\r""#, r#""\"""#, r#""\u0000""#] {
            let err = from_json(&format!(r#"{{"csv_delimiter": {d}}}"#)).unwrap_err();
            assert!(err.contains("换行、引号或其他控制字符"), "{d}: {err}");
        }
        assert_eq!(from_json(r#"{"csv_delimiter": "|"}"#).unwrap().delimiter, b'|');
    }

    #[test]
    fn regex_parser_takes_named_groups() {
        let m = from_json(r#"{"fields": {"时限": {"to": "promised_deadline", "parse": {"regex": "^共(?P<value>\\d+)(?P<unit>.+)$"}}}}"#)
            .unwrap();
        let p = m.rule("时限").unwrap().parser.as_ref().unwrap();
        assert_eq!(
            apply(p, Value::String("共5工作日".into())).unwrap(),
            serde_json::json!({"value": "5", "unit": "工作日"})
        );
        assert!(apply(p, Value::String("5".into())).is_err());
    }

    #[test]
    fn unknown_fields_and_a_bad_entry_are_all_reported_at_their_place() {
        let text = "{\n  \"feilds\": {},\n  \"fields\": {\n    \"x\": \"nonsense\",\n    \"y\": {\"to\": \"name\", \"prase\": \"json\"}\n  }\n}\n";
        let f = findings(text);
        assert_eq!(
            f.iter().map(|(l, c, r, _)| (*l, *c, *r)).collect::<Vec<_>>(),
            [
                (2, 3, "unknown-field"),
                (4, 10, "config-invalid"),
                (5, 25, "unknown-field"),
            ],
            "{f:?}"
        );
        assert!(f[1].3.contains("nonsense"), "{f:?}");
        let out = read("mapping.json", text.as_bytes().to_vec()).expect_err("fails");
        let help = out.diagnostics[2].help.as_deref().unwrap_or_default();
        assert!(help.contains("“parse”"), "{help}");
    }

    #[test]
    fn a_syntax_error_is_reported_where_it_is() {
        let f = findings("{\n  \"fields\": {\n    \"x\": \"name\",\n  }\n}\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1, f[0].2), (3, 16, "invalid-json"), "{f:?}");
    }

    #[test]
    fn every_entry_is_checked() {
        let f = findings(
            r#"{
  "fields": {
    "a": {"to": "name", "parse": "jsno"},
    "b": {"to": "name", "parse": {"pattern": "abc"}},
    "c": {"to": "name", "parse": {"regex": "\\d+"}},
    "d": {"to": "name", "parse": {"split": []}},
    "e": {"to": "name", "parse": {"split": ["|"], "map": {}}},
    "f g": "name",
    "fg": "-",
    "h": "-"
  },
  "ignore": ["h"],
  "defaults": {"nonsense": 1, "in_service_centre": "是", "是否进驻政务服务中心": "否"},
  "units": {"天": "日"},
  "material_fields": {"x": "nonsense"},
  "material_defaults": {"originals": -1},
  "csv_delimiter": "，"
}"#,
        );
        let found: Vec<(usize, &str)> = f.iter().map(|x| (x.0, x.2)).collect();
        let mut want: Vec<(usize, &str)> = [3, 4, 5, 6, 7, 9, 12, 13, 13]
            .into_iter()
            .map(|l| (l, "config-invalid"))
            .collect();
        want.extend([
            (14, "schema"),
            (15, "config-invalid"),
            (16, "schema"),
            (17, "config-invalid"),
        ]);
        assert_eq!(found, want, "{f:?}");
        let all: String = f.iter().map(|x| x.3.clone()).collect::<Vec<_>>().join("\n");
        for part in [
            "jsno",
            "占位符",
            "命名分组",
            "分隔符",
            "只写",
            "重复",
            "nonsense",
            "同一要素",
            "“日”",
            "材料属性",
            "下限",
            "ASCII",
        ] {
            assert!(all.contains(part), "“{part}” missing in:\n{all}");
        }
    }
}
