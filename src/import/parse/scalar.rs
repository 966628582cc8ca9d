//! Single values: 是/否, counts, visits, levels, case types, online depth
//! and service objects.

use serde_json::Value;

use super::list::{list, number};
use super::{required_text, text, Warnings};
use crate::catalog::item::{CaseType, ServiceObject};
use crate::catalog::local::OnlineDepth;
use crate::catalog::Level;
use crate::import::mapping::fold_width;

/// 是/否 and its many spellings.
pub(crate) fn boolean(v: &Value) -> Result<bool, String> {
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
pub(crate) fn count(v: &Value) -> Result<u32, String> {
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
pub(crate) fn visits(v: &Value) -> Result<u32, String> {
    if let Some(s) = text(v) {
        if s.contains("多次") {
            return Ok(3);
        }
    }
    let n = count(v)?;
    Ok(n.min(3))
}

/// 行使层级 by name (省级, 县级（4）…) or digit.
pub(crate) fn level(v: &Value) -> Result<Level, String> {
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
pub(crate) fn case_type(v: &Value) -> Result<CaseType, String> {
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
pub(crate) fn online_depth(v: &Value) -> Result<Option<OnlineDepth>, String> {
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
pub(crate) fn service_objects(v: &Value, warn: &mut Warnings) -> Vec<ServiceObject> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
}
