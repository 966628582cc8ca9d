//! The vocabulary of the phrase matcher: lexicon entries, allowed terms
//! and the classes of vague language. They are also the raw form of
//! `rules/lexicon.json` (read and checked by `config`), so the schema of
//! that file comes from these types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # 用语
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconEntry {
    /// # 用语
    ///
    /// 以简体、无空格形式书写；匹配时文字先经全半角归一、去空格和零宽字符、繁转简。
    /// regex 为 true 时是正则表达式（Rust regex 语法），同样在归一化后的文字上匹配。
    pub(crate) pattern: String,
    /// # 正则
    ///
    /// 为 true 时 pattern 是正则表达式，可写出句式，如“其他.{0,6}(材料|证明)”；
    /// 含名为 hit 的分组时只报告该分组，如“(?P<hit>等)(材料|证明)”只标出“等”。
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) regex: bool,
    /// # 同句排除
    ///
    /// 正则表达式；命中所在的句子（以。；！？或换行分句）中也能匹配它时不报告，
    /// 如写明了文件名称或条款（“《”或“第…条”）的“按规定”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) unless: Option<String>,
    /// # 类别
    pub class: VagueClass,
    /// # 提示
    pub(crate) message: String,
    /// # 改写建议
    pub(crate) rewrite: String,
    /// # 政策依据
    pub(crate) policy: String,
    /// # 仅在列举之后
    ///
    /// 只有同一句中前面出现顿号列举时才报告（用于“…、…等”）。
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) after_list: bool,
    /// # 仅整段
    ///
    /// 只有整个字段就是该用语时才报告（用于“无”“/”等占位）。
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) whole_field: bool,
}

/// # 允许的用语
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllowEntry {
    /// # 用语
    pub(crate) term: String,
    /// # 正则
    ///
    /// 为 true 时 term 是正则表达式：被它覆盖起点的模糊用语不报告，如“等[0-9一二三四五六七八九十]+[种类项]”。
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) regex: bool,
    /// # 说明
    pub(crate) note: String,
}

/// # 模糊用语类别
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum VagueClass {
    #[serde(rename = "兜底")]
    CatchAll,
    #[serde(rename = "开放列举")]
    OpenList,
    #[serde(rename = "指代不明")]
    VagueReference,
    #[serde(rename = "自由裁量")]
    Discretion,
    #[serde(rename = "不可量化")]
    Unmeasurable,
    #[serde(rename = "占位")]
    Placeholder,
    #[serde(rename = "歧视性条件")]
    Discriminatory,
}

impl VagueClass {
    pub fn label(self) -> &'static str {
        match self {
            VagueClass::CatchAll => "兜底",
            VagueClass::OpenList => "开放列举",
            VagueClass::VagueReference => "指代不明",
            VagueClass::Discretion => "自由裁量",
            VagueClass::Unmeasurable => "不可量化",
            VagueClass::Placeholder => "占位",
            VagueClass::Discriminatory => "歧视性条件",
        }
    }

    /// The rule that reports this class.
    pub(crate) fn rule_id(self) -> &'static str {
        match self {
            VagueClass::CatchAll => "vague-catch-all",
            VagueClass::OpenList => "vague-open-list",
            VagueClass::VagueReference => "vague-reference",
            VagueClass::Discretion => "vague-discretion",
            VagueClass::Unmeasurable => "vague-unmeasurable",
            VagueClass::Placeholder => "vague-placeholder",
            VagueClass::Discriminatory => "discriminatory-condition",
        }
    }
}
