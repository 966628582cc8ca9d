//! The files of `rules/` as written: serde structs with unknown fields
//! denied, and the JSON Schemas generated from them. [`super::compile`]
//! turns them into a checked [`super::Config`] before any rule runs.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use crate::text::lexicon::{AllowEntry, ContextEntry, LexiconEntry, VagueClass};

/// # 规则配置
///
/// 审核处的规则设置（rules/rules.json）：规则级别、按路径覆盖、检查范围、统一要素。
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RulesFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 规则级别
    ///
    /// 规则标识 → error / warning / info / off。未列出的规则使用默认级别。
    #[serde(default)]
    pub(crate) severity: BTreeMap<String, Level>,
    /// # 按路径覆盖
    ///
    /// 对匹配的文件（及 JSON 指针）改变规则级别；后面的条目优先。
    #[serde(default)]
    pub(crate) overrides: Vec<Override>,
    /// # 文本检查范围
    ///
    /// 哪些字段的文字参与模糊用语检查。
    #[serde(default)]
    pub(crate) text_scope: TextScope,
    /// # 规则的字段范围
    ///
    /// 规则标识 → 只检查或不检查哪些字段（JSON 指针模式，* 匹配一段）。
    #[serde(default)]
    pub(crate) rule_scope: BTreeMap<String, TextScope>,
    /// # 全省统一要素
    ///
    /// 同一基本编码在全省必须一致的要素（基本目录事项中的 JSON 指针），供统一性检查使用；实施清单只能通过经批准的偏离改变它们。
    #[serde(default)]
    pub(crate) uniform_elements: Vec<String>,
    /// # 阈值
    ///
    /// 相似度等规则使用的数值阈值；不填时使用默认值。
    #[serde(default)]
    pub(crate) thresholds: Thresholds,
    /// # 输入上限
    ///
    /// 目录文件中单个字符串的长度、嵌套层数、一个对象的字段数的上限；超出的由 input-limit 在原处报告。不填时使用默认值（远大于真实目录所需）。
    #[serde(default)]
    pub(crate) limits: Limits,
    /// # 名称同义词
    ///
    /// 比较材料名称和事项名称（material-near-duplicate、duplicate-item）时视为相同的写法，每组两个以上，如 ["复印件", "影印件"]。以简体、无空格、无标点的形式书写。
    #[serde(default)]
    pub(crate) synonyms: Vec<Vec<String>>,
    /// # 已被取代的文件
    ///
    /// 已废止或已被新文件取代的法律、法规、规章和规范性文件；事项仍引用时 legal-basis-superseded 报告。
    #[serde(default)]
    pub(crate) superseded: Vec<Superseded>,
    /// # 版本比较
    ///
    /// tongbiao diff 的设置：变更类别的覆盖。
    #[serde(default)]
    pub(crate) diff: DiffRules,
    /// # 统一性报告的依据
    ///
    /// tongbiao uniformity 报告开头引用的政策文件（本省文件写在这里，如青海省的青政办函〔2021〕44号）；不填时只引用全国性文件。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) uniformity_basis: Option<String>,
    /// # 本省政策文件
    ///
    /// 规则说明（tongbiao explain、SARIF 帮助）的“依据”和办事指南引用的本省文件；不填的不引用，只列全国性文件和本目录约定。
    #[serde(default)]
    pub(crate) province_documents: ProvinceDocuments,
}

/// # 本省政策文件
///
/// 每项填文件的名称或文号，原样写入规则说明的“依据”（其后括注该规则所依的要求）；assisted_service 另填所引条款的原文，写入办事指南。
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProvinceDocuments {
    /// # 政务服务标准化文件
    ///
    /// 本省要求科学细化量化办事服务标准、消除模糊条款和兜底条款、同一政务服务事项“无差别受理、同标准办理”的文件，如青海省的“青政办函〔2021〕44号”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) standardization: Option<String>,
    /// # “高效办成一件事”实施方案
    ///
    /// 本省的“高效办成一件事”实施方案（一次告知、一表申请、一套材料，要素信息全省统一），如“青海省“高效办成一件事”实施方案（2024）”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) one_thing: Option<String>,
    /// # 服务政府建设文件
    ///
    /// 本省关于收费公示、限时办结制、一次告知制、办事公开的文件，如青海省的“《关于加快推进服务政府建设的意见》”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) service_government: Option<String>,
    /// # 帮办代办和绿色通道
    ///
    /// 办事指南“帮办代办和绿色通道”一节引用的本省文件和原文（要求为老年人、残疾人等特殊群体开设“绿色通道”、提供帮办代办服务的条款）；不填时该节只请办事群众向窗口或 12345 咨询，不引用文件。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) assisted_service: Option<Citation>,
}

/// # 文件条款
///
/// 一份文件中的一项规定：文件名称（含条款序号）和原文摘录，原样写入办事指南。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Citation {
    /// # 文件和条款
    ///
    /// 文件全称（带书名号）、印发机关和日期、条款序号，如“《青海省进一步优化政务服务提升行政效能推动“高效办成一件事”实施方案》（青海省人民政府办公厅2024年4月2日印发）第12项”。
    pub(crate) document: String,
    /// # 原文摘录
    ///
    /// 条款原文，照录，不改写、不缩小范围。
    pub(crate) quote: String,
}

