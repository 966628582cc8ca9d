//! `items/<基本编码>.json`: one base item, the provincial standard that every
//! region implements unchanged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{ChangeNote, Deadline, Level, Statutory};

/// # 基本目录事项
///
/// 一个主项或子项的全省统一标准（catalog/items/<基本编码>.json）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Item {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<String>,
    /// # 基本编码
    ///
    /// 12 位：省份代码（国家基本目录为 00，本省自设为 63）2 位 + 事项类型 2 位 + 主管部门 2 位 + 主项 3 位 + 子项 3 位（无子项为 000）。须与文件名一致。
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub(crate) code: String,
    /// # 事项名称
    pub(crate) name: String,
    /// # 曾用基本编码
    ///
    /// 本事项由哪些已取消的事项改码、拆分或合并而来（tongbiao diff 据此把旧事项与新事项配对：一个旧编码只写在一个新事项中为改码，写在几个新事项中为拆分，一个新事项写几个旧编码为合并）。仍在目录中的编码不算。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) former_codes: Vec<FormerItem>,
    /// # 事项类型
    ///
    /// catalog.json 代码表中的类型名称，如“行政许可”。
    pub(crate) item_type: String,
    /// # 主管部门代码
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) department: String,
    /// # 行使层级
    ///
    /// 本事项由哪些层级实施；每个该层级的区划都应有实施清单。
    pub(crate) levels: Vec<Level>,
    /// # 设定依据
    pub(crate) legal_basis: Vec<LegalBasis>,
    /// # 服务对象
    pub(crate) service_objects: Vec<ServiceObject>,
    /// # 受理条件
    ///
    /// 逐条列明，每条一个条款。
    #[serde(default)]
    pub(crate) conditions: Vec<String>,
    /// # 申请材料
    #[serde(default)]
    pub(crate) materials: Vec<ItemMaterial>,
    /// # 办理流程
    #[serde(default)]
    pub(crate) process: Vec<ProcessStep>,
    /// # 法定办结时限
    ///
    /// 时限（数值加单位），或法律法规未规定时的 {"none": true}。
    pub(crate) statutory_deadline: Statutory,
    /// # 办件类型
    pub(crate) case_type: CaseType,
    /// # 收费
    pub(crate) fees: Fees,
    /// # 办理结果
    #[serde(default)]
    pub(crate) results: Vec<ResultDoc>,
    /// # 通办
    ///
    /// 通办范围与形式；不通办的事项不填。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) tongban: Option<Tongban>,
    /// # 告知承诺
    ///
    /// 实行告知承诺制的事项填写承诺内容、要求、违诺责任和核查方式（国办发〔2020〕42号）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) commitment: Option<Commitment>,
    /// # 变更说明
    ///
    /// 本版本及以前版本中增负变更的法律依据（tongbiao diff 检查本版本的增负变更都有说明）。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) change_notes: Vec<ChangeNote>,
    /// # 来源记录
    ///
    /// 可选；本文件中事实的来源（设定依据以外的依据、更正的出处）；键为 JSON 指针，值为该事实的来源或“待核实”状态（见 catalog/README.md“来源与待核实”）。
    #[serde(default, skip_serializing_if = "super::provenance::ProvenanceMap::is_empty")]
    pub(crate) provenance: super::provenance::ProvenanceMap,
    /// # 版本号
    ///
    /// 每次修改加 1。
    pub(crate) version: u32,
    /// # 更新日期
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) updated: String,
}

/// # 曾用基本编码
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FormerItem {
    /// # 曾用基本编码
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub(crate) code: String,
    /// # 曾用名称
    pub(crate) name: String,
}

/// # 设定依据
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LegalBasis {
    /// # 文件名称
    ///
    /// 法律、法规、规章或规范性文件的全称，如“《中华人民共和国食品安全法》”。
    pub(crate) document: String,
    /// # 条款
    ///
    /// 确知时填写，如“第三十五条”；不确知时不填，不得臆造条款号。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) article: Option<String>,
    /// # 条款原文
    ///
    /// 法律原文照录，不作改写。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) text: Option<String>,
}

/// # 服务对象
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum ServiceObject {
    #[serde(rename = "自然人")]
    NaturalPerson,
    #[serde(rename = "企业法人")]
    Enterprise,
    #[serde(rename = "事业法人")]
    PublicInstitution,
    #[serde(rename = "社会组织法人")]
    SocialOrganization,
    #[serde(rename = "非法人企业")]
    UnincorporatedEnterprise,
    #[serde(rename = "行政机关")]
    AdministrativeOrgan,
    #[serde(rename = "其他组织")]
    OtherOrganization,
}

