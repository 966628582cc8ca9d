//! The field mapping: which field of an export feeds which catalog element,
//! and how its text is parsed. A built-in table covers the field names
//! provincial platforms export; a small JSON mapping file written by the
//! user adds renames, parsers, declared defaults and unit words for a
//! portal whose export differs (format documented in README.md).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use crate::catalog::item::{MaterialForm, Necessity};
use crate::catalog::material::{MaterialKind, MaterialSource};
use crate::catalog::DeadlineUnit;

/// What a field of the export becomes in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    ItemCode,
    ImplementationCode,
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
    pub const ALL: [Target; 36] = [
        Target::ItemCode,
        Target::ImplementationCode,
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
    pub fn id(self) -> &'static str {
        match self {
            Target::ItemCode => "item",
            Target::ImplementationCode => "implementation_code",
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
    pub fn default_sources(self) -> &'static [&'static str] {
        match self {
            Target::ItemCode => &["基本编码", "基本目录编码", "事项基本编码"],
            Target::ImplementationCode => &["实施编码", "事项实施编码"],
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
    pub fn label(self) -> &'static str {
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
    pub fn from_name(name: &str) -> Option<Target> {
        let key = field_key(name);
        Target::ALL
            .into_iter()
            .find(|t| t.id() == key || t.default_sources().iter().any(|s| field_key(s) == key))
    }
}

/// An attribute of one 申请材料 entry given with its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MaterialAttr {
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
    pub const ALL: [MaterialAttr; 18] = [
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

    pub fn id(self) -> &'static str {
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

    pub fn default_sources(self) -> &'static [&'static str] {
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

    fn from_name(name: &str) -> Option<MaterialAttr> {
        let key = field_key(name);
        MaterialAttr::ALL
            .into_iter()
            .find(|a| a.id() == key || a.default_sources().iter().any(|s| field_key(s) == key))
    }
}

/// How a field's raw value is turned into what its target reads, before
/// the target's own (tolerant) reader runs.
#[derive(Debug, Clone)]
pub enum Parser {
    /// The cell holds JSON (e.g. a CSV cell with a material list).
    Json,
    /// Split the text into a list at any of these separators.
    Split(Vec<String>),
    /// A template such as "{value}({unit})": the placeholders become the
    /// fields of an object (value, unit, note for a deadline).
    Pattern(regex::Regex),
    /// A regular expression whose named groups become the fields of an object.
    Regex(regex::Regex),
    /// A lookup table from source values to catalog values.
    Map(Map<String, Value>),
}

/// One field of the export: where it goes (None: known, deliberately not
/// imported) and an optional parser.
#[derive(Debug, Clone)]
pub struct FieldRule {
    pub target: Option<Target>,
    pub parser: Option<Parser>,
}

/// Values used for 申请材料 given as bare names, without attributes.
#[derive(Debug, Clone, Copy)]
pub struct MaterialDefaults {
    pub necessity: Necessity,
    pub originals: u32,
    pub copies: u32,
    pub form: MaterialForm,
    pub kind: MaterialKind,
    pub source: MaterialSource,
}

impl Default for MaterialDefaults {
    fn default() -> Self {
        MaterialDefaults {
            necessity: Necessity::Required,
            originals: 1,
            copies: 0,
            form: MaterialForm::PaperOrElectronic,
            kind: MaterialKind::Other,
            source: MaterialSource::Other,
        }
    }
}

/// The effective mapping: the defaults with the user's file on top.
#[derive(Debug, Clone)]
pub struct Mapping {
    fields: HashMap<String, FieldRule>,
    material_fields: HashMap<String, Option<MaterialAttr>>,
    /// Values the user declared for records that lack the field.
    pub defaults: BTreeMap<Target, Value>,
    /// Extra unit words (e.g. 天 → 工作日), on top of the built-in ones.
    pub units: BTreeMap<String, DeadlineUnit>,
    pub material_defaults: MaterialDefaults,
    /// CSV field delimiter.
    pub delimiter: u8,
}

impl Default for Mapping {
    fn default() -> Self {
        let mut fields = HashMap::new();
        for t in Target::ALL {
            for s in t.default_sources().iter().chain([&t.id()]) {
                fields.insert(
                    field_key(s),
                    FieldRule {
                        target: Some(t),
                        parser: None,
                    },
                );
            }
        }
        let mut material_fields = HashMap::new();
        for a in MaterialAttr::ALL {
            for s in a.default_sources().iter().chain([&a.id()]) {
                material_fields.insert(field_key(s), Some(a));
            }
        }
        Mapping {
            fields,
            material_fields,
            defaults: BTreeMap::new(),
            units: BTreeMap::new(),
            material_defaults: MaterialDefaults::default(),
            delimiter: b',',
        }
    }
}

/// Field names are compared without surrounding or inner white space (CSV
/// headers often carry stray spaces or a BOM).
pub fn field_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}'))
        .collect()
}

