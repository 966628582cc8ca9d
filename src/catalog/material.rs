//! `materials.json`: the material registry (材料库), each material once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// # 材料库
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MaterialsFile {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 材料
    pub(crate) materials: Vec<Material>,
}

/// # 材料
///
/// 材料库中的一种材料。事项以 id 引用，保证同一材料在各事项中名称一致。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Material {
    /// # 材料标识
    ///
    /// 小写字母、数字和下划线，如 id_card。
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub(crate) id: String,
    /// # 材料标准名称
    pub(crate) name: String,
    /// # 材料类型
    pub(crate) kind: MaterialKind,
    /// # 来源渠道
    pub(crate) source: MaterialSource,
    /// # 出具单位
    ///
    /// 政府部门核发或中介机构出具的材料，写明出具单位类别。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) issuer: Option<String>,
    /// # 是否有电子证照
    #[serde(default)]
    pub(crate) e_license: bool,
    /// # 能否数据共享核验
    #[serde(default)]
    pub(crate) shared_verification: bool,
}

/// # 材料类型
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum MaterialKind {
    #[serde(rename = "证件证书证明")]
    Certificate,
    #[serde(rename = "申请表格文书")]
    Form,
    #[serde(rename = "其他")]
    Other,
}

/// # 来源渠道
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum MaterialSource {
    #[serde(rename = "申请人自备")]
    Applicant,
    #[serde(rename = "政府部门核发")]
    Government,
    #[serde(rename = "中介机构出具")]
    Intermediary,
    #[serde(rename = "其他")]
    Other,
}
