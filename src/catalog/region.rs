//! `regions.json`: Qinghai's administrative divisions (GB/T 2260).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Level;

/// # 行政区划表
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegionsFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 行政区划
    pub(crate) regions: Vec<Region>,
}

/// # 行政区划
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Region {
    /// # 区划代码
    ///
    /// 6 位 GB/T 2260 代码，如 630100（西宁市）。
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) code: String,
    /// # 区划名称
    pub(crate) name: String,
    /// # 层级
    ///
    /// 省级、市级（含自治州）或县级（含区、县级市、自治县）。
    pub(crate) level: Level,
    /// # 上级区划代码
    ///
    /// 省级区划不填。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) parent: Option<String>,
    /// # 曾用代码
    ///
    /// 撤县设区、撤县设市等区划调整前使用的代码，供导入旧清单时对照。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) former_codes: Vec<FormerCode>,
}

/// # 曾用代码
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FormerCode {
    /// # 曾用区划代码
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) code: String,
    /// # 曾用名称
    pub(crate) name: String,
}