impl Mapping {
    /// The rule for a source field, if it is mapped or ignored.
    pub fn rule(&self, source: &str) -> Option<&FieldRule> {
        self.fields.get(&field_key(source))
    }

    /// The field names that feed a target: the user's first, then the
    /// defaults (for messages).
    pub fn sources_of(&self, t: Target) -> Vec<String> {
        let mut user: Vec<String> = self
            .fields
            .iter()
            .filter(|(k, r)| {
                r.target == Some(t) && k.as_str() != t.id() && !t.default_sources().iter().any(|s| field_key(s) == **k)
            })
            .map(|(k, _)| k.clone())
            .collect();
        user.sort();
        user.extend(
            t.default_sources()
                .iter()
                .filter(|s| self.rule(s).is_some_and(|r| r.target == Some(t)))
                .map(|s| s.to_string()),
        );
        user
    }

    /// The attribute a key of a material object stands for; `Some(None)`:
    /// deliberately ignored.
    pub fn material_attr(&self, key: &str) -> Option<Option<MaterialAttr>> {
        self.material_fields.get(&field_key(key)).copied()
    }

    /// Read a mapping file (JSON) on top of the defaults. Errors are in
    /// Chinese and name the offending key.
    pub fn from_json(text: &str) -> Result<Mapping, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let v: Value = serde_json::from_str(text).map_err(|e| format!("不是有效的 JSON：{e}"))?;
        let Value::Object(top) = v else {
            return Err("顶层应为 JSON 对象".into());
        };
        let mut m = Mapping::default();
        for (key, val) in &top {
            match key.as_str() {
                "$schema" | "description" => {}
                "fields" => {
                    let obj = as_object(val, "fields")?;
                    for (source, spec) in obj {
                        let rule = field_rule(source, spec)?;
                        m.fields.insert(field_key(source), rule);
                    }
                }
                "ignore" => {
                    for s in string_list(val, "ignore")? {
                        m.fields.insert(
                            field_key(&s),
                            FieldRule {
                                target: None,
                                parser: None,
                            },
                        );
                    }
                }
                "defaults" => {
                    for (name, value) in as_object(val, "defaults")? {
                        let t = Target::from_name(name)
                            .ok_or_else(|| format!("defaults 中的“{name}”不是可导入的要素；可用的要素见 README"))?;
                        m.defaults.insert(t, value.clone());
                    }
                }
                "units" => {
                    for (word, unit) in as_object(val, "units")? {
                        let u = match unit.as_str() {
                            Some("工作日") => DeadlineUnit::WorkingDays,
                            Some("自然日") => DeadlineUnit::CalendarDays,
                            _ => return Err(format!("units 中“{word}”的值应为“工作日”或“自然日”")),
                        };
                        m.units.insert(word.trim().to_string(), u);
                    }
                }
                "material_fields" => {
                    for (source, attr) in as_object(val, "material_fields")? {
                        let a = match attr {
                            Value::Null => None,
                            Value::String(s) if s == "-" => None,
                            Value::String(s) => Some(MaterialAttr::from_name(s).ok_or_else(|| {
                                format!("material_fields 中“{source}”的目标“{s}”不是材料属性（name、necessity、originals 等）")
                            })?),
                            _ => return Err(format!("material_fields 中“{source}”的值应为字符串")),
                        };
                        m.material_fields.insert(field_key(source), a);
                    }
                }
                "material_defaults" => {
                    m.material_defaults = material_defaults(val, m.material_defaults)?;
                }
                "csv_delimiter" => {
                    let s = val.as_str().unwrap_or_default();
                    let d = match s {
                        "\\t" | "\t" => b'\t',
                        _ if s.len() == 1 => s.as_bytes()[0],
                        _ => return Err("csv_delimiter 应为一个 ASCII 字符，如 \",\"、\";\" 或 \"\\t\"".into()),
                    };
                    m.delimiter = d;
                }
                other => {
                    return Err(format!(
                        "未知的键“{other}”；允许的键：fields、ignore、defaults、units、material_fields、material_defaults、csv_delimiter"
                    ))
                }
            }
        }
        Ok(m)
    }
}

