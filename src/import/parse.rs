//! Readers for the values of an export. Tolerant of the forms portals use
//! (numbers or text, "20(工作日)", 是/否, numbered lists, materials with
//! their attributes or as bare names), strict about what they cannot read:
//! a value they cannot read is an error, never a guess.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::mapping::{fold_width, Mapping, MaterialAttr};
use crate::catalog::common::{Channel, ChannelKind};
use crate::catalog::item::{
    CaseType, Charge, ExemptionMethod, Fees, LegalBasis, MaterialForm, Necessity, ProcessStep, ResultDoc, ResultKind,
    ServiceObject,
};
use crate::catalog::local::OnlineDepth;
use crate::catalog::material::{MaterialKind, MaterialSource};
use crate::catalog::{Deadline, DeadlineUnit, Level};

/// Non-fatal remarks made while reading one record (shown in the summary).
pub type Warnings = Vec<String>;

/// A value as one line of text: strings trimmed, numbers written out.
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "是" } else { "否" }.to_string()),
        _ => None,
    }
}

/// Like [`text`], but an error naming what was expected.
pub fn required_text(v: &Value) -> Result<String, String> {
    text(v).ok_or_else(|| format!("应为文字，实为 {}", brief_json(v)))
}

/// A JSON value, shortened for messages.
pub fn brief_json(v: &Value) -> String {
    let s = v.to_string();
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A CSV cell may hold JSON for a structured field (a material list with
/// attributes): decode it when it plainly is JSON.
fn structured(v: &Value) -> Value {
    if let Value::String(s) = v {
        let t = s.trim();
        if t.starts_with('[') || t.starts_with('{') {
            if let Ok(j) = serde_json::from_str::<Value>(t) {
                return j;
            }
        }
    }
    v.clone()
}

/// A list: a JSON array, or text split into entries (lines, numbered
/// entries "1." "（2）" "三、", otherwise ；), each also split at `extra`.
pub fn list(v: &Value, extra: &[char]) -> Vec<String> {
    match structured(v) {
        Value::Array(a) => a.iter().filter_map(text).collect(),
        other => text(&other).map(|s| split_list(&s, extra)).unwrap_or_default(),
    }
}

/// Split text into list entries; see [`list`].
pub fn split_list(s: &str, extra: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    for line in s.split(['\n', '\r']) {
        let (pieces, numbered) = split_numbered(line);
        let pieces: Vec<String> = if numbered {
            pieces
        } else {
            line.split(['；', ';']).map(str::to_string).collect()
        };
        for p in pieces {
            for q in p.split(|c| extra.contains(&c)) {
                let q = q
                    .trim()
                    .trim_matches(|c: char| c.is_whitespace() || matches!(c, '；' | ';' | '，' | ',' | '、'));
                if !q.is_empty() {
                    out.push(q.to_string());
                }
            }
        }
    }
    out
}

/// Split a line at numbering markers ("1." "2、" "3）" "（4）" "五、") that
/// start the line or follow a separator; `false` if there are none.
fn split_numbered(line: &str) -> (Vec<String>, bool) {
    let chars: Vec<char> = line.chars().collect();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0
            || matches!(
                chars[i - 1],
                '；' | ';' | '。' | '，' | ',' | ' ' | '\t' | '　' | '：' | ':'
            );
        if at_start {
            if let Some(end) = marker_at(&chars, i) {
                marks.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if marks.is_empty() {
        return (vec![line.to_string()], false);
    }
    let mut pieces = Vec::new();
    let head: String = chars[..marks[0].0].iter().collect();
    if !head.trim().is_empty() {
        pieces.push(head);
    }
    for (k, &(_, end)) in marks.iter().enumerate() {
        let stop = marks.get(k + 1).map_or(chars.len(), |m| m.0);
        pieces.push(chars[end..stop].iter().collect());
    }
    (pieces, true)
}

fn marker_at(c: &[char], i: usize) -> Option<usize> {
    let digit = |k: usize| c.get(k).is_some_and(|x| x.is_ascii_digit());
    // 1. 2、 3） 10.
    if digit(i) {
        let mut j = i + 1;
        if digit(j) {
            j += 1;
        }
        if matches!(c.get(j), Some('.' | '．' | '、' | ')' | '）')) && !digit(j + 1) {
            return Some(j + 1);
        }
        return None;
    }
    // （1） (2)
    if matches!(c[i], '(' | '（') && digit(i + 1) {
        let mut j = i + 2;
        if digit(j) {
            j += 1;
        }
        if matches!(c.get(j), Some(')' | '）')) {
            return Some(j + 1);
        }
        return None;
    }
    // 一、 十二、
    const CN: &str = "一二三四五六七八九十";
    let mut j = i;
    while j < c.len() && j - i < 3 && CN.contains(c[j]) {
        j += 1;
    }
    (j > i && c.get(j) == Some(&'、')).then_some(j + 1)
}

/// A small Chinese numeral (一 … 九十九, 两) or ASCII digits.
fn number(s: &str) -> Option<(u32, usize)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|n| (n, digits.len()));
    }
    let val = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|b| (b / 3) as u32)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = s.chars().take_while(|c| val(*c).is_some() || *c == '十').collect();
    if chars.is_empty() {
        return None;
    }
    let used: usize = chars.iter().map(|c| c.len_utf8()).sum();
    let n = match chars.iter().position(|c| *c == '十') {
        None if chars.len() == 1 => val(chars[0])?,
        None => return None,
        Some(p) => {
            let tens = if p == 0 { 1 } else { val(chars[p - 1])? };
            let ones = match chars.get(p + 1) {
                Some(c) => val(*c)?,
                None => 0,
            };
            if p > 1 || chars.len() > p + 2 {
                return None;
            }
            tens * 10 + ones
        }
    };
    Some((n, used))
}

