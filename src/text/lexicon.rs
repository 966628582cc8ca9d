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
    /// 只有整个字段就是该用语时才报告（用于“无”“/”等占位）；字段写成“名称：值”“名称 值”一行的，值整个是该用语时也报告（如“委托部门：无”），不写名称、只列出值的一行也是（如“无 暂无”，前面的值须是 whole_field 的非正则用语）。
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

/// # 上下文规则
///
/// 看命中用语前后文字的排除规则：命中属于所列类别、且 before / after / within
/// 中写出的条件都成立时不报告，如“相关材料(残疾证、病历等)”（括号中写明了所指）、
/// “还应提交其他相应文件:”（后面列出了清单）。只在已经命中的用语上检查。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContextEntry {
    /// # 类别
    ///
    /// 适用于哪些类别的命中，至少一个。
    pub(crate) classes: Vec<VagueClass>,
    /// # 命中文字
    ///
    /// 正则表达式；命中的文字（归一化后）整段符合它时才适用，如“等”。省略则不限。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) hit: Option<String>,
    /// # 之前
    ///
    /// 正则表达式；须与紧挨在命中之前的文字（同一范围内，至多 60 字）的结尾相符，如“(下列|以下)$”写作“(下列|以下)”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) before: Option<String>,
    /// # 之后
    ///
    /// 正则表达式；须与紧接在命中之后的文字（同一范围内，至多 60 字）的开头相符，如“\([^()]*证[^()]*\)”（括号中写明所指）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) after: Option<String>,
    /// # 范围内
    ///
    /// 正则表达式；范围内任何位置能匹配它时条件成立，如同一字段中还写了“非本地户籍……”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) within: Option<String>,
    /// # 范围
    ///
    /// clause：命中所在的句子（以。；！？或换行分句，默认）；field：整个字段。
    #[serde(default)]
    pub(crate) scope: ContextScope,
    /// # 说明
    ///
    /// 为什么这种上下文中的用语不算模糊（引用标注标准或法律原文）。
    pub(crate) note: String,
}

/// # 上下文范围
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub(crate) enum ContextScope {
    /// 命中所在的句子
    #[default]
    #[serde(rename = "clause")]
    Clause,
    /// 整个字段
    #[serde(rename = "field")]
    Field,
}
