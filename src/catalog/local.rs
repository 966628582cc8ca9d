//! `local/<region>/<基本编码>.json`: one implementation of a base item in one
//! region. Holds only local facts; the standard is never repeated here, and a
//! departure from it is allowed only as a reasoned, approved deviation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{ChangeNote, Channel, Deadline};
use super::shared::Shared;
use super::shared_list::{SharedList, SharedValue};

/// # 实施清单
///
/// 一个区划对一个基本目录事项的实施（catalog/local/<区划代码>/<基本编码>.json）。只写本地信息，不重复全省标准。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Local {
    /// # JSON Schema 引用
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub(crate) schema: Option<Shared>,
    /// # 基本编码
    ///
    /// 所实施的基本目录事项，须与文件名一致。
    #[schemars(regex(pattern = r"^[0-9]{12}$"))]
    pub(crate) item: Shared,
    /// # 区划代码
    ///
    /// 须与所在目录名一致。
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub(crate) region: Shared,
    /// # 实施主体
    ///
    /// agencies/<区划代码>.json 中的实施主体 id。
    pub(crate) agency: Shared,
    /// # 实施编码
    ///
    /// 31 位：实施主体统一社会信用代码 18 位 + 行使层级 1 位 + 基本编码 12 位。信用代码未知时不填。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) implementation_code: Option<Box<str>>,
    /// # 承诺办结时限
    ///
    /// 不得超过法定办结时限；即办件为 0。
    pub(crate) promised_deadline: SharedValue<Deadline>,
    /// # 到办事现场次数
    ///
    /// 0、1、2；3 表示多次。
    pub(crate) visits: u32,
    /// # 必须现场办理原因说明
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) visit_reason: Option<Shared>,
    /// # 网上办理
    pub(crate) online: SharedValue<Online>,
    /// # 是否进驻政务服务中心
    ///
    /// 不填表示待补充（导入的清单没有给出；lint 以提示级别报告 value-pending）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) in_service_centre: Option<bool>,
    /// # 未进驻原因
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) not_in_centre_reason: Option<Shared>,
    /// # 是否支持结果邮寄送达
    #[serde(default)]
    pub(crate) delivery_by_post: bool,
    /// # 办理窗口
    #[serde(default)]
    pub(crate) windows: SharedList<Window>,
    /// # 咨询方式
    pub(crate) consultation: SharedList<Channel>,
    /// # 投诉方式
    pub(crate) complaint: SharedList<Channel>,
    /// # 业务办理项
    ///
    /// 一个实施清单按业务情形拆分的办理项（新设、变更、延续、注销……）；业务办理项编码 = 实施编码 31 位 + 办理项代码 2 位。每项只写与全省标准（及本清单）不同的要素。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) handling_items: Vec<HandlingItem>,
    /// # 偏离全省标准
    ///
    /// 本地偏离全省标准的唯一途径；每项须写明要素、本地取值、法律依据和批准机关。
    #[serde(default)]
    pub deviations: Vec<Deviation>,
    /// # 变更说明
    ///
    /// 本版本及以前版本中增负变更的法律依据（tongbiao diff 检查本版本的增负变更都有说明）。
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) change_notes: Vec<ChangeNote>,
    /// # 来源记录
    ///
    /// 可选；本地事实（承诺办结时限、到办事现场次数、网上办理深度等）的来源；未取自本区划公布的实施清单的，标为“待核实”。键为 JSON 指针，值为该事实的来源或“待核实”状态（见 catalog/README.md“来源与待核实”）。
    #[serde(default, skip_serializing_if = "super::provenance::ProvenanceMap::is_empty")]
    pub(crate) provenance: super::provenance::ProvenanceMap,
    /// # 版本号
    pub(crate) version: u32,
    /// # 更新日期
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) updated: Shared,
}

/// # 业务办理项
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct HandlingItem {
    /// # 办理项代码
    ///
    /// 2 位数字，即 33 位业务办理项编码的最后 2 位；同一实施清单内不重复。
    #[schemars(regex(pattern = r"^[0-9]{2}$"))]
    pub(crate) code: String,
    /// # 办理项名称
    ///
    /// 如“新设”“变更”“延续”“注销”。导出未给出时为“待补充”。
    pub(crate) name: String,
    /// # 受理条件
    ///
    /// 本办理项的受理条件与全省标准不同时列明；不填表示与标准相同。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) conditions: Option<Vec<String>>,
    /// # 申请材料
    ///
    /// 本办理项的申请材料与全省标准不同时列明；不填表示与标准相同。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) materials: Option<Vec<super::item::ItemMaterial>>,
    /// # 承诺办结时限
    ///
    /// 本办理项的承诺时限与本清单不同时填写；不得超过法定办结时限。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) promised_deadline: Option<Deadline>,
}

/// # 网上办理
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Online {
    /// # 网上办理深度
    ///
    /// Ⅰ级至Ⅳ级；Ⅳ级为全程网办。不能网办时不填并写明原因。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) depth: Option<OnlineDepth>,
    /// # 网办地址
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) address: Option<Shared>,
    /// # 不能网办原因
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) not_online_reason: Option<Shared>,
}

/// # 网上办理深度
// Ⅰ–Ⅳ级 as the policy writes them (Roman numerals, not acronyms).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub(crate) enum OnlineDepth {
    /// 网上咨询、下载表格。
    #[serde(rename = "Ⅰ级")]
    I,
    /// 网上预约、预审。
    #[serde(rename = "Ⅱ级")]
    II,
    /// 网上受理、到现场一次。
    #[serde(rename = "Ⅲ级")]
    III,
    /// 全程网办。
    #[serde(rename = "Ⅳ级")]
    IV,
}

/// # 办理窗口
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Window {
    /// # 办理地点
    ///
    /// 未公开具体地址时写本区划政务服务中心名称，不得编造门牌号。
    pub(crate) place: Shared,
    /// # 办理时间
    pub(crate) hours: Shared,
}

/// # 偏离
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    /// # 偏离的要素
    ///
    /// 标准中的要素路径，如 /statutory_deadline。
    pub element: String,
    /// # 本地取值
    pub(crate) value: serde_json::Value,
    /// # 法律依据
    pub basis: String,
    /// # 批准机关
    pub approved_by: String,
    /// # 批准日期
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub(crate) approved_on: Option<String>,
}