/// A deadline as read: the value, whether it was written as 即办, and a
/// warning (e.g. an ambiguous 天).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadDeadline {
    pub deadline: Deadline,
    pub immediate: bool,
}

const IMMEDIATE: [&str; 6] = ["即办", "当场办结", "即时办结", "立即办结", "当场办理", "即来即办"];

/// What a unit word means.
enum UnitWord {
    Known(DeadlineUnit),
    /// 天, 日: working or calendar days? Not said.
    Ambiguous,
}

fn unit_prefix(s: &str, units: &BTreeMap<String, DeadlineUnit>) -> Option<(UnitWord, usize)> {
    let s = s.strip_prefix('个').map_or((s, 0), |r| (r, '个'.len_utf8()));
    let (rest, skip) = s;
    // The user's words first, longest first, so 天 can be declared.
    let mut user: Vec<(&String, &DeadlineUnit)> = units.iter().collect();
    user.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    for (w, u) in user {
        if !w.is_empty() && rest.starts_with(w.as_str()) {
            return Some((UnitWord::Known(*u), skip + w.len()));
        }
    }
    for (w, u) in [
        ("工作日", Some(DeadlineUnit::WorkingDays)),
        ("自然日", Some(DeadlineUnit::CalendarDays)),
        ("日历日", Some(DeadlineUnit::CalendarDays)),
        ("天", None),
        ("日", None),
    ] {
        if rest.starts_with(w) {
            let word = u.map_or(UnitWord::Ambiguous, UnitWord::Known);
            return Some((word, skip + w.len()));
        }
    }
    None
}

const AMBIGUOUS: &str = "单位“天”或“日”未说明是工作日还是自然日，未填写单位（lint 将报告 deadline-unit）；确知时在映射文件 units 中声明，如 {\"天\": \"工作日\"}";

/// A unit given in its own field.
pub fn deadline_unit(
    v: &Value,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<Option<DeadlineUnit>, String> {
    let s = fold_width(&required_text(v)?);
    let t = s.trim().trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    match unit_prefix(t, units) {
        Some((UnitWord::Known(u), n)) if n == t.len() => Ok(Some(u)),
        Some((UnitWord::Ambiguous, n)) if n == t.len() => {
            warn.push(AMBIGUOUS.into());
            Ok(None)
        }
        _ => Err(format!("无法识别时限单位“{s}”；应为工作日或自然日")),
    }
}

/// A deadline: a number (with the unit from its own field), text such as
/// "20(工作日)" "20个工作日" "即办", or an object {value, unit, note}.
pub fn deadline(
    v: &Value,
    unit: Option<DeadlineUnit>,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<ReadDeadline, String> {
    match v {
        Value::Number(n) => {
            let value = n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| format!("时限“{n}”应为非负整数"))?;
            Ok(ReadDeadline {
                deadline: Deadline {
                    value,
                    unit,
                    note: None,
                },
                immediate: false,
            })
        }
        Value::String(s) => {
            let mut d = deadline_text(s, units, warn)?;
            if d.deadline.unit.is_none() {
                d.deadline.unit = unit;
            }
            Ok(d)
        }
        Value::Object(o) => {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
            let inner_unit = match get(&["unit", "单位", "时限单位"]) {
                Some(u) => deadline_unit(u, units, warn)?,
                None => unit,
            };
            let value = get(&["value", "时限", "数值", "期限"]).ok_or("时限对象缺少 value（时限数值）")?;
            let mut d = deadline(value, inner_unit, units, warn)?;
            if let Some(note) = get(&["note", "说明", "时限说明"]).and_then(text) {
                d.deadline.note = Some(note);
            }
            Ok(d)
        }
        other => Err(format!("无法识别的时限 {}", brief_json(other))),
    }
}

fn deadline_text(s: &str, units: &BTreeMap<String, DeadlineUnit>, warn: &mut Warnings) -> Result<ReadDeadline, String> {
    let t = fold_width(s);
    let t = t.trim();
    if IMMEDIATE.iter().any(|w| t.starts_with(w)) {
        return Ok(ReadDeadline {
            deadline: Deadline {
                value: 0,
                unit: None,
                note: None,
            },
            immediate: true,
        });
    }
    let (value, used) = number(t).ok_or_else(|| format!("无法识别的时限“{s}”"))?;
    let rest = t[used..].trim_start();
    let bracket = rest.starts_with(['(', '[']);
    let rest = rest.trim_start_matches(['(', '[']).trim_start();
    let mut unit = None;
    let mut after = rest;
    if let Some((word, n)) = unit_prefix(rest, units) {
        match word {
            UnitWord::Known(u) => unit = Some(u),
            UnitWord::Ambiguous => warn.push(AMBIGUOUS.into()),
        }
        after = &rest[n..];
    } else if !rest.is_empty() && !bracket {
        let word: String = rest.chars().take_while(|c| !c.is_ascii_punctuation()).collect();
        return Err(format!("时限“{s}”的单位“{word}”不是工作日或自然日，无法换算"));
    }
    let note = after
        .trim_start_matches([')', ']'])
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '。' | '，' | '；'));
    let note = note
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .unwrap_or(note)
        .trim();
    Ok(ReadDeadline {
        deadline: Deadline {
            value,
            unit,
            note: (!note.is_empty()).then(|| note.to_string()),
        },
        immediate: false,
    })
}

