//! The mapping file as written: serde structs with unknown fields denied,
//! and the JSON Schema generated from them (docs/schema/mapping.schema.json).
//! [`super::compile`] checks the entries and builds the [`super::Mapping`].

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::catalog::item::{MaterialForm, Necessity};
use crate::catalog::material::{MaterialKind, MaterialSource};
use crate::catalog::DeadlineUnit;

/// # 字段映射文件
///
/// tongbiao import --mapping 读取的字段映射：导出文件的字段对应哪个要素、文字如何解析、记录缺少字段时的取值。每个键都可省略，在内置的默认映射之上增加。
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMapping {
    /// # JSON Schema 引用
    #[serde(rename = "$schema")]
    #[allow(dead_code)] // for editors; accepted, not used
    pub(crate) schema: Option<String>,
    /// # 说明
    ///
    /// 这份映射用于哪个平台的导出；只供阅读，不影响导入。
    #[allow(dead_code)] // for readers; accepted, not used
    pub(crate) description: Option<String>,
    /// # 字段
    ///
    /// 导出字段名 → 目标要素。目标写要素标识（如 statutory_deadline）或其默认字段名（如“法定办结时限”）；"-" 或 null 表示已知而不导入；{"to": 目标要素, "parse": 解析格式} 表示先解析再导入。
    #[serde(default)]
    pub(crate) fields: BTreeMap<String, RawField>,
    /// # 不导入的字段
    ///
    /// 已知而不导入的导出字段名（否则作为未映射的字段列出）。
    #[serde(default)]
    pub(crate) ignore: Vec<String>,
    /// # 默认值
    ///
    /// 目标要素 → 取值：记录缺少该字段时使用，如 {"是否进驻政务服务中心": "是"}。这是用户声明的事实，不是工具的猜测。
    #[serde(default)]
    pub(crate) defaults: BTreeMap<String, Value>,
    /// # 时限单位用语
    ///
    /// 时限中的用语 → 工作日或自然日，如 {"天": "工作日"}；在内置用语（工作日、自然日、日历日）之上增加。
    #[serde(default)]
    pub(crate) units: BTreeMap<String, DeadlineUnit>,
    /// # 申请材料的属性
    ///
    /// 申请材料对象中的键 → 材料属性（name、necessity、kind、source、issuer、originals、copies、form、paper_size、filling_notes、blank_form、sample、basis、situation、exemption、exemption_note、submission_reason、core，或其默认键名）；"-" 或 null 表示不导入。
    #[serde(default)]
    pub(crate) material_fields: BTreeMap<String, RawMaterialField>,
    /// # 申请材料的默认属性
    ///
    /// 申请材料未给出的属性按此填写（并在导入报告中说明）。
    #[serde(default)]
    pub(crate) material_defaults: RawMaterialDefaults,
    /// # CSV 分隔符
    ///
    /// 一个 ASCII 字符，如 ","、";"，或 "\t"（制表符）；默认 ","。
    pub(crate) csv_delimiter: Option<String>,
}

/// # 字段映射
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawField {
    /// # 目标要素
    ///
    /// 要素标识或其默认字段名；"-" 表示已知而不导入。
    To(String),
    /// # 目标要素和解析格式
    Rule(RawFieldRule),
    /// # 不导入
    Ignored(Null),
}

/// # 目标要素和解析格式
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFieldRule {
    /// # 目标要素
    ///
    /// 要素标识（如 statutory_deadline）或其默认字段名（如“法定办结时限”）；"-" 表示不导入。
    pub(crate) to: String,
    /// # 解析格式
    ///
    /// 导入前先转换字段的值："json"（文字是 JSON）、{"split": [分隔符…]}、{"pattern": "{value}({unit})"}、{"regex": "^(?P<value>\\d+)…"} 或 {"map": {"原值": "目录中的值"}}。
    pub(crate) parse: Option<RawParse>,
}

/// # 解析格式
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawParse {
    /// # 按名称
    ///
    /// 目前只有 "json"：字段的文字是 JSON（如 CSV 单元格中的材料列表）。
    Name(String),
    /// # 带参数
    ///
    /// split、pattern、regex、map 四者写一个。
    Spec(RawParseSpec),
}

/// # 带参数的解析格式
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParseSpec {
    /// # 拆分
    ///
    /// 在这些分隔符处把文字拆成列表，如 ["|", "；"]。
    pub(crate) split: Option<Vec<String>>,
    /// # 模板
    ///
    /// 如 "{value}({unit})"：花括号中的占位符取出为对象的字段（时限的 value、unit、note）；全角、半角标点视为相同。
    pub(crate) pattern: Option<String>,
    /// # 正则表达式
    ///
    /// 用命名分组取出各部分，如 "^共(?P<value>\\d+)(?P<unit>.+)$"。
    pub(crate) regex: Option<String>,
    /// # 对照表
    ///
    /// 原值 → 目录中的值；不在表中的值原样读取。
    pub(crate) map: Option<BTreeMap<String, Value>>,
}

/// # 材料属性
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub(crate) enum RawMaterialField {
    /// # 材料属性
    ///
    /// 属性标识（如 originals）或其默认键名（如“原件份数”）；"-" 表示不导入。
    Attr(String),
    /// # 不导入
    Ignored(Null),
}

/// # 申请材料的默认属性
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMaterialDefaults {
    /// # 必要性
    ///
    /// 默认“必要”。
    pub(crate) necessity: Option<Necessity>,
    /// # 原件份数
    ///
    /// 默认 1。
    pub(crate) originals: Option<u32>,
    /// # 复印件份数
    ///
    /// 默认 0。
    pub(crate) copies: Option<u32>,
    /// # 材料形式
    ///
    /// 默认“纸质或电子”。
    pub(crate) form: Option<MaterialForm>,
    /// # 材料类型
    ///
    /// 新增到材料库的材料未给出类型时使用；默认“其他”。
    pub(crate) kind: Option<MaterialKind>,
    /// # 来源渠道
    ///
    /// 新增到材料库的材料未给出来源渠道时使用；默认“其他”。
    pub(crate) source: Option<MaterialSource>,
}

/// JSON `null`: a field known and not imported. Its schema is `const:
/// null`, which survives [`crate::catalog::strip_null`] (that removes the
/// null of every `Option`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Null;

impl<'de> Deserialize<'de> for Null {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <()>::deserialize(d).map(|()| Null)
    }
}

impl JsonSchema for Null {
    fn schema_name() -> Cow<'static, str> {
        "Null".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "不导入",
            "const": null
        })
    }
}
