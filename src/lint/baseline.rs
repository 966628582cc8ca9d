//! The baseline of a legacy catalog: the findings a catalog already had
//! when the CI gate was turned on, so that `lint --baseline` fails only on
//! what gets worse.
//!
//! An entry is a finding's [`fingerprint::key`] (rule, file, JSON pointer,
//! hash of the offending text; never a line), so edits elsewhere in a file
//! leave it matching. The entries are a multiset: a key written twice
//! stands for two identical findings, and each entry absorbs at most one
//! finding, so a third identical finding is new. An entry that absorbed
//! nothing is itself a finding (`baseline-stale`): the baseline only
//! shrinks. Pure: the caller reads the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::order::sort;
use super::{fingerprint, locate, Outcome};
use crate::diag::Diagnostic;
use crate::source::SourceFile;

/// The version this build writes and reads.
pub(crate) const VERSION: u32 = 1;

/// The file name `tongbiao baseline` writes beside the catalog directory.
pub(crate) const FILE_NAME: &str = "tongbiao-baseline.json";

/// A baseline file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "同标基线",
    description = "tongbiao baseline 写出的已有问题清单；tongbiao lint --baseline 不再报告其中的问题，只报告新增的问题。"
)]
pub(crate) struct Baseline {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "JSON Schema 引用")]
    schema: Option<String>,
    /// 基线文件格式的版本，目前为 1。
    #[schemars(title = "版本", extend("const" = 1))]
    version: u32,
    /// 已有问题的键（规则|文件|JSON 指针|问题文字的哈希），按字典序排列；同一个键出现几次，就容许几条相同的问题。
    #[schemars(title = "已有问题")]
    findings: Vec<String>,
}

impl Baseline {
    /// The baseline of a run: every finding's key, sorted.
    pub(crate) fn of(out: &Outcome) -> Baseline {
        let mut findings: Vec<String> = out
            .diagnostics
            .iter()
            .filter(|d| held(d))
            .map(|d| fingerprint::key(out, d))
            .collect();
        findings.sort();
        Baseline {
            schema: None,
            version: VERSION,
            findings,
        }
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.findings.len()
    }

    /// The file's text: pretty JSON, one entry a line, trailing newline.
    pub(crate) fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("baseline serialises");
        s.push('\n');
        s
    }

    /// Read a baseline file's text; the error is a Chinese sentence.
    pub(crate) fn parse(text: &str) -> Result<Baseline, String> {
        let text = crate::text::strip_bom(text);
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            let what = match e.classify() {
                serde_json::error::Category::Data => {
                    "内容不符合基线格式 {\"version\": 1, \"findings\": [...]}（见 docs/schema/baseline.schema.json）"
                }
                _ => "不是有效的 JSON",
            };
            format!("第 {} 行第 {} 列起{what}", e.line(), e.column())
        })?;
        if b.version != VERSION {
            return Err(format!(
                "基线文件的版本为 {}，本程序只读取版本 {VERSION}；请用 tongbiao baseline 重新生成",
                b.version
            ));
        }
        Ok(b)
    }
}

/// Whether a baseline holds findings like `d`: findings in the catalog,
/// not those about `rules/` itself (rule category 规则配置: an unused
/// lexicon entry, a stale override, an expired exemption), which the
/// project fixes in its own configuration and which come and go with
/// catalog edits elsewhere. Nor `format-canonical`: `tongbiao fmt` fixes
/// it in one command, and its offending text (a line's layout) changes
/// with any edit, so it could only go stale.
pub(crate) fn held(d: &Diagnostic) -> bool {
    d.rule != "format-canonical"
        && crate::rules::find(d.rule).is_none_or(|r| r.category != crate::rules::Category::Config)
}