/// 是/否 and its many spellings.
pub fn boolean(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => return Ok(*b),
        Value::Number(n) if n.as_u64() == Some(1) => return Ok(true),
        Value::Number(n) if n.as_u64() == Some(0) => return Ok(false),
        _ => {}
    }
    let s = required_text(v)?;
    let t = fold_width(&s).trim().to_lowercase();
    const YES: [&str; 13] = [
        "是",
        "有",
        "支持",
        "收费",
        "进驻",
        "已进驻",
        "true",
        "1",
        "y",
        "yes",
        "√",
        "需要",
        "可以",
    ];
    const NO: [&str; 14] = [
        "否",
        "无",
        "不支持",
        "不收费",
        "未进驻",
        "不进驻",
        "false",
        "0",
        "n",
        "no",
        "×",
        "不需要",
        "免费",
        "不可以",
    ];
    if YES.contains(&t.as_str()) {
        Ok(true)
    } else if NO.contains(&t.as_str()) {
        Ok(false)
    } else {
        Err(format!("“{s}”不是“是”或“否”"))
    }
}

/// A non-negative count such as "1" "1份" "2次".
pub fn count(v: &Value) -> Result<u32, String> {
    if let Value::Number(n) = v {
        return n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("“{n}”应为非负整数"));
    }
    let s = required_text(v)?;
    let t = fold_width(&s);
    let t = t.trim().trim_end_matches(['份', '次', '张', '件', '本']).trim();
    if t == "无" {
        return Ok(0);
    }
    match number(t) {
        Some((n, used)) if used == t.len() => Ok(n),
        _ => Err(format!("“{s}”不是份数或次数")),
    }
}

/// 到办事现场次数: 0, 1, 2, 多次 (3).
pub fn visits(v: &Value) -> Result<u32, String> {
    if let Some(s) = text(v) {
        if s.contains("多次") {
            return Ok(3);
        }
    }
    let n = count(v)?;
    Ok(n.min(3))
}

/// 行使层级 by name (省级, 县级（4）…) or digit.
pub fn level(v: &Value) -> Result<Level, String> {
    let s = required_text(v)?;
    let t = fold_width(&s);
    let t = t.trim();
    if let Some(l) = t.chars().next().filter(|_| t.len() == 1).and_then(Level::from_digit) {
        return Ok(l);
    }
    let has = |ws: &[&str]| ws.iter().any(|w| t.contains(w));
    let l = if has(&["国家"]) {
        Level::National
    } else if has(&["村", "社区"]) {
        Level::Village
    } else if has(&["乡", "镇", "街道"]) {
        Level::Township
    } else if has(&["县", "区"]) {
        Level::County
    } else if has(&["市", "州", "盟"]) {
        Level::Prefecture
    } else if has(&["省"]) {
        Level::Province
    } else {
        return Err(format!("无法识别行使层级“{s}”"));
    };
    Ok(l)
}

/// 办件类型.
pub fn case_type(v: &Value) -> Result<CaseType, String> {
    let s = required_text(v)?;
    if s.contains("即办") {
        Ok(CaseType::Immediate)
    } else if s.contains("承诺") {
        Ok(CaseType::Promised)
    } else {
        Err(format!("无法识别办件类型“{s}”；应为即办件或承诺件"))
    }
}

/// 网上办理深度; `None` when the item cannot be handled online.
pub fn online_depth(v: &Value) -> Result<Option<OnlineDepth>, String> {
    let s = required_text(v)?;
    let t = fold_width(&s).to_uppercase();
    let t = t.trim();
    if t.contains("全程网办") {
        return Ok(Some(OnlineDepth::IV));
    }
    if ["否", "无", "不能网办", "不支持"].contains(&t) {
        return Ok(None);
    }
    let core = t.trim_end_matches(['级', '星']).trim();
    let d = match core {
        "Ⅰ" | "I" | "一" | "1" => OnlineDepth::I,
        "Ⅱ" | "II" | "二" | "2" => OnlineDepth::II,
        "Ⅲ" | "III" | "三" | "3" => OnlineDepth::III,
        "Ⅳ" | "IV" | "四" | "4" => OnlineDepth::IV,
        _ => return Err(format!("无法识别网上办理深度“{s}”；应为Ⅰ级至Ⅳ级")),
    };
    Ok(Some(d))
}

