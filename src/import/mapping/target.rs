//! The elements a field of the export can feed, and the attributes of a
//! material object: their ids (as written in mapping files), the field
//! names provincial platforms use for them (the default mapping), and
//! their Chinese names for messages.

use super::field_key;

/// What a field of the export becomes in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Target {
    ItemCode,
    ImplementationCode,
    HandlingCode,
    HandlingName,
    Name,
    ItemType,
    Department,
    Level,
    Region,
    Agency,
    AgencyCreditCode,
    LegalBasis,
    ServiceObjects,
    Conditions,
    Materials,
    Process,
    StatutoryDeadline,
    StatutoryDeadlineUnit,
    CaseType,
    Charged,
    Fees,
    Results,
    ResultKind,
    ResultSample,
    PromisedDeadline,
    PromisedDeadlineUnit,
    Visits,
    VisitReason,
    OnlineDepth,
    OnlineAddress,
    NotOnlineReason,
    InServiceCentre,
    NotInCentreReason,
    DeliveryByPost,
    Place,
    Hours,
    Consultation,
    Complaint,
}

impl Target {
    pub(crate) const ALL: [Target; 38] = [
        Target::ItemCode,
        Target::ImplementationCode,
        Target::HandlingCode,
        Target::HandlingName,
        Target::Name,
        Target::ItemType,
        Target::Department,
        Target::Level,
        Target::Region,
        Target::Agency,
        Target::AgencyCreditCode,
        Target::LegalBasis,
        Target::ServiceObjects,
        Target::Conditions,
        Target::Materials,
        Target::Process,
        Target::StatutoryDeadline,
        Target::StatutoryDeadlineUnit,
        Target::CaseType,
        Target::Charged,
        Target::Fees,
        Target::Results,
        Target::ResultKind,
        Target::ResultSample,
        Target::PromisedDeadline,
        Target::PromisedDeadlineUnit,
        Target::Visits,
        Target::VisitReason,
        Target::OnlineDepth,
        Target::OnlineAddress,
        Target::NotOnlineReason,
        Target::InServiceCentre,
        Target::NotInCentreReason,
        Target::DeliveryByPost,
        Target::Place,
        Target::Hours,
        Target::Consultation,
        Target::Complaint,
    ];

    /// The id written in mapping files (catalog field names where one exists).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Target::ItemCode => "item",
            Target::ImplementationCode => "implementation_code",
            Target::HandlingCode => "handling_code",
            Target::HandlingName => "handling_name",
            Target::Name => "name",
            Target::ItemType => "item_type",
            Target::Department => "department",
            Target::Level => "level",
            Target::Region => "region",
            Target::Agency => "agency",
            Target::AgencyCreditCode => "credit_code",
            Target::LegalBasis => "legal_basis",
            Target::ServiceObjects => "service_objects",
            Target::Conditions => "conditions",
            Target::Materials => "materials",
            Target::Process => "process",
            Target::StatutoryDeadline => "statutory_deadline",
            Target::StatutoryDeadlineUnit => "statutory_deadline_unit",
            Target::CaseType => "case_type",
            Target::Charged => "charged",
            Target::Fees => "fees",
            Target::Results => "results",
            Target::ResultKind => "result_kind",
            Target::ResultSample => "result_sample",
            Target::PromisedDeadline => "promised_deadline",
            Target::PromisedDeadlineUnit => "promised_deadline_unit",
            Target::Visits => "visits",
            Target::VisitReason => "visit_reason",
            Target::OnlineDepth => "online_depth",
            Target::OnlineAddress => "online_address",
            Target::NotOnlineReason => "not_online_reason",
            Target::InServiceCentre => "in_service_centre",
            Target::NotInCentreReason => "not_in_centre_reason",
            Target::DeliveryByPost => "delivery_by_post",
            Target::Place => "place",
            Target::Hours => "hours",
            Target::Consultation => "consultation",
            Target::Complaint => "complaint",
        }
    }

    /// Field names provincial platforms use for this element: the default
    /// mapping. The first one is the name used in messages.
    pub(crate) fn default_sources(self) -> &'static [&'static str] {
        match self {
            Target::ItemCode => &["基本编码", "基本目录编码", "事项基本编码"],
            Target::ImplementationCode => &["实施编码", "事项实施编码"],
            Target::HandlingCode => &["业务办理项编码", "办理项编码"],
            Target::HandlingName => &["业务办理项名称", "办理项名称", "业务办理项"],
            Target::Name => &["事项名称"],
            Target::ItemType => &["事项类型"],
            Target::Department => &["主管部门"],
            Target::Level => &["行使层级"],
            Target::Region => &[
                "区划代码",
                "行政区划代码",
                "实施区划代码",
                "行政区划",
                "实施区划",
                "区划名称",
            ],
            Target::Agency => &["实施主体", "实施主体名称", "实施机构"],
            Target::AgencyCreditCode => &["实施主体编码", "实施主体统一社会信用代码", "统一社会信用代码"],
            Target::LegalBasis => &["设定依据"],
            Target::ServiceObjects => &["服务对象"],
            Target::Conditions => &["受理条件"],
            Target::Materials => &["申请材料"],
            Target::Process => &["办理流程"],
            Target::StatutoryDeadline => &["法定办结时限", "法定时限"],
            Target::StatutoryDeadlineUnit => &["法定办结时限单位", "法定时限单位"],
            Target::CaseType => &["办件类型"],
            Target::Charged => &["是否收费"],
            Target::Fees => &["收费", "收费项目"],
            Target::Results => &["办理结果", "办理结果名称", "结果名称"],
            Target::ResultKind => &["办理结果类型", "结果类型"],
            Target::ResultSample => &["办理结果样本", "结果样本"],
            Target::PromisedDeadline => &["承诺办结时限", "承诺时限"],
            Target::PromisedDeadlineUnit => &["承诺办结时限单位", "承诺时限单位"],
            Target::Visits => &["到办事现场次数", "到现场次数"],
            Target::VisitReason => &["必须现场办理原因说明", "到现场原因"],
            Target::OnlineDepth => &["网上办理深度", "网办深度"],
            Target::OnlineAddress => &["网上办理地址", "网办地址"],
            Target::NotOnlineReason => &["不能网办原因"],
            Target::InServiceCentre => &["是否进驻政务服务中心", "是否进驻大厅"],
            Target::NotInCentreReason => &["未进驻原因", "未进驻政务服务中心原因"],
            Target::DeliveryByPost => &["是否支持物流快递", "是否支持邮寄送达", "结果邮寄"],
            Target::Place => &["办理地点"],
            Target::Hours => &["办理时间"],
            Target::Consultation => &["咨询电话", "咨询方式"],
            Target::Complaint => &["投诉电话", "投诉方式", "监督投诉方式"],
        }
    }

    /// Chinese name for messages.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Target::ItemCode => "基本编码",
            Target::Charged => "是否收费",
            Target::Fees => "收费",
            Target::ResultKind => "办理结果类型",
            Target::ResultSample => "办理结果样本",
            Target::Region => "区划",
            t => t.default_sources()[0],
        }
    }

    /// A target named by its id or by one of its default source names.
    pub(crate) fn from_name(name: &str) -> Option<Target> {
        let key = field_key(name);
        Target::ALL
            .into_iter()
            .find(|t| t.id() == key || t.default_sources().iter().any(|s| field_key(s) == key))
    }
}

