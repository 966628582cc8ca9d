//! Findings as SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE
//! viewers): one run, the rules that have findings (with their Chinese
//! documentation), one result per finding.
//!
//! Small hand-written serde structs rather than a SARIF crate: the subset
//! we emit is short, and the schema test (`scripts/check_sarif.sh`)
//! validates it against the OASIS schema. Columns count Unicode scalar
//! values (`run.columnKind` = `unicodeCodePoints`); `endColumn` is the
//! column after the last character, as SARIF defines it. Paths are the
//! paths as shown (relative to the working directory, the repository root
//! in CI) under `uriBaseId` `%SRCROOT%`; an absolute path becomes a
//! `file://` URI.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::raw::ProvinceDocuments;
use crate::diag::{Diagnostic, Severity};
use crate::lint::{fingerprint::fingerprint, Outcome};
use crate::rules;

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// SARIF's level for a severity.
pub(crate) fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The findings as a SARIF 2.1.0 log. Deterministic: no timing in it.
pub(crate) fn sarif(out: &Outcome, docs: &ProvinceDocuments) -> String {
    let mut ids: Vec<&'static str> = out.diagnostics.iter().map(|d| d.rule).collect();
    ids.sort_unstable();
    ids.dedup();
    let results = out
        .diagnostics
        .iter()
        .map(|d| result(out, d, ids.binary_search(&d.rule).unwrap_or(0)))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "tongbiao",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: ids.iter().map(|id| descriptor(id, docs)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn result(out: &Outcome, d: &Diagnostic, rule_index: usize) -> SarifResult {
    let file = out.sources.get(d.file);
    let (end_line, end_column) = file.line_col(d.span().map_or(0, |s| s.1));
    let mut text = d.message.to_string();
    if let Some(h) = &d.help {
        text.push_str(&format!("\n建议：{h}"));
    }
    SarifResult {
        rule_id: d.rule,
        rule_index,
        level: level(d.severity),
        message: Text { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(&file.shown()),
                region: Region {
                    start_line: d.line.max(1),
                    start_column: d.column.max(1),
                    end_line: end_line.max(d.line.max(1)),
                    end_column: end_column.max(1),
                },
            },
        }],
        partial_fingerprints: BTreeMap::from([("tongbiao/v1", fingerprint(out, d))]),
    }
}

/// Where a shown path is: relative under `%SRCROOT%`, or an absolute
/// `file://` URI; percent-encoded either way.
fn artifact(shown: &str) -> ArtifactLocation {
    if shown.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode(shown)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encode(shown),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

/// Percent-encode a path for a URI, keeping `/` and RFC 3986's unreserved
/// characters.
fn encode(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn descriptor(id: &'static str, docs: &ProvinceDocuments) -> RuleDescriptor {
    let Some(r) = rules::find(id) else {
        return RuleDescriptor {
            id,
            name: id.to_string(),
            short_description: Text { text: id.to_string() },
            full_description: Text { text: id.to_string() },
            help: Help {
                text: String::new(),
                markdown: String::new(),
            },
            default_configuration: Configuration { level: "error" },
        };
    };
    RuleDescriptor {
        id,
        name: camel(id),
        short_description: Text {
            text: r.summary.to_string(),
        },
        full_description: Text {
            text: r.doc.what.to_string(),
        },
        help: Help {
            text: r.explanation(docs),
            markdown: help_markdown(r, docs),
        },
        default_configuration: Configuration {
            level: level(r.severity),
        },
    }
}

/// The explanation with Markdown headers; the failing example as code.
fn help_markdown(r: &rules::Rule, docs: &ProvinceDocuments) -> String {
    r.doc
        .parts_for(docs)
        .iter()
        .map(|(header, text)| {
            if *header == "错误示例" {
                format!("**{header}**\n\n```\n{text}\n```")
            } else {
                format!("**{header}**\n\n{text}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// SARIF's `name`: the id in PascalCase (`vague-catch-all` → `VagueCatchAll`).
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        let a = artifact("catalog/items/事项 1.json");
        assert_eq!(a.uri, "catalog/items/%E4%BA%8B%E9%A1%B9%201.json");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        let b = artifact("/srv/catalog/a.json");
        assert_eq!((b.uri.as_str(), b.uri_base_id), ("file:///srv/catalog/a.json", None));
        assert_eq!(camel("vague-catch-all"), "VagueCatchAll");
    }

    #[test]
    fn a_log_names_its_rules_and_fingerprints_its_results() {
        let out = crate::testing::lint_with(&[]);
        let log: serde_json::Value = serde_json::from_str(&sarif(&out, &ProvinceDocuments::default())).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), out.diagnostics.len());
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(run["tool"]["driver"]["rules"][i]["id"], r["ruleId"]);
            assert_eq!(r["partialFingerprints"]["tongbiao/v1"].as_str().unwrap().len(), 32);
        }
    }
}