/// 服务对象; unknown words go to the warnings and are left out.
pub fn service_objects(v: &Value, warn: &mut Warnings) -> Vec<ServiceObject> {
    let mut out = Vec::new();
    for w in list(v, &['、', ',', '，', '/', ' ']) {
        let o = match w.as_str() {
            "自然人" | "个人" | "公民" => ServiceObject::NaturalPerson,
            "企业法人" => ServiceObject::Enterprise,
            "事业法人" | "事业单位法人" | "事业单位" => ServiceObject::PublicInstitution,
            "社会组织法人" | "社会组织" => ServiceObject::SocialOrganization,
            "非法人企业" => ServiceObject::UnincorporatedEnterprise,
            "行政机关" | "机关" => ServiceObject::AdministrativeOrgan,
            "其他组织" => ServiceObject::OtherOrganization,
            _ => {
                warn.push(format!(
                    "服务对象“{w}”不是代码表中的值（自然人、企业法人、事业法人、社会组织法人、非法人企业、行政机关、其他组织），未导入"
                ));
                continue;
            }
        };
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// 设定依据: objects {document, article, text} or text such as
/// "《中华人民共和国食品安全法》第三十五条；《…》".
pub fn legal_basis(v: &Value) -> Vec<LegalBasis> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        other => vec![other],
    };
    let mut out = Vec::new();
    for e in entries {
        if let Value::Object(o) = &e {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).and_then(text);
            if let Some(document) = get(&["document", "文件名称", "依据名称", "名称"]) {
                out.push(LegalBasis {
                    document,
                    article: get(&["article", "条款", "条款号"]),
                    text: get(&["text", "条款内容", "原文"]),
                });
            }
            continue;
        }
        let Some(s) = text(&e) else { continue };
        for piece in split_list(&s, &[]) {
            for part in split_titles(&piece) {
                if let Some(b) = basis_entry(&part) {
                    out.push(b);
                }
            }
        }
    }
    out
}

/// "《甲》第一条《乙》" → ["《甲》第一条", "《乙》"].
fn split_titles(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c == '《' && cur.contains('《') {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

fn basis_entry(s: &str) -> Option<LegalBasis> {
    let s = s
        .trim()
        .trim_matches(|c: char| matches!(c, '、' | '，' | ',' | '；' | ';'));
    if s.is_empty() {
        return None;
    }
    let (Some(open), Some(close)) = (s.find('《'), s.find('》')) else {
        return Some(LegalBasis {
            document: s.trim_end_matches('。').to_string(),
            article: None,
            text: None,
        });
    };
    if close < open {
        return Some(LegalBasis {
            document: s.to_string(),
            article: None,
            text: None,
        });
    }
    let mut document = s[open..close + '》'.len_utf8()].to_string();
    let mut rest = s[close + '》'.len_utf8()..].trim_start();
    // A revision note in brackets belongs to the title.
    for (o, c) in [('（', '）'), ('(', ')')] {
        if rest.starts_with(o) {
            if let Some(end) = rest.find(c) {
                document.push_str(&rest[..end + c.len_utf8()]);
                rest = rest[end + c.len_utf8()..].trim_start();
            }
        }
    }
    static ARTICLE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = ARTICLE.get_or_init(|| {
        let one = "第[^条《》：:]{1,15}条(?:第[^款《》：:]{1,8}款)?(?:第[^项《》：:]{1,8}项)?";
        regex::Regex::new(&format!("^{one}(?:[、，,和及]\\s*{one})*")).expect("article pattern")
    });
    let article = re.find(rest).map(|m| m.as_str().to_string());
    if let Some(a) = &article {
        rest = &rest[a.len()..];
    }
    let quote = rest
        .trim()
        .trim_start_matches(['：', ':'])
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"' | '，' | ','));
    Some(LegalBasis {
        document,
        article,
        text: (!quote.is_empty() && quote != "。").then(|| quote.to_string()),
    })
}

/// One 申请材料 entry as read: a name and whatever attributes were given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawMaterial {
    pub name: String,
    pub necessity: Option<Necessity>,
    pub originals: Option<u32>,
    pub copies: Option<u32>,
    pub form: Option<MaterialForm>,
    pub kind: Option<MaterialKind>,
    pub source: Option<MaterialSource>,
    pub issuer: Option<String>,
    pub paper_size: Option<String>,
    pub filling_notes: Option<String>,
    pub blank_form: Option<String>,
    pub sample: Option<String>,
    pub basis: Option<String>,
    pub situation: Option<String>,
    pub exemption: Option<ExemptionMethod>,
    pub exemption_note: Option<String>,
    pub submission_reason: Option<String>,
    pub core: bool,
}

impl RawMaterial {
    /// Whether one of the attributes the item needs was not given.
    pub fn incomplete(&self) -> bool {
        self.necessity.is_none() || self.originals.is_none() || self.copies.is_none() || self.form.is_none()
    }
}

/// 申请材料: a list of objects with attributes (keys per the mapping), or
/// bare names (a list, or text split at lines, ；, 、).
pub fn materials(
    v: &Value,
    mapping: &Mapping,
    warn: &mut Warnings,
    unmapped: &mut Vec<String>,
) -> Result<Vec<RawMaterial>, String> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => {
            return Ok(list(&other, &['、'])
                .into_iter()
                .map(|name| RawMaterial {
                    name,
                    ..RawMaterial::default()
                })
                .collect())
        }
    };
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match e {
            Value::Object(o) => out.push(material_object(o, i, mapping, warn, unmapped)?),
            other => {
                if let Some(name) = text(other) {
                    out.push(RawMaterial {
                        name,
                        ..RawMaterial::default()
                    });
                }
            }
        }
    }
    Ok(out)
}