fn as_object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>, String> {
    v.as_object().ok_or_else(|| format!("{what} 应为 JSON 对象"))
}

fn string_list(v: &Value, what: &str) -> Result<Vec<String>, String> {
    v.as_array()
        .and_then(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect())
        .ok_or_else(|| format!("{what} 应为字符串列表"))
}

fn target(source: &str, name: &str) -> Result<Option<Target>, String> {
    if name == "-" {
        return Ok(None);
    }
    Target::from_name(name).map(Some).ok_or_else(|| {
        format!("fields 中“{source}”的目标“{name}”不是可导入的要素；可用的要素见 README 的默认字段映射表")
    })
}

fn field_rule(source: &str, spec: &Value) -> Result<FieldRule, String> {
    match spec {
        Value::String(name) => Ok(FieldRule {
            target: target(source, name)?,
            parser: None,
        }),
        Value::Null => Ok(FieldRule {
            target: None,
            parser: None,
        }),
        Value::Object(o) => {
            for k in o.keys() {
                if k != "to" && k != "parse" {
                    return Err(format!("fields 中“{source}”有未知的键“{k}”；允许 to 和 parse"));
                }
            }
            let to = o
                .get("to")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("fields 中“{source}”缺少 to（目标要素）"))?;
            let parser = match o.get("parse") {
                None => None,
                Some(p) => Some(parser(source, p)?),
            };
            Ok(FieldRule {
                target: target(source, to)?,
                parser,
            })
        }
        _ => Err(format!(
            "fields 中“{source}”的值应为目标要素名或 {{\"to\": …, \"parse\": …}}"
        )),
    }
}

