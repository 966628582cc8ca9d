//! Value types shared by several catalog files (deadlines, levels, channels).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # 时限
///
/// 一个时限：数值加单位。单位必须写明工作日或自然日，单独的“天”含义不明。
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Deadline {
    /// # 时限数值
    ///
    /// 非负整数；0 表示即办（当场办结）。
    pub(crate) value: u32,
    /// # 时限单位
    ///
    /// 工作日或自然日。缺少单位时 tongbiao 报告 deadline-unit。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) unit: Option<DeadlineUnit>,
    /// # 时限说明
    ///
    /// 可选的补充说明，例如不计入时限的环节（需依法律法规列明）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// # 法定办结时限
///
/// 法律法规规定的办结时限（数值加单位）；法律法规没有规定办结时限时（常见于公共服务）写 {"none": true}，可附说明。“无法定时限”是一个取值，与未填写不同。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
// One object schema with both shapes' properties (not anyOf of two
// objects), so a wrong value is reported at that value, not at the whole.
#[schemars(schema_with = "statutory_schema")]
pub(crate) enum Statutory {
    /// 法律法规规定的时限。
    Days(Deadline),
    /// 法律法规没有规定办结时限。
    NoDeadline(NoDeadline),
}

impl Statutory {
    /// The deadline, when the law sets one.
    pub(crate) fn days(&self) -> Option<&Deadline> {
        match self {
            Statutory::Days(d) => Some(d),
            Statutory::NoDeadline(_) => None,
        }
    }
}

/// # 无法定时限
///
/// 法律法规没有规定办结时限。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoDeadline {
    /// # 无法定时限
    ///
    /// 固定为 true。
    #[serde(deserialize_with = "only_true")]
    #[schemars(schema_with = "const_true")]
    pub(crate) none: bool,
    /// # 说明
    ///
    /// 可选，如“法律法规未规定办结时限，按承诺时限办理”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

fn statutory_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let unit = g.subschema_for::<DeadlineUnit>();
    schemars::json_schema!({
        "title": "法定办结时限",
        "description": "法律法规规定的办结时限（value 加 unit）；法律法规没有规定办结时限时写 {\"none\": true}，可附 note。“无法定时限”是一个取值，与未填写不同。",
        "type": "object",
        "properties": {
            "value": {"title": "时限数值", "description": "非负整数；0 表示即办（当场办结）。", "type": "integer", "minimum": 0, "format": "uint32"},
            "unit": unit,
            "none": {"title": "无法定时限", "description": "固定为 true：法律法规没有规定办结时限。", "const": true},
            "note": {"title": "时限说明", "type": "string"}
        },
        "additionalProperties": false,
        "anyOf": [
            {"required": ["value"], "not": {"required": ["none"]}},
            {"required": ["none"], "not": {"required": ["value"]}}
        ]
    })
}

fn only_true<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match bool::deserialize(d)? {
        true => Ok(true),
        false => Err(serde::de::Error::custom(
            "none 只能为 true（有法定时限时写 value 和 unit）",
        )),
    }
}

fn const_true(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"const": true})
}

/// # 时限单位
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum DeadlineUnit {
    #[serde(rename = "工作日")]
    WorkingDays,
    #[serde(rename = "自然日")]
    CalendarDays,
}

impl DeadlineUnit {
    pub(crate) fn label(self) -> &'static str {
        match self {
            DeadlineUnit::WorkingDays => "工作日",
            DeadlineUnit::CalendarDays => "自然日",
        }
    }
}

/// # 行使层级
///
/// 国家级、省级、市级、县级、乡镇（街道）级、村（社区）级；对应实施编码第 19 位数字 1–6。
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum Level {
    #[serde(rename = "国家级")]
    National,
    #[serde(rename = "省级")]
    Province,
    #[serde(rename = "市级")]
    Prefecture,
    #[serde(rename = "县级")]
    County,
    #[serde(rename = "乡镇级")]
    Township,
    #[serde(rename = "村级")]
    Village,
}

impl Level {
    /// The level a 实施编码 names in its 19th character (行使层级 1–6).
    pub(crate) fn from_digit(c: char) -> Option<Level> {
        Some(match c {
            '1' => Level::National,
            '2' => Level::Province,
            '3' => Level::Prefecture,
            '4' => Level::County,
            '5' => Level::Township,
            '6' => Level::Village,
            _ => return None,
        })
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Level::National => "国家级",
            Level::Province => "省级",
            Level::Prefecture => "市级",
            Level::County => "县级",
            Level::Township => "乡镇级",
            Level::Village => "村级",
        }
    }
}

/// # 联系渠道
///
/// 咨询或投诉的一个渠道。未公开的电话号码不得编造：写“12345”政务服务便民热线或政务服务中心窗口。
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Channel {
    /// # 渠道类型
    pub(crate) kind: ChannelKind,
    /// # 渠道内容
    ///
    /// 电话号码（含区号）、窗口名称或网址。
    pub(crate) value: super::shared::Shared,
}

/// # 渠道类型
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum ChannelKind {
    #[serde(rename = "电话")]
    Phone,
    #[serde(rename = "窗口")]
    Window,
    #[serde(rename = "网站")]
    Website,
    #[serde(rename = "信函")]
    Letter,
}

/// # 变更说明
///
/// 一个版本中增加申请人负担（增负）的变更及其法律依据。tongbiao diff 的 burden-without-basis 规则要求每处增负变更都有一条与文件当前版本号相同、指针覆盖该变更的说明。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChangeNote {
    /// # 版本号
    ///
    /// 说明的是哪个版本的变更：等于本文件的 version 时才对本次变更生效，旧版本的说明留作记录。
    pub(crate) version: u32,
    /// # JSON 指针
    ///
    /// 变更的要素，如 /materials/3 或 /promised_deadline；该要素及其下的变更都由本条说明。
    pub(crate) pointer: String,
    /// # 法律依据
    ///
    /// 允许增加负担的法律、法规或规章名称（确知时写明条款），或批准文件的文号。
    pub(crate) basis: String,
}