fn material_object(
    o: &Map<String, Value>,
    i: usize,
    mapping: &Mapping,
    warn: &mut Warnings,
    unmapped: &mut Vec<String>,
) -> Result<RawMaterial, String> {
    let mut m = RawMaterial::default();
    let mut name = None;
    for (k, val) in o {
        let attr = match mapping.material_attr(k) {
            Some(Some(a)) => a,
            Some(None) => continue,
            None => {
                if !unmapped.contains(k) {
                    unmapped.push(k.clone());
                }
                continue;
            }
        };
        // The catalog's own shape: {"method": …, "note": …}.
        if let (MaterialAttr::Exemption, Value::Object(e)) = (attr, val) {
            m.exemption = e
                .get("method")
                .and_then(text)
                .as_deref()
                .and_then(exemption_method)
                .flatten();
            m.exemption_note = e.get("note").and_then(text);
            continue;
        }
        let Some(s) = text(val) else { continue };
        let mut bad = |what: &str| warn.push(format!("申请材料第 {} 项的{what}“{s}”无法识别，按默认值", i + 1));
        match attr {
            MaterialAttr::Name => name = Some(s.clone()),
            MaterialAttr::Necessity => match necessity(&s) {
                Some(n) => m.necessity = Some(n),
                None => bad("必要性"),
            },
            MaterialAttr::Kind => match material_kind(&s) {
                Some(k) => m.kind = Some(k),
                None => bad("材料类型"),
            },
            MaterialAttr::Source => match material_source(&s) {
                Some(x) => m.source = Some(x),
                None => bad("来源渠道"),
            },
            MaterialAttr::Form => match material_form(&s) {
                Some(f) => m.form = Some(f),
                None => bad("材料形式"),
            },
            MaterialAttr::Originals => match count(val) {
                Ok(n) => m.originals = Some(n),
                Err(_) => bad("原件份数"),
            },
            MaterialAttr::Copies => match count(val) {
                Ok(n) => m.copies = Some(n),
                Err(_) => bad("复印件份数"),
            },
            MaterialAttr::Issuer => m.issuer = Some(s),
            MaterialAttr::PaperSize => m.paper_size = Some(s),
            MaterialAttr::FillingNotes => m.filling_notes = Some(s),
            MaterialAttr::BlankForm => m.blank_form = Some(s),
            MaterialAttr::Sample => m.sample = Some(s),
            MaterialAttr::Basis => m.basis = Some(s),
            MaterialAttr::Situation => m.situation = Some(s),
            MaterialAttr::Exemption => match exemption_method(&s) {
                Some(Some(e)) => m.exemption = Some(e),
                Some(None) => {}
                None => bad("免提交方式"),
            },
            MaterialAttr::ExemptionNote => m.exemption_note = Some(s),
            MaterialAttr::SubmissionReason => m.submission_reason = Some(s),
            MaterialAttr::Core => match boolean(val) {
                Ok(b) => m.core = b,
                Err(_) => bad("是否核心材料"),
            },
        }
    }
    m.name = name.ok_or_else(|| format!("申请材料第 {} 项没有材料名称", i + 1))?;
    Ok(m)
}

fn necessity(s: &str) -> Option<Necessity> {
    if s.contains("容缺") {
        Some(Necessity::Deferrable)
    } else if s.starts_with('非') || s.starts_with('否') || s.contains("可选") || s.contains("非必") {
        Some(Necessity::Optional)
    } else if s.starts_with('必') || s == "是" {
        Some(Necessity::Required)
    } else {
        None
    }
}

/// 免提交方式; `Some(None)`: explicitly not exempt (否, 无).
fn exemption_method(s: &str) -> Option<Option<ExemptionMethod>> {
    if s.contains("电子证照") {
        Some(Some(ExemptionMethod::ElectronicLicense))
    } else if s.contains("共享") {
        Some(Some(ExemptionMethod::DataSharing))
    } else if s.contains("内部") || s.contains("调取") {
        Some(Some(ExemptionMethod::InternalRetrieval))
    } else if ["否", "无", "不免提交"].contains(&s) {
        Some(None)
    } else {
        None
    }
}

fn material_kind(s: &str) -> Option<MaterialKind> {
    if s.contains("证件") || s.contains("证书") || s.contains("证明") || s.contains("证照") {
        Some(MaterialKind::Certificate)
    } else if s.contains("表") || s.contains("文书") {
        Some(MaterialKind::Form)
    } else if s == "其他" {
        Some(MaterialKind::Other)
    } else {
        None
    }
}

fn material_source(s: &str) -> Option<MaterialSource> {
    if s.contains("自备") || s.contains("申请人") {
        Some(MaterialSource::Applicant)
    } else if s.contains("政府") || s.contains("核发") {
        Some(MaterialSource::Government)
    } else if s.contains("中介") {
        Some(MaterialSource::Intermediary)
    } else if s == "其他" {
        Some(MaterialSource::Other)
    } else {
        None
    }
}

fn material_form(s: &str) -> Option<MaterialForm> {
    match (s.contains("纸质"), s.contains("电子")) {
        (true, true) => Some(MaterialForm::PaperOrElectronic),
        (true, false) => Some(MaterialForm::Paper),
        (false, true) => Some(MaterialForm::Electronic),
        _ => None,
    }
}