fn parser(source: &str, p: &Value) -> Result<Parser, String> {
    let bad = || {
        format!(
            "fields 中“{source}”的 parse 应为 \"json\"、{{\"split\": [分隔符…]}}、{{\"pattern\": \"{{value}}({{unit}})\"}}、{{\"regex\": …}} 或 {{\"map\": {{…}}}}"
        )
    };
    match p {
        Value::String(s) if s == "json" => Ok(Parser::Json),
        Value::Object(o) if o.len() == 1 => {
            let (k, v) = o.iter().next().ok_or_else(bad)?;
            match k.as_str() {
                "split" => {
                    let seps = string_list(v, &format!("“{source}”的 split"))?;
                    if seps.iter().any(String::is_empty) || seps.is_empty() {
                        return Err(format!("“{source}”的 split 分隔符不能为空"));
                    }
                    Ok(Parser::Split(seps))
                }
                "pattern" => {
                    let t = v.as_str().ok_or_else(bad)?;
                    Ok(Parser::Pattern(
                        pattern_regex(t).map_err(|e| format!("“{source}”的 pattern 有误：{e}"))?,
                    ))
                }
                "regex" => {
                    let t = v.as_str().ok_or_else(bad)?;
                    let re = regex::Regex::new(t).map_err(|e| format!("“{source}”的 regex 有误：{e}"))?;
                    if re.capture_names().flatten().next().is_none() {
                        return Err(format!(
                            "“{source}”的 regex 没有命名分组；用 (?P<value>…)、(?P<unit>…) 等命名要取出的部分"
                        ));
                    }
                    Ok(Parser::Regex(re))
                }
                "map" => Ok(Parser::Map(as_object(v, &format!("“{source}”的 map"))?.clone())),
                _ => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}

/// "{value}({unit})" → ^(?P<value>.*?)\((?P<unit>.*?)\)$, with full-width
/// punctuation in the template and the text treated alike.
fn pattern_regex(template: &str) -> Result<regex::Regex, String> {
    let t = fold_width(template);
    let mut re = String::from("^\\s*");
    let mut rest = t.as_str();
    let mut names = 0;
    while let Some(open) = rest.find('{') {
        re.push_str(&regex::escape(&rest[..open]));
        let close = rest[open..].find('}').ok_or_else(|| "“{”没有对应的“}”".to_string())? + open;
        let name = &rest[open + 1..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "占位符“{{{name}}}”应为英文名称，如 {{value}}、{{unit}}、{{note}}"
            ));
        }
        re.push_str(&format!("\\s*(?P<{name}>.*?)\\s*"));
        names += 1;
        rest = &rest[close + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push_str("\\s*$");
    if names == 0 {
        return Err("没有占位符；用 {value}、{unit} 等标出要取出的部分".into());
    }
    regex::Regex::new(&re).map_err(|e| e.to_string())
}

/// Full-width ASCII variants (（）：０-９ …) and the ideographic space to
/// their ASCII forms, so templates and text match either way.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn material_defaults(v: &Value, mut d: MaterialDefaults) -> Result<MaterialDefaults, String> {
    let obj = as_object(v, "material_defaults")?;
    for (k, val) in obj {
        let bad = || format!("material_defaults 中 {k} 的值“{val}”无效");
        match k.as_str() {
            "necessity" => {
                d.necessity = serde_json::from_value(val.clone()).map_err(|_| bad())?;
            }
            "form" => d.form = serde_json::from_value(val.clone()).map_err(|_| bad())?,
            "kind" => d.kind = serde_json::from_value(val.clone()).map_err(|_| bad())?,
            "source" => d.source = serde_json::from_value(val.clone()).map_err(|_| bad())?,
            "originals" => d.originals = val.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(bad)?,
            "copies" => d.copies = val.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(bad)?,
            _ => {
                return Err(format!(
                    "material_defaults 中未知的键“{k}”；允许 necessity、originals、copies、form、kind、source"
                ));
            }
        }
    }
    Ok(d)
}

/// Apply a field's parser to its raw value.
pub fn apply(parser: &Parser, v: Value) -> Result<Value, String> {
    let text = match &v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return Ok(v),
    };
    match parser {
        Parser::Json => serde_json::from_str(&text).map_err(|e| format!("不是有效的 JSON（{e}）")),
        Parser::Split(seps) => {
            let mut parts = vec![text];
            for sep in seps {
                parts = parts
                    .iter()
                    .flat_map(|p| p.split(sep.as_str()).map(str::to_string).collect::<Vec<_>>())
                    .collect();
            }
            Ok(Value::Array(
                parts
                    .into_iter()
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .map(Value::String)
                    .collect(),
            ))
        }
        Parser::Pattern(re) | Parser::Regex(re) => {
            let folded;
            let subject = if matches!(parser, Parser::Pattern(_)) {
                folded = fold_width(&text);
                folded.as_str()
            } else {
                text.as_str()
            };
            let caps = re
                .captures(subject)
                .ok_or_else(|| format!("“{text}”与映射文件中的格式不符"))?;
            let mut obj = Map::new();
            for name in re.capture_names().flatten() {
                if let Some(m) = caps.name(name) {
                    let s = m.as_str().trim();
                    if !s.is_empty() {
                        obj.insert(name.to_string(), Value::String(s.to_string()));
                    }
                }
            }
            Ok(Value::Object(obj))
        }
        Parser::Map(table) => Ok(table.get(text.trim()).cloned().unwrap_or(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_sources_resolve_to_their_targets() {
        let m = Mapping::default();
        assert_eq!(m.rule("法定办结时限").unwrap().target, Some(Target::StatutoryDeadline));
        assert_eq!(m.rule(" 承诺 时限 ").unwrap().target, Some(Target::PromisedDeadline));
        assert_eq!(
            m.rule("statutory_deadline").unwrap().target,
            Some(Target::StatutoryDeadline)
        );
        assert!(m.rule("备注").is_none());
        assert_eq!(m.material_attr("材料名称"), Some(Some(MaterialAttr::Name)));
    }

    #[test]
    fn every_source_name_belongs_to_one_target() {
        let mut seen = HashMap::new();
        for t in Target::ALL {
            for s in t.default_sources() {
                assert!(seen.insert(*s, t).is_none(), "{s} mapped twice");
            }
        }
    }

    #[test]
    fn a_mapping_file_renames_ignores_and_parses() {
        let m = Mapping::from_json(
            r#"{
              "fields": {
                "法定期限": {"to": "法定办结时限", "parse": {"pattern": "{value}({unit})"}},
                "办理对象": "service_objects",
                "备注": "-"
              },
              "ignore": ["更新时间"],
              "defaults": {"是否进驻政务服务中心": "是"},
              "units": {"天": "工作日"},
              "material_defaults": {"originals": 0, "copies": 1, "form": "纸质"}
            }"#,
        )
        .unwrap();
        let rule = m.rule("法定期限").unwrap();
        assert_eq!(rule.target, Some(Target::StatutoryDeadline));
        let v = apply(rule.parser.as_ref().unwrap(), Value::String("20（工作日）".into())).unwrap();
        assert_eq!(v, serde_json::json!({"value": "20", "unit": "工作日"}));
        assert_eq!(m.rule("办理对象").unwrap().target, Some(Target::ServiceObjects));
        assert_eq!(m.rule("备注").unwrap().target, None);
        assert_eq!(m.rule("更新时间").unwrap().target, None);
        assert_eq!(m.defaults[&Target::InServiceCentre], Value::String("是".into()));
        assert_eq!(m.units["天"], DeadlineUnit::WorkingDays);
        assert_eq!(m.material_defaults.copies, 1);
        // Defaults not overridden remain.
        assert_eq!(m.rule("法定办结时限").unwrap().target, Some(Target::StatutoryDeadline));
    }

    #[test]
    fn mapping_errors_name_the_key() {
        let e = Mapping::from_json(r#"{"fields": {"x": "nonsense"}}"#).unwrap_err();
        assert!(e.contains("“x”") && e.contains("nonsense"), "{e}");
        let e = Mapping::from_json(r#"{"feilds": {}}"#).unwrap_err();
        assert!(e.contains("feilds"), "{e}");
        let e = Mapping::from_json(r#"{"fields": {"x": {"to": "name", "parse": {"pattern": "abc"}}}}"#).unwrap_err();
        assert!(e.contains("占位符"), "{e}");
        let e = Mapping::from_json(r#"{"units": {"天": "日"}}"#).unwrap_err();
        assert!(e.contains("工作日"), "{e}");
    }

    #[test]
    fn regex_parser_takes_named_groups() {
        let m = Mapping::from_json(r#"{"fields": {"时限": {"to": "promised_deadline", "parse": {"regex": "^共(?P<value>\\d+)(?P<unit>.+)$"}}}}"#)
            .unwrap();
        let p = m.rule("时限").unwrap().parser.as_ref().unwrap();
        assert_eq!(
            apply(p, Value::String("共5工作日".into())).unwrap(),
            serde_json::json!({"value": "5", "unit": "工作日"})
        );
        assert!(apply(p, Value::String("5".into())).is_err());
        let e = Mapping::from_json(r#"{"fields": {"x": {"to": "name", "parse": {"regex": "\\d+"}}}}"#).unwrap_err();
        assert!(e.contains("命名分组"), "{e}");
    }

    #[test]
    fn split_and_map_parsers() {
        let split = Parser::Split(vec!["|".into()]);
        assert_eq!(
            apply(&split, Value::String("甲| 乙 ||丙".into())).unwrap(),
            serde_json::json!(["甲", "乙", "丙"])
        );
        let map = Parser::Map(serde_json::from_str(r#"{"1": "行政许可"}"#).unwrap());
        assert_eq!(
            apply(&map, Value::String("1".into())).unwrap(),
            Value::String("行政许可".into())
        );
        assert_eq!(
            apply(&map, Value::String("9".into())).unwrap(),
            Value::String("9".into())
        );
    }
}