/// The JSON Schema of baseline files, committed as
/// docs/schema/baseline.schema.json.
pub(crate) fn schema_text() -> String {
    let mut value = schemars::schema_for!(Baseline).to_value();
    crate::catalog::strip_null(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("schema serialises");
    text.push('\n');
    text
}

/// Leave out of `out` the findings `file` (a baseline file, its path as
/// shown) holds, one finding per entry; report each entry that held
/// nothing as `baseline-stale` at its place in the file. Returns how many
/// findings were left out (also in `out.stats.baseline`).
pub(crate) fn apply(out: &mut Outcome, file: SourceFile) -> Result<usize, String> {
    let baseline = Baseline::parse(&file.text)?;
    // Each key's unused entry indexes, last first (entries are used in
    // file order).
    let mut unused: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, k) in baseline.findings.iter().enumerate().rev() {
        unused.entry(k.as_str()).or_default().push(i);
    }
    let keys: Vec<Option<String>> = out
        .diagnostics
        .iter()
        .map(|d| held(d).then(|| fingerprint::key(out, d)))
        .collect();
    let mut keep = keys.iter().map(|k| {
        k.as_deref()
            .and_then(|k| unused.get_mut(k))
            .and_then(Vec::pop)
            .is_none()
    });
    let before = out.diagnostics.len();
    out.diagnostics.retain(|_| keep.next().unwrap_or(true));
    let suppressed = before - out.diagnostics.len();

    let id = out.sources.files.len();
    let mut stale: Vec<(usize, &str)> = unused
        .iter()
        .flat_map(|(k, is)| is.iter().map(move |i| (*i, *k)))
        .collect();
    stale.sort_unstable();
    let found: Vec<_> = stale
        .into_iter()
        .map(|(i, k)| crate::rules::baseline_stale::finding(id, i, k))
        .collect();
    out.sources.files.push(file);
    let start = out.diagnostics.len();
    out.diagnostics.extend(found);
    locate::locate(&out.sources, &mut out.diagnostics[start..]);
    sort(&out.sources, &mut out.diagnostics);
    out.stats.baseline = Some(suppressed);
    Ok(suppressed)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::testing::{edit, lint_with, ITEM};

    const F: &str = "items/630101001000.json";

    fn vague(text: &str) -> String {
        edit(ITEM, "\"conditions\": [", &format!("\"conditions\": [{text}, "))
    }

    fn rules(out: &Outcome) -> Vec<&str> {
        out.diagnostics
            .iter()
            .map(|d| d.rule)
            // The in-memory test catalog is written compactly, so every
            // file is also reported as not canonical (never held).
            .filter(|r| !["credit-code-missing", "unused-lexicon-entry", "format-canonical"].contains(r))
            .collect()
    }

    fn with_baseline(item: &str, baseline: &Baseline) -> (Outcome, usize) {
        let mut out = lint_with(&[(F, Some(item))]);
        let file = SourceFile::new(FILE_NAME.to_string(), Arc::from(baseline.text()));
        let n = apply(&mut out, file).expect("a baseline this build wrote");
        (out, n)
    }

    #[test]
    fn a_baseline_hides_what_it_holds_after_lines_shift() {
        let item = vague("\"其他材料\"");
        let b = Baseline::of(&lint_with(&[(F, Some(&item))]));
        assert!(b.findings.iter().any(|k| k.starts_with("vague-catch-all|")), "{b:?}");
        let shifted = item.replacen('{', "{\n\n\n", 1);
        let (out, n) = with_baseline(&shifted, &b);
        assert_eq!(rules(&out), Vec::<&str>::new());
        // Findings about rules/ (the lexicon entry 其他材料 uses) are not
        // held: they are fixed in rules/, not carried.
        assert!(b.findings.iter().all(|k| !k.starts_with("unused-lexicon-entry|")));
        assert_eq!((n, out.stats.baseline), (b.len(), Some(b.len())));
    }

    #[test]
    fn identical_findings_count_as_a_multiset() {
        // One phrase twice in one string: same rule, file, pointer and
        // offending text, so the same key twice.
        let twice = vague("\"其他材料，其他材料\"");
        let b = Baseline::of(&lint_with(&[(F, Some(&twice))]));
        assert!(b.findings.windows(2).any(|w| w[0] == w[1]), "{b:?}");
        let (out, _) = with_baseline(&twice, &b);
        assert_eq!(rules(&out), Vec::<&str>::new());
        // A baseline holding the key once lets the second one through.
        let mut once = b.clone();
        once.findings.dedup();
        let (out, _) = with_baseline(&twice, &once);
        assert_eq!(rules(&out), ["vague-catch-all"]);
        // Both fixed: both entries are stale.
        let (out, _) = with_baseline(ITEM, &b);
        assert_eq!(rules(&out), ["baseline-stale", "baseline-stale"]);
    }

    #[test]
    fn a_new_finding_is_reported_and_a_fixed_one_leaves_a_stale_entry() {
        let b = Baseline::of(&lint_with(&[(F, Some(&vague("\"其他材料\"")))]));
        let (out, n) = with_baseline(&vague("\"原则上不受理\""), &b);
        assert_eq!(rules(&out), ["vague-discretion", "baseline-stale"]);
        let stale = out
            .diagnostics
            .iter()
            .find(|d| d.rule == "baseline-stale" && d.message.contains("vague-catch-all"))
            .expect("the fixed finding's entry is stale");
        assert_eq!(out.sources.get(stale.file).shown(), FILE_NAME);
        assert!(stale.pointer().starts_with("/findings/"), "{}", stale.pointer());
        assert!(stale.line > 1);
        assert!(n < b.len());
    }

    #[test]
    fn text_is_sorted_versioned_and_read_back() {
        let b = Baseline::of(&lint_with(&[(F, Some(&vague("\"其他材料\"")))]));
        let text = b.text();
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"findings\": [\n"), "{text}");
        let back = Baseline::parse(&text).expect("reads back");
        assert_eq!(back.findings, b.findings);
        assert!(b.findings.windows(2).all(|w| w[0] <= w[1]));
        assert!(Baseline::parse("{\"version\": 2, \"findings\": []}").is_err());
        assert!(Baseline::parse("{\"version\": 1, \"finding\": []}").is_err());
        assert!(Baseline::parse("[").is_err());
    }
}