/// 办理流程: objects {name, actor, deadline, standard} or bare step names.
pub fn process(
    v: &Value,
    units: &BTreeMap<String, DeadlineUnit>,
    warn: &mut Warnings,
) -> Result<Vec<ProcessStep>, String> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => list(&other, &['、', '→', '>', '＞'])
            .into_iter()
            .map(Value::String)
            .collect(),
    };
    let mut out = Vec::new();
    let mut bare = false;
    for (i, e) in entries.iter().enumerate() {
        match e {
            Value::Object(o) => {
                let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
                let name = get(&["name", "环节名称", "环节", "名称"])
                    .and_then(text)
                    .ok_or_else(|| format!("办理流程第 {} 个环节没有环节名称", i + 1))?;
                let actor = get(&["actor", "办理人员", "承办人", "审批人员", "办理人", "承办岗位"]).and_then(text);
                if actor.is_none() {
                    bare = true;
                }
                let deadline = match get(&["deadline", "环节时限", "办理时限", "时限"]) {
                    Some(d) => Some(
                        deadline(d, None, units, warn)
                            .map_err(|e| format!("办理流程“{name}”的{e}"))?
                            .deadline,
                    ),
                    None => None,
                };
                out.push(ProcessStep {
                    name,
                    actor: actor.unwrap_or_default(),
                    deadline,
                    standard: get(&["standard", "办理标准", "审查标准"]).and_then(text),
                });
            }
            other => {
                if let Some(name) = text(other) {
                    bare = true;
                    out.push(ProcessStep {
                        name,
                        actor: String::new(),
                        deadline: None,
                        standard: None,
                    });
                }
            }
        }
    }
    if bare {
        warn.push("办理流程有环节未写明办理人员，办理人员留空待补充".into());
    }
    Ok(out)
}

/// 收费: from 是否收费 and/or the charges (objects, text, or 不收费).
pub fn fees(charged: Option<&Value>, charges: Option<&Value>, warn: &mut Warnings) -> Result<Option<Fees>, String> {
    let mut flag = charged.map(boolean).transpose().map_err(|e| format!("是否收费：{e}"))?;
    let mut list = Vec::new();
    if let Some(v) = charges {
        let mut v = structured(v);
        // The catalog's own shape: {"charged": …, "charges": […]}.
        if let Value::Object(o) = &v {
            let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).cloned();
            if let Some(c) = get(&["charged", "是否收费"]) {
                flag = Some(boolean(&c).map_err(|e| format!("是否收费：{e}"))?);
                v = get(&["charges", "收费项目"]).unwrap_or(Value::Array(Vec::new()));
            }
        }
        if let (Some(_), Ok(b)) = (text(&v), boolean(&v)) {
            flag = Some(flag.unwrap_or(b));
        } else {
            let entries: Vec<Value> = match v {
                Value::Array(a) => a,
                Value::Object(_) => vec![v],
                other => text(&other)
                    .map(|s| split_list(&s, &[]).into_iter().map(Value::String).collect())
                    .unwrap_or_default(),
            };
            let mut plain = false;
            for e in entries {
                match &e {
                    Value::Object(o) => {
                        let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k));
                        let name = get(&["name", "收费项目名称", "项目名称", "名称"])
                            .and_then(text)
                            .ok_or("收费项目没有收费项目名称")?;
                        let waiver_allowed = match get(&["waiver_allowed", "是否允许减免", "允许减免"]) {
                            Some(w) => boolean(w).map_err(|e| format!("收费项目“{name}”的是否允许减免：{e}"))?,
                            None => false,
                        };
                        list.push(Charge {
                            name,
                            standard: get(&["standard", "收费标准", "标准"])
                                .and_then(text)
                                .unwrap_or_default(),
                            basis: get(&["basis", "收费依据", "依据"]).and_then(text).unwrap_or_default(),
                            waiver_allowed,
                            waiver_basis: get(&["waiver_basis", "减免依据"]).and_then(text),
                        });
                    }
                    other => {
                        if let Some(s) = text(other) {
                            plain = true;
                            list.push(Charge {
                                name: s,
                                standard: String::new(),
                                basis: String::new(),
                                waiver_allowed: false,
                                waiver_basis: None,
                            });
                        }
                    }
                }
            }
            if plain {
                warn.push("收费项目只有文字，未拆分出收费标准和收费依据（留空待补充）".into());
            }
        }
    }
    if flag.is_none() && list.is_empty() {
        return Ok(None);
    }
    Ok(Some(Fees {
        charged: flag.unwrap_or(!list.is_empty()),
        charges: list,
    }))
}

