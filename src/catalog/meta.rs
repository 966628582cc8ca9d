//! `catalog.json`: what this catalog is, and the province's code lists that
//! differ between provinces and so are data, not code.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # 目录信息
///
/// 目录的元数据与本省代码表（catalog/catalog.json）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CatalogMeta {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 省级行政区划代码
    ///
    /// 6 位 GB/T 2260 代码，青海省为 630000。
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) province: String,
    /// # 目录名称
    pub(crate) title: String,
    /// # 格式版本
    ///
    /// 本目录文件格式的版本号，tongbiao 据此判断能否读取。
    pub(crate) format_version: u32,
    /// # 事项类型代码表
    ///
    /// 事项类型及其 2 位代码（基本编码第 3–4 位）。各省代码表不尽相同，故作为数据维护。
    pub(crate) item_types: Vec<ItemTypeCode>,
    /// # 更新日期
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) updated: String,
}

/// # 事项类型
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemTypeCode {
    /// # 类型代码
    ///
    /// 2 位数字，即基本编码第 3–4 位。
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) code: String,
    /// # 类型名称
    ///
    /// 如“行政许可”“公共服务”。
    pub(crate) name: String,
    /// # 是否面向申请人
    ///
    /// 有申请人的事项（许可、给付、确认、奖励、裁决、其他行政权力、公共服务等）须列明受理条件、申请材料、收费和办事指南。
    pub(crate) applicant_facing: bool,
}