/// An attribute of one 申请材料 entry given with its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MaterialAttr {
    Name,
    Necessity,
    Kind,
    Source,
    Issuer,
    Originals,
    Copies,
    Form,
    PaperSize,
    FillingNotes,
    BlankForm,
    Sample,
    Basis,
    Situation,
    Exemption,
    ExemptionNote,
    SubmissionReason,
    Core,
}

impl MaterialAttr {
    pub(crate) const ALL: [MaterialAttr; 18] = [
        MaterialAttr::Name,
        MaterialAttr::Necessity,
        MaterialAttr::Kind,
        MaterialAttr::Source,
        MaterialAttr::Issuer,
        MaterialAttr::Originals,
        MaterialAttr::Copies,
        MaterialAttr::Form,
        MaterialAttr::PaperSize,
        MaterialAttr::FillingNotes,
        MaterialAttr::BlankForm,
        MaterialAttr::Sample,
        MaterialAttr::Basis,
        MaterialAttr::Situation,
        MaterialAttr::Exemption,
        MaterialAttr::ExemptionNote,
        MaterialAttr::SubmissionReason,
        MaterialAttr::Core,
    ];

    pub(crate) fn id(self) -> &'static str {
        match self {
            MaterialAttr::Name => "name",
            MaterialAttr::Necessity => "necessity",
            MaterialAttr::Kind => "kind",
            MaterialAttr::Source => "source",
            MaterialAttr::Issuer => "issuer",
            MaterialAttr::Originals => "originals",
            MaterialAttr::Copies => "copies",
            MaterialAttr::Form => "form",
            MaterialAttr::PaperSize => "paper_size",
            MaterialAttr::FillingNotes => "filling_notes",
            MaterialAttr::BlankForm => "blank_form",
            MaterialAttr::Sample => "sample",
            MaterialAttr::Basis => "basis",
            MaterialAttr::Situation => "situation",
            MaterialAttr::Exemption => "exemption",
            MaterialAttr::ExemptionNote => "exemption_note",
            MaterialAttr::SubmissionReason => "submission_reason",
            MaterialAttr::Core => "core",
        }
    }

    pub(crate) fn default_sources(self) -> &'static [&'static str] {
        match self {
            MaterialAttr::Name => &["材料名称", "名称"],
            MaterialAttr::Necessity => &["必要性", "是否必要", "材料必要性"],
            MaterialAttr::Kind => &["材料类型"],
            MaterialAttr::Source => &["来源渠道", "材料来源"],
            MaterialAttr::Issuer => &["出具单位", "来源渠道说明"],
            MaterialAttr::Originals => &["原件份数", "纸质原件份数", "原件数量"],
            MaterialAttr::Copies => &["复印件份数", "纸质复印件份数", "复印件数量"],
            MaterialAttr::Form => &["材料形式"],
            MaterialAttr::PaperSize => &["纸质规格", "纸质材料规格"],
            MaterialAttr::FillingNotes => &["填报须知"],
            MaterialAttr::BlankForm => &["空白表格"],
            MaterialAttr::Sample => &["示例样表"],
            MaterialAttr::Basis => &["要求提供该材料的依据", "依据"],
            MaterialAttr::Situation => &["适用情形"],
            MaterialAttr::Exemption => &["免提交方式", "免提交"],
            MaterialAttr::ExemptionNote => &["免提交说明"],
            MaterialAttr::SubmissionReason => &["仍须提交的理由"],
            MaterialAttr::Core => &["是否核心材料"],
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<MaterialAttr> {
        let key = field_key(name);
        MaterialAttr::ALL
            .into_iter()
            .find(|a| a.id() == key || a.default_sources().iter().any(|s| field_key(s) == key))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn every_source_name_belongs_to_one_target() {
        let mut seen = HashMap::new();
        for t in Target::ALL {
            for s in t.default_sources() {
                assert!(seen.insert(*s, t).is_none(), "{s} mapped twice");
            }
        }
    }
}