/// 办理结果: objects {name, kind, sample} or names, with the kind and
/// sample given in their own fields.
pub fn results(v: &Value, kind: Option<&Value>, sample: Option<&Value>, warn: &mut Warnings) -> Vec<ResultDoc> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => list(&other, &['、']).into_iter().map(Value::String).collect(),
    };
    let default_kind = kind.and_then(text);
    let n = entries.len();
    let mut out = Vec::new();
    for e in entries {
        let (name, k, s) = match &e {
            Value::Object(o) => {
                let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).and_then(text);
                let Some(name) = get(&["name", "结果名称", "名称"]) else {
                    warn.push("办理结果中有一项没有结果名称，未导入".into());
                    continue;
                };
                (
                    name,
                    get(&["kind", "结果类型", "类型"]).or(default_kind.clone()),
                    get(&["sample", "结果样本", "样本"]),
                )
            }
            other => {
                let Some(name) = text(other) else { continue };
                let s = if n == 1 { sample.and_then(text) } else { None };
                (name, default_kind.clone(), s)
            }
        };
        let kind = match k.as_deref() {
            Some(k) if k.contains("证照") || k == "证件" || k == "证书" => ResultKind::License,
            Some(k) if k.contains("批文") || k.contains("批复") => ResultKind::Approval,
            Some("其他") => ResultKind::Other,
            Some(k) => {
                warn.push(format!("办理结果类型“{k}”不是证照、批文或其他，按“其他”"));
                ResultKind::Other
            }
            None => {
                warn.push("未提供办理结果类型，按“其他”".into());
                ResultKind::Other
            }
        };
        out.push(ResultDoc { name, kind, sample: s });
    }
    if n > 1 && sample.is_some() {
        warn.push("有多项办理结果，单独给出的结果样本无法对应到某一项，未导入".into());
    }
    out
}

