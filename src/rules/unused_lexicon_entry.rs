//! unused-lexicon-entry: a lexicon or allow-list entry that matched nothing.

use super::{Category, Check, Example, Rule};
use crate::config::ConfigFile;
use crate::config::EntryAt;
use crate::diag::{Diagnostic, Severity};
use crate::text::lexicon::LexiconEntry;

pub(crate) const RULE: Rule = Rule {
    id: "unused-lexicon-entry",
    category: Category::Config,
    severity: Severity::Info,
    summary: "rules/lexicon.json 中的用语或允许用语在本次检查中没有匹配任何文字",
    doc: super::Doc {
        what: "用语表和允许用语表中每一条在整个目录中是否至少匹配过一次。",
        why: "干净的目录本来就不含模糊用语，所以用语条目不匹配是正常的，这里只以提示级别报告，供审核处定期清理；允许用语长期不匹配，可能是写法已过时。",
        basis: "本项目规则配置约定（README.md）；{standardization}（消除模糊条款、兜底条款）。",
        bad: "rules/lexicon.json 的 allow 中有 {\"term\": \"三等奖\", \"note\": \"奖项名称\"}，而目录中没有任何文字含“三等奖”。",
        fix: "确认该条目不再需要时删除；仍需防范的用语保留即可（提示不阻断提交）。",
    },
    example: Example::Config {
        kind: ConfigFile::Lexicon,
        from: "\"allow\": [",
        to: "\"allow\": [{\"term\": \"三等奖\", \"note\": \"奖项名称\"},",
        catalog: &[],
    },
    check: Check::Pipeline,
};

/// The finding on a lexicon entry no text matched.
pub(crate) fn entry_finding(at: &EntryAt, e: &LexiconEntry) -> Diagnostic {
    RULE.at(at.file, &format!("{}/pattern", at.pointer))
        .message(entry_message(e))
        .help("目录干净时这是正常的；确认不再需要时可删除")
}

/// Longest stretch of a regex entry quoted in the message: the span already
/// points at the entry, and a whole pattern can run to hundreds of characters.
const PATTERN_QUOTE_CHARS: usize = 30;

/// A phrase entry is quoted whole; a pattern entry is called a 句式 and its
/// regex is marked as such (and cut), so nobody takes it for catalog text.
fn entry_message(e: &LexiconEntry) -> String {
    if !e.regex {
        return format!("用语“{}”（{}）在目录中没有出现", e.pattern, e.class.label());
    }
    let mut quoted: String = e.pattern.chars().take(PATTERN_QUOTE_CHARS).collect();
    if e.pattern.chars().count() > PATTERN_QUOTE_CHARS {
        quoted.push('…');
    }
    format!("{}句式在目录中没有匹配任何文字（正则：{quoted}）", e.class.label())
}

/// The finding on an allowed term no text contained.
pub(crate) fn allow_finding(at: &EntryAt) -> Diagnostic {
    RULE.at(at.file, &format!("{}/term", at.pointer))
        .message("此允许用语在目录中没有出现")
        .help("确认不再需要时可删除")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(json: &str) -> LexiconEntry {
        serde_json::from_str(json).expect("test entry parses")
    }

    #[test]
    fn phrase_entry_is_quoted_whole() {
        let e = entry(r#"{"pattern":"其他材料","class":"兜底","message":"兜底","rewrite":"列明","policy":"p"}"#);
        assert_eq!(entry_message(&e), "用语“其他材料”（兜底）在目录中没有出现");
    }

    #[test]
    fn pattern_entry_is_marked_as_a_regex_and_cut() {
        let long = "其他.{0,6}(材料|证明|文件|资料|证件|手续|事项|条件|情形|要求|人员)";
        let json = format!(
            r#"{{"pattern":"{long}","regex":true,"class":"兜底","message":"兜底表述","rewrite":"列明","policy":"p"}}"#
        );
        let msg = entry_message(&entry(&json));
        assert!(
            msg.starts_with("兜底句式在目录中没有匹配任何文字（正则：其他.{0,6}"),
            "{msg}"
        );
        assert!(msg.ends_with("…）"), "{msg}");
        assert!(!msg.contains("人员)"), "{msg}");
    }
}