/// # 事项申请材料
///
/// 对材料库中一种材料的引用，加上本事项对它的要求。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemMaterial {
    /// # 材料标识
    ///
    /// materials.json 中的材料 id。
    pub(crate) material: String,
    /// # 必要性
    pub(crate) necessity: Necessity,
    /// # 原件份数
    pub(crate) originals: u32,
    /// # 复印件份数
    pub(crate) copies: u32,
    /// # 材料形式
    pub(crate) form: MaterialForm,
    /// # 纸质规格
    ///
    /// 如 A4。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) paper_size: Option<String>,
    /// # 填报须知
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) filling_notes: Option<String>,
    /// # 空白表格
    ///
    /// 空白表格的文件名或下载地址。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) blank_form: Option<String>,
    /// # 示例样表
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sample: Option<String>,
    /// # 要求提供该材料的依据
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) basis: Option<String>,
    /// # 适用情形
    ///
    /// 仅在某种情形下才需提交的材料，写明触发该材料的情形，如“委托他人代办的”。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) situation: Option<String>,
    /// # 免提交
    ///
    /// 可通过电子证照、数据共享核验或部门内部调取而免于提交时，写明方式（国发〔2016〕55号）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) exemption: Option<Exemption>,
    /// # 仍须提交的理由
    ///
    /// 政府部门核发、有电子证照或能数据共享核验的材料仍要求申请人提交时，写明法定理由。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) submission_reason: Option<String>,
    /// # 是否核心材料
    ///
    /// 核心材料不得容缺后补（青海省“高效办成一件事”实施方案，容缺受理）。
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) core: bool,
    /// # 容缺后补
    ///
    /// 必要性为“容缺后补”时，写明申请人的补正承诺和补交时限。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) deferral: Option<Deferral>,
}

/// # 容缺后补承诺
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Deferral {
    /// # 补正承诺
    ///
    /// 申请人承诺的内容，如“在规定期限内补交该材料，逾期未补交的承担的后果”。
    pub(crate) commitment: String,
    /// # 补交时限
    pub(crate) deadline: Deadline,
}

/// # 必要性
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum Necessity {
    #[serde(rename = "必要")]
    Required,
    #[serde(rename = "非必要")]
    Optional,
    #[serde(rename = "容缺后补")]
    Deferrable,
}

/// # 材料形式
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum MaterialForm {
    #[serde(rename = "纸质")]
    Paper,
    #[serde(rename = "电子")]
    Electronic,
    #[serde(rename = "纸质或电子")]
    PaperOrElectronic,
}

/// # 免提交方式
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Exemption {
    /// # 方式
    pub(crate) method: ExemptionMethod,
    /// # 说明
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// # 免提交方式
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum ExemptionMethod {
    #[serde(rename = "电子证照")]
    ElectronicLicense,
    #[serde(rename = "数据共享核验")]
    DataSharing,
    #[serde(rename = "部门内部调取")]
    InternalRetrieval,
}

/// # 办理环节
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProcessStep {
    /// # 环节名称
    ///
    /// 如受理、审查、决定、送达。
    pub(crate) name: String,
    /// # 办理人员
    ///
    /// 承办岗位，如“受理窗口工作人员”。
    pub(crate) actor: String,
    /// # 环节时限
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) deadline: Option<Deadline>,
    /// # 办理标准
    ///
    /// 本环节的审查或办理标准。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) standard: Option<String>,
}

/// # 办件类型
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum CaseType {
    /// 当场办结。
    #[serde(rename = "即办件")]
    Immediate,
    /// 在承诺时限内办结。
    #[serde(rename = "承诺件")]
    Promised,
    /// 导入的清单没有给出办件类型：待补充（lint 以提示级别报告 value-pending）。
    #[serde(rename = "待补充")]
    Pending,
}

/// # 收费
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Fees {
    /// # 是否收费
    ///
    /// 不填表示待补充（导入的清单没有给出；lint 以提示级别报告 value-pending）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) charged: Option<bool>,
    /// # 收费项目
    ///
    /// 不收费时为空。
    #[serde(default)]
    pub(crate) charges: Vec<Charge>,
}

/// # 收费项目
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Charge {
    /// # 收费项目名称
    pub(crate) name: String,
    /// # 收费标准
    ///
    /// 金额或计算方法，不得写“按规定收费”。
    pub(crate) standard: String,
    /// # 收费依据
    ///
    /// 批准收费的文件名称及文号。
    pub(crate) basis: String,
    /// # 是否允许减免
    #[serde(default)]
    pub(crate) waiver_allowed: bool,
    /// # 减免依据
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) waiver_basis: Option<String>,
}

/// # 办理结果
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultDoc {
    /// # 结果名称
    pub(crate) name: String,
    /// # 结果类型
    pub(crate) kind: ResultKind,
    /// # 结果样本
    ///
    /// 样本文件名或地址。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sample: Option<String>,
}

/// # 结果类型
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum ResultKind {
    #[serde(rename = "证照")]
    License,
    #[serde(rename = "批文")]
    Approval,
    #[serde(rename = "其他")]
    Other,
}

/// # 通办
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Tongban {
    /// # 通办范围
    pub(crate) scope: TongbanScope,
    /// # 通办形式
    pub(crate) modes: Vec<TongbanMode>,
}

/// # 通办范围
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum TongbanScope {
    #[serde(rename = "全市通办")]
    Prefecture,
    #[serde(rename = "全省通办")]
    Province,
    #[serde(rename = "跨省通办")]
    CrossProvince,
}

/// # 通办形式
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum TongbanMode {
    #[serde(rename = "全程网办")]
    FullyOnline,
    #[serde(rename = "异地代收代办")]
    ProxyHandling,
    #[serde(rename = "多地联办")]
    JointHandling,
}

/// # 告知承诺
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Commitment {
    /// # 承诺内容
    pub(crate) content: String,
    /// # 承诺要求
    pub(crate) requirements: String,
    /// # 违诺责任
    pub(crate) liability: String,
    /// # 核查方式
    pub(crate) verification: String,
}