/// 咨询/投诉方式: objects {kind, value} or text with phones, addresses.
pub fn channels(v: &Value) -> Vec<Channel> {
    let v = structured(v);
    let entries: Vec<Value> = match v {
        Value::Array(a) => a,
        Value::Object(_) => vec![v],
        other => text(&other)
            .map(|s| {
                s.split(['；', ';', ',', '，', '、', '/', '\n'])
                    .map(|p| Value::String(p.trim().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut out = Vec::new();
    for e in entries {
        let (kind, value) = match &e {
            Value::Object(o) => {
                let get = |keys: &[&str]| keys.iter().find_map(|k| o.get(*k)).and_then(text);
                let Some(value) = get(&["value", "内容", "号码", "渠道内容", "电话"]) else {
                    continue;
                };
                let kind = match get(&["kind", "类型", "渠道类型"]).as_deref() {
                    Some("电话") => ChannelKind::Phone,
                    Some("窗口") => ChannelKind::Window,
                    Some("网站") => ChannelKind::Website,
                    Some("信函") => ChannelKind::Letter,
                    _ => channel_kind(&value),
                };
                (kind, value)
            }
            other => {
                let Some(value) = text(other) else { continue };
                (channel_kind(&value), value)
            }
        };
        out.push(Channel { kind, value });
    }
    out
}

fn channel_kind(s: &str) -> ChannelKind {
    let t = fold_width(s);
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if t.starts_with("http") || t.starts_with("www.") {
        ChannelKind::Website
    } else if t.starts_with(|c: char| c.is_ascii_digit() || c == '(') && digits >= 5 {
        ChannelKind::Phone
    } else {
        ChannelKind::Window
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> Result<(ReadDeadline, Warnings), String> {
        let mut w = Vec::new();
        deadline(&json!(s), None, &BTreeMap::new(), &mut w).map(|d| (d, w))
    }

    fn dl(value: u32, unit: Option<DeadlineUnit>, note: Option<&str>) -> Deadline {
        Deadline {
            value,
            unit,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn deadlines_in_the_forms_portals_write() {
        use DeadlineUnit::*;
        for (s, want) in [
            ("20(工作日)", dl(20, Some(WorkingDays), None)),
            ("20（工作日）", dl(20, Some(WorkingDays), None)),
            ("20个工作日", dl(20, Some(WorkingDays), None)),
            ("15 自然日", dl(15, Some(CalendarDays), None)),
            ("二十个工作日", dl(20, Some(WorkingDays), None)),
            (
                "20个工作日（不含现场核查时间）",
                dl(20, Some(WorkingDays), Some("不含现场核查时间")),
            ),
        ] {
            assert_eq!(d(s).unwrap().0.deadline, want, "{s}");
        }
        let (imm, _) = d("即办").unwrap();
        assert!(imm.immediate);
        assert_eq!(imm.deadline.value, 0);
        let (amb, w) = d("30天").unwrap();
        assert_eq!(amb.deadline, dl(30, None, None));
        assert_eq!(w.len(), 1, "ambiguous 天 is reported");
        assert!(d("3个月").unwrap_err().contains("月"));
        assert!(d("尽快").is_err());
    }

    #[test]
    fn deadline_numbers_objects_and_declared_units() {
        let mut w = Vec::new();
        let units = BTreeMap::from([("天".to_string(), DeadlineUnit::WorkingDays)]);
        let r = deadline(&json!(20), Some(DeadlineUnit::WorkingDays), &units, &mut w).unwrap();
        assert_eq!(r.deadline, dl(20, Some(DeadlineUnit::WorkingDays), None));
        let r = deadline(&json!("10天"), None, &units, &mut w).unwrap();
        assert_eq!(r.deadline.unit, Some(DeadlineUnit::WorkingDays));
        let r = deadline(&json!({"value": "5", "unit": "工作日"}), None, &units, &mut w).unwrap();
        assert_eq!(r.deadline, dl(5, Some(DeadlineUnit::WorkingDays), None));
        assert!(w.is_empty());
    }

    #[test]
    fn lists_split_on_numbering_lines_and_semicolons() {
        assert_eq!(
            split_list("1.申请人已取得营业执照；2.场所面积不小于1.5平方米。", &[]),
            ["申请人已取得营业执照", "场所面积不小于1.5平方米。"]
        );
        assert_eq!(split_list("（1）甲\n（2）乙、丙", &[]), ["甲", "乙、丙"]);
        assert_eq!(split_list("一、甲；二、乙", &[]), ["甲", "乙"]);
        assert_eq!(split_list("甲；乙", &[]), ["甲", "乙"]);
        assert_eq!(split_list("居民身份证、营业执照", &['、']), ["居民身份证", "营业执照"]);
        assert_eq!(split_list("设有消毒、更衣设施", &[]), ["设有消毒、更衣设施"]);
    }

    #[test]
    fn legal_basis_from_text() {
        let b = legal_basis(&json!(
            "《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。；《食品经营许可和备案管理办法》、《中华人民共和国行政许可法》第四十二条"
        ));
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].document, "《中华人民共和国食品安全法》");
        assert_eq!(b[0].article.as_deref(), Some("第三十五条"));
        assert_eq!(b[0].text.as_deref(), Some("国家对食品生产经营实行许可制度。"));
        assert_eq!(b[1].document, "《食品经营许可和备案管理办法》");
        assert_eq!(b[1].article, None);
        assert_eq!(b[2].article.as_deref(), Some("第四十二条"));
    }

    #[test]
    fn materials_with_attributes_or_bare() {
        let m = Mapping::default();
        let mut w = Vec::new();
        let mut un = Vec::new();
        let bare = materials(&json!("1.居民身份证；2.营业执照、授权委托书"), &m, &mut w, &mut un).unwrap();
        let names: Vec<&str> = bare.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["居民身份证", "营业执照", "授权委托书"]);
        assert!(bare[0].incomplete());
        let full = materials(
            &json!("[{\"材料名称\": \"申请书\", \"必要性\": \"必要\", \"原件份数\": \"1份\", \"复印件份数\": 0, \"材料形式\": \"纸质、电子\", \"备注\": \"x\"}]"),
            &m,
            &mut w,
            &mut un,
        )
        .unwrap();
        assert_eq!(full[0].necessity, Some(Necessity::Required));
        assert_eq!(full[0].originals, Some(1));
        assert_eq!(full[0].form, Some(MaterialForm::PaperOrElectronic));
        assert!(!full[0].incomplete());
        assert_eq!(un, ["备注"]);
        assert!(w.is_empty());
        let err = materials(&json!([{"必要性": "必要"}]), &m, &mut w, &mut un).unwrap_err();
        assert!(err.contains("没有材料名称"));
    }

    #[test]
    fn small_value_readers() {
        assert_eq!(boolean(&json!("是")), Ok(true));
        assert_eq!(boolean(&json!("不收费")), Ok(false));
        assert!(boolean(&json!("也许")).is_err());
        assert_eq!(visits(&json!("多次")), Ok(3));
        assert_eq!(visits(&json!("1次")), Ok(1));
        assert_eq!(visits(&json!(0)), Ok(0));
        assert_eq!(level(&json!("县级")), Ok(Level::County));
        assert_eq!(level(&json!("县（市、区）级")), Ok(Level::County));
        assert_eq!(level(&json!("市（州）级")), Ok(Level::Prefecture));
        assert_eq!(level(&json!("2")), Ok(Level::Province));
        assert_eq!(online_depth(&json!("Ⅳ级")), Ok(Some(OnlineDepth::IV)));
        assert_eq!(online_depth(&json!("三级")), Ok(Some(OnlineDepth::III)));
        assert_eq!(online_depth(&json!("不能网办")), Ok(None));
        assert_eq!(case_type(&json!("承诺件")), Ok(CaseType::Promised));
        let mut w = Vec::new();
        assert_eq!(
            service_objects(&json!("企业法人、自然人,外星人"), &mut w),
            [ServiceObject::Enterprise, ServiceObject::NaturalPerson]
        );
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn fees_results_channels() {
        let mut w = Vec::new();
        let f = fees(None, Some(&json!("不收费")), &mut w).unwrap().unwrap();
        assert!(!f.charged && f.charges.is_empty());
        let f = fees(
            Some(&json!("是")),
            Some(&json!([{"收费项目名称": "工本费", "收费标准": "10元/本", "收费依据": "《某文件》"}])),
            &mut w,
        )
        .unwrap()
        .unwrap();
        assert!(f.charged);
        assert_eq!(f.charges[0].standard, "10元/本");
        assert_eq!(fees(None, None, &mut w).unwrap().map(|f| f.charged), None);
        let r = results(
            &json!("食品经营许可证"),
            Some(&json!("证照")),
            Some(&json!("样本.pdf")),
            &mut w,
        );
        assert_eq!(r[0].kind, ResultKind::License);
        assert_eq!(r[0].sample.as_deref(), Some("样本.pdf"));
        assert!(w.is_empty(), "{w:?}");
        let c = channels(&json!("0971-1234567；城东区政务服务中心窗口"));
        assert_eq!(c[0].kind, ChannelKind::Phone);
        assert_eq!(c[1].kind, ChannelKind::Window);
        assert_eq!(channels(&json!("12345"))[0].kind, ChannelKind::Phone);
    }
}
