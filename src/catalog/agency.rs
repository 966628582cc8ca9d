//! `departments.json` and `agencies/<region>.json`: competent departments and
//! the agencies that implement items in each region.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Level;

/// # 主管部门表
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DepartmentsFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 主管部门
    pub(crate) departments: Vec<Department>,
}

/// # 主管部门
///
/// 一个行业主管部门及本目录为其分配的 2 位部门代码（基本编码第 5–6 位）。全国部门代码表未公开，故由本目录维护。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Department {
    /// # 部门代码
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) code: String,
    /// # 部门类别名称
    ///
    /// 各级通用的名称，如“市场监督管理部门”。
    pub(crate) name: String,
    /// # 省级部门名称
    ///
    /// 如“青海省市场监督管理局”。
    pub(crate) provincial_name: String,
}

/// # 实施主体表
///
/// 一个区划内的实施主体（catalog/agencies/<区划代码>.json）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AgenciesFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 区划代码
    ///
    /// 本文件所列实施主体所在区划，须与文件名一致。
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) region: String,
    /// # 实施主体
    pub(crate) agencies: Vec<Agency>,
}

/// # 实施主体
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Agency {
    /// # 实施主体标识
    ///
    /// 区划代码-部门代码，如 630100-01。实施清单以此引用实施主体。
    #[schemars(regex(pattern = r"^[0-9]{6}-[0-9A-Za-z]{1,8}$"))]
    pub(crate) id: String,
    /// # 实施主体名称
    ///
    /// 机构全称，如“西宁市市场监督管理局”。
    pub(crate) name: String,
    /// # 主管部门代码
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) department: String,
    /// # 行使层级
    pub(crate) level: Level,
    /// # 来源记录
    ///
    /// 可选；本实施主体事实的来源，指针相对于本实施主体对象（如 /name）；键为 JSON 指针，值为该事实的来源或“待核实”状态（见 catalog/README.md“来源与待核实”）。
    #[serde(default, skip_serializing_if = "super::provenance::ProvenanceMap::is_empty")]
    pub(crate) provenance: super::provenance::ProvenanceMap,
    /// # 统一社会信用代码
    ///
    /// 18 位 GB 32100 代码。未公开时留空，lint 以提示级别报告“待补充”；不得编造。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) credit_code: Option<String>,
}
