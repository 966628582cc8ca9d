//! 办理结果 and 咨询/投诉方式.

use serde_json::Value;

use super::list::list;
use super::{structured, text, Warnings};
use crate::catalog::common::{Channel, ChannelKind};
use crate::catalog::item::{ResultDoc, ResultKind};
use crate::import::mapping::fold_width;

/// 办理结果: objects {name, kind, sample} or names, with the kind and
/// sample given in their own fields.
pub(crate) fn results(v: &Value, kind: Option<&Value>, sample: Option<&Value>, warn: &mut Warnings) -> Vec<ResultDoc> {
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
pub(crate) fn channels(v: &Value) -> Vec<Channel> {
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
        out.push(Channel {
            kind,
            value: value.into(),
        });
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
    use super::super::process::fees;
    use super::*;
    use serde_json::json;

    #[test]
    fn fees_results_channels() {
        let mut w = Vec::new();
        let f = fees(None, Some(&json!("不收费")), &mut w).unwrap().unwrap();
        assert!(f.charged == Some(false) && f.charges.is_empty());
        let f = fees(
            Some(&json!("是")),
            Some(&json!([{"收费项目名称": "工本费", "收费标准": "10元/本", "收费依据": "《某文件》"}])),
            &mut w,
        )
        .unwrap()
        .unwrap();
        assert_eq!(f.charged, Some(true));
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
