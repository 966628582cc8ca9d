//! `bundles/<id>.json`: 一件事 bundles — several items handled as one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Deadline;

/// # 一件事
///
/// 多个事项集成办理（catalog/bundles/<标识>.json）：一次告知、一表申请、一套材料、一窗（端）受理、一网办理。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Bundle {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 一件事标识
    ///
    /// 小写字母、数字和连字符，须与文件名一致。
    #[schemars(regex(pattern = r"^[a-z][a-z0-9-]*$"))]
    pub(crate) id: String,
    /// # 一件事名称
    pub(crate) name: String,
    /// # 牵头部门代码
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) lead_department: String,
    /// # 成员事项
    pub(crate) members: Vec<BundleMember>,
    /// # 一表申请
    ///
    /// 合并后的一张申请表。
    pub(crate) form: BundleForm,
    /// # 一套材料
    ///
    /// 合并去重后的材料 id 列表。
    pub(crate) materials: Vec<String>,
    /// # 整体承诺办结时限
    pub(crate) promised_deadline: Deadline,
    /// # 一网办理入口
    pub(crate) online_entry: String,
    /// # 一窗受理
    ///
    /// 综合受理窗口的名称。
    pub(crate) window: String,
    /// # 来源记录
    ///
    /// 可选；整体承诺办结时限、成员承诺办结时限等事实的来源；键为 JSON 指针，值为该事实的来源或“待核实”状态（见 catalog/README.md“来源与待核实”）。
    #[serde(default, skip_serializing_if = "super::provenance::ProvenanceMap::is_empty")]
    pub(crate) provenance: super::provenance::ProvenanceMap,
    /// # 版本号
    pub(crate) version: u32,
    /// # 更新日期
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) updated: String,
}

/// # 成员事项
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BundleMember {
    /// # 基本编码
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub(crate) item: String,
    /// # 成员承诺办结时限
    pub(crate) promised_deadline: Deadline,
}

/// # 一表申请
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BundleForm {
    /// # 表格名称
    pub(crate) name: String,
    /// # 空白表格
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) blank_form: Option<String>,
}