/// # 已被取代的文件
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Superseded {
    /// # 文件名称
    ///
    /// 已被取代的文件全称，带书名号，如“《中华人民共和国执业医师法》”。
    pub(crate) document: String,
    /// # 取代文件
    ///
    /// 现行文件全称，带书名号。
    pub(crate) by: String,
    /// # 取代文件施行日期
    ///
    /// 可选；确知时填写，格式 YYYY-MM-DD。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) since: Option<String>,
    /// # 说明
    ///
    /// 可选；取代关系的出处或需要注意的变化。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// # 版本比较
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiffRules {
    /// # 变更类别
    ///
    /// 变更种类标识 → 类别（增负、减负、结构、中性），覆盖内置的分类；未列出的种类使用内置类别。种类标识见 README 或 tongbiao diff --format json 输出中的 kind，如 "step-changed": "增负"。
    #[serde(default)]
    pub(crate) classes: BTreeMap<String, String>,
}

/// # 阈值
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Thresholds {
    /// # 材料名称相似度
    ///
    /// material-near-duplicate 与 duplicate-item 使用的名称相似度下限（0–1，1 − 编辑距离 ÷ 较长名称字数），达到即视为近似重复。默认 0.92：十个字的名称中差一个字（如“检测报告”与“预测报告”）常常是不同的材料，不报告。
    #[serde(default = "default_name_similarity")]
    #[schemars(range(min = 0.0, max = 1.0))]
    pub(crate) name_similarity: f64,
}

fn default_name_similarity() -> f64 {
    0.92
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            name_similarity: default_name_similarity(),
        }
    }
}

/// # 输入上限
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Limits {
    /// # 字符串最大长度
    ///
    /// 一个字符串（字段值或字段名）最多的字数（按字符计）。默认 1000000：最长的设定依据全文也远短于此。
    #[serde(default = "default_string_chars")]
    #[schemars(range(min = 1))]
    pub(crate) string_chars: u64,
    /// # 最大嵌套层数
    ///
    /// 对象和数组最多嵌套几层（最外层为第 1 层），1–127。默认 64：目录文件实际不超过 8 层；JSON 解析器本身不接受超过 127 层的文件。
    #[serde(default = "default_depth")]
    #[schemars(range(min = 1, max = 127))]
    pub(crate) depth: u64,
    /// # 对象最多字段数
    ///
    /// 一个对象最多有几个字段。默认 10000：最大的对象（材料库中的一种材料、一个事项）只有几十个字段。
    #[serde(default = "default_object_keys")]
    #[schemars(range(min = 1))]
    pub(crate) object_keys: u64,
}

fn default_string_chars() -> u64 {
    1_000_000
}

fn default_depth() -> u64 {
    64
}

fn default_object_keys() -> u64 {
    10_000
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            string_chars: default_string_chars(),
            depth: default_depth(),
            object_keys: default_object_keys(),
        }
    }
}

/// # 级别
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// # 覆盖
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Override {
    /// # 文件
    ///
    /// 相对 catalog/ 的 glob，如 local/6328*/**。
    pub(crate) files: String,
    /// # JSON 指针前缀
    ///
    /// 只对此指针及其下的值生效，如 /visit_reason。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) pointer: Option<String>,
    /// # 规则级别
    pub(crate) severity: BTreeMap<String, Level>,
    /// # 理由
    pub(crate) reason: String,
}

/// # 字段范围
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextScope {
    /// # 只检查
    ///
    /// JSON 指针模式；为空表示全部字段。* 匹配一段，** 匹配任意段。
    #[serde(default)]
    pub(crate) include: Vec<String>,
    /// # 不检查
    ///
    /// JSON 指针模式，如 /legal_basis/*/text（法律原文照录，不能改写）。
    #[serde(default)]
    pub(crate) exclude: Vec<String>,
}

/// # 用语词表
///
/// 模糊条款、兜底条款等用语（rules/lexicon.json），以及永不报告的法律用语。
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LexiconFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 用语
    pub(crate) entries: Vec<LexiconEntry>,
    /// # 允许的用语
    ///
    /// 含有上列用语但意义明确的法律用语或普通词语，如“其他组织”“等级”。
    #[serde(default)]
    pub(crate) allow: Vec<AllowEntry>,
    /// # 上下文规则
    ///
    /// 看命中用语前后文字的排除规则，如括号中写明了所指的“相关材料(残疾证、病历等)”。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) context: Vec<ContextEntry>,
    /// # 字段名称的中心词
    ///
    /// 办事指南表格中字段名称结尾的名词，如“条件”“标准”“依据”“部门”。字段写成一行、值紧接在名称后面时（“申请条件无”“收费依据无”），名称以其中之一结尾才当作“名称+值”，whole_field 用语（如“无”）才报告；“材料有无”“申请人并无”不以中心词结尾，不报告。名称与值之间有冒号或空格的（“委托部门：无”“收费依据 无”）不需要中心词。每项两个以上汉字，简体，不重复。不写此项时使用内置词表的中心词；写成 [] 则不使用任何中心词。
    #[serde(default = "crate::config::field_heads::shipped")]
    pub(crate) field_heads: Vec<String>,
}

/// # 豁免清单
///
/// 经批准的豁免（rules/exemptions.json）：对某事项或实施清单的某个值不报告某条规则。
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExemptionsFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 豁免
    #[serde(default)]
    pub(crate) exemptions: Vec<ExemptionEntry>,
}

/// # 豁免
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExemptionEntry {
    /// # 基本编码
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub(crate) item: String,
    /// # 区划代码
    ///
    /// 填写时豁免该区划的实施清单，不填时豁免基本目录事项本身。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) region: Option<String>,
    /// # JSON 指针
    ///
    /// 被豁免的值（及其下的值），如 /conditions/2。
    pub(crate) pointer: String,
    /// # 规则标识
    pub(crate) rule: String,
    /// # 豁免理由
    pub(crate) reason: String,
    /// # 法律依据
    pub(crate) basis: String,
    /// # 批准人
    pub(crate) approver: String,
    /// # 到期日
    ///
    /// 到期后豁免失效，并作为问题报告。
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) expires: String,
}
