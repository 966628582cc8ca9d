//! The mapping file's entries checked and applied on top of the default
//! mapping. Every wrong entry is a [`Problem`] at its JSON pointer; all of
//! them are collected, not only the first.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use super::parser::pattern_regex;
use super::raw::{RawField, RawMapping, RawMaterialDefaults, RawMaterialField, RawParse, RawParseSpec};
use super::{field_key, FieldRule, Mapping, MaterialAttr, MaterialDefaults, Parser, Target};
use crate::config::Problem;
use crate::diag::escape;

/// The file id of the mapping file in its findings.
pub(super) const FILE: usize = 0;

const PARSE_FORMS: &str =
    "parse 应为 \"json\"、{\"split\": [分隔符…]}、{\"pattern\": \"{value}({unit})\"}、{\"regex\": …} 或 {\"map\": {…}}";
const TARGETS_HELP: &str = "写要素标识（如 statutory_deadline）或其默认字段名（如“法定办结时限”）；可用的要素见 README 的默认字段映射表；\"-\" 表示不导入";

/// The mapping the file describes, or every problem in its entries.
pub(super) fn compile(raw: RawMapping) -> Result<Mapping, Vec<Problem>> {
    let mut c = Compiler {
        m: Mapping::default(),
        problems: Vec::new(),
        seen: HashMap::new(),
    };
    for (source, spec) in &raw.fields {
        c.field(source, spec);
    }
    for (i, source) in raw.ignore.iter().enumerate() {
        let rule = FieldRule {
            target: None,
            parser: None,
        };
        let place = format!("ignore 中的“{source}”");
        c.insert_field(source, rule, pointer(&["ignore", &i.to_string()]), place);
    }
    c.defaults(&raw.defaults);
    c.units(&raw.units);
    c.material_fields(&raw.material_fields);
    c.m.material_defaults = material_defaults(&raw.material_defaults);
    c.delimiter(raw.csv_delimiter.as_deref());
    if c.problems.is_empty() {
        Ok(c.m)
    } else {
        Err(c.problems)
    }
}

/// A JSON pointer from unescaped segments.
fn pointer(segments: &[&str]) -> String {
    segments.iter().map(|s| format!("/{}", escape(s))).collect()
}

struct Compiler {
    m: Mapping,
    problems: Vec<Problem>,
    /// Field names (as compared) the file maps, with where (in words).
    seen: HashMap<String, String>,
}

impl Compiler {
    fn problem(&mut self, pointer: String, message: String, help: impl Into<String>) {
        self.problems.push(Problem {
            file: FILE,
            pointer,
            message,
            help: help.into(),
        });
    }

    fn field(&mut self, source: &str, spec: &RawField) {
        let at = pointer(&["fields", source]);
        let rule = match spec {
            RawField::Ignored(_) => Some(FieldRule {
                target: None,
                parser: None,
            }),
            RawField::To(name) => self
                .target(name, at.clone())
                .map(|target| FieldRule { target, parser: None }),
            RawField::Rule(r) => {
                let target = self.target(&r.to, format!("{at}/to"));
                let parser = match &r.parse {
                    None => Some(None),
                    Some(p) => self.parser(p, format!("{at}/parse")).map(Some),
                };
                target.zip(parser).map(|(target, parser)| FieldRule { target, parser })
            }
        };
        if let Some(rule) = rule {
            self.insert_field(source, rule, at, format!("fields 中的“{source}”"));
        }
    }

    /// Map a source field, unless the file mapped it already (`place`
    /// says where, for that message).
    fn insert_field(&mut self, source: &str, rule: FieldRule, at: String, place: String) {
        let key = field_key(source);
        if let Some(first) = self.seen.get(&key) {
            let message = format!("字段“{source}”重复：{first}已映射（字段名比较时不计空白）");
            self.problem(at, message, "每个导出字段只映射一次：删除其中一处");
            return;
        }
        self.seen.insert(key.clone(), place);
        self.m.fields.insert(key, rule);
    }

    /// A target by id or default field name; `Some(None)` for "-".
    fn target(&mut self, name: &str, at: String) -> Option<Option<Target>> {
        if name == "-" {
            return Some(None);
        }
        match Target::from_name(name) {
            Some(t) => Some(Some(t)),
            None => {
                self.problem(at, format!("“{name}”不是可导入的要素"), TARGETS_HELP);
                None
            }
        }
    }

    fn parser(&mut self, p: &RawParse, at: String) -> Option<Parser> {
        match p {
            RawParse::Name(n) if n == "json" => Some(Parser::Json),
            RawParse::Name(n) => {
                self.problem(at, format!("没有名为“{n}”的解析格式"), PARSE_FORMS);
                None
            }
            RawParse::Spec(spec) => self.parser_spec(spec, at),
        }
    }

    fn parser_spec(&mut self, spec: &RawParseSpec, at: String) -> Option<Parser> {
        let given = [
            spec.split.is_some(),
            spec.pattern.is_some(),
            spec.regex.is_some(),
            spec.map.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            self.problem(
                at,
                "解析格式应只写 split、pattern、regex、map 中的一个".into(),
                PARSE_FORMS,
            );
            return None;
        }
        if let Some(seps) = &spec.split {
            return self.split(seps, format!("{at}/split"));
        }
        if let Some(t) = &spec.pattern {
            return match pattern_regex(t) {
                Ok(re) => Some(Parser::Pattern(re)),
                Err(e) => {
                    let help = "用 {value}、{unit}、{note} 等英文占位符标出要取出的部分，如 \"{value}({unit})\"";
                    self.problem(format!("{at}/pattern"), format!("模板有误：{e}"), help);
                    None
                }
            };
        }
        if let Some(t) = &spec.regex {
            return self.regex(t, format!("{at}/regex"));
        }
        let table: Map<String, Value> = spec.map.clone().unwrap_or_default().into_iter().collect();
        Some(Parser::Map(table))
    }

    fn split(&mut self, seps: &[String], at: String) -> Option<Parser> {
        if seps.is_empty() || seps.iter().any(String::is_empty) {
            self.problem(
                at,
                "分隔符不能为空".into(),
                "列出至少一个非空的分隔符，如 [\"|\", \"；\"]",
            );
            return None;
        }
        Some(Parser::Split(seps.to_vec()))
    }

    fn regex(&mut self, t: &str, at: String) -> Option<Parser> {
        let help = "用 (?P<value>…)、(?P<unit>…) 等命名分组标出要取出的部分";
        match regex::Regex::new(t) {
            Err(e) => {
                let text = e.to_string();
                let last = text.lines().last().unwrap_or_default();
                let reason = last.strip_prefix("error: ").unwrap_or(last);
                self.problem(at, format!("正则表达式有误：{reason}"), help);
                None
            }
            Ok(re) if re.capture_names().flatten().next().is_none() => {
                self.problem(at, "正则表达式没有命名分组".into(), help);
                None
            }
            Ok(re) => Some(Parser::Regex(re)),
        }
    }

    fn defaults(&mut self, defaults: &BTreeMap<String, Value>) {
        let mut first: HashMap<Target, &str> = HashMap::new();
        for (name, value) in defaults {
            let at = pointer(&["defaults", name]);
            let Some(t) = Target::from_name(name) else {
                self.problem(at, format!("“{name}”不是可导入的要素"), TARGETS_HELP);
                continue;
            };
            if let Some(other) = first.insert(t, name) {
                let message = format!("“{name}”与“{other}”是同一要素（{}），默认值只能给一次", t.label());
                self.problem(at, message, "删除其中一处");
                continue;
            }
            self.m.defaults.insert(t, value.clone());
        }
    }

    fn units(&mut self, units: &BTreeMap<String, crate::catalog::DeadlineUnit>) {
        for (word, unit) in units {
            if word.trim().is_empty() {
                let at = pointer(&["units", word]);
                self.problem(
                    at,
                    "时限单位用语不能为空".into(),
                    "写出导出文件中的用语，如 {\"天\": \"工作日\"}",
                );
                continue;
            }
            self.m.units.insert(word.trim().to_string(), *unit);
        }
    }

    fn material_fields(&mut self, fields: &BTreeMap<String, RawMaterialField>) {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (source, attr) in fields {
            let at = pointer(&["material_fields", source]);
            let attr = match attr {
                RawMaterialField::Ignored(_) => None,
                RawMaterialField::Attr(s) if s == "-" => None,
                RawMaterialField::Attr(s) => match MaterialAttr::from_name(s) {
                    Some(a) => Some(a),
                    None => {
                        let ids: Vec<&str> = MaterialAttr::ALL.iter().map(|a| a.id()).collect();
                        let help = format!("可用的属性：{}；\"-\" 表示不导入", ids.join("、"));
                        self.problem(at, format!("“{s}”不是材料属性"), help);
                        continue;
                    }
                },
            };
            if let Some(first) = seen.insert(field_key(source), source) {
                let message = format!("键“{source}”与“{first}”相同（比较时不计空白），只能映射一次");
                self.problem(at, message, "删除其中一处");
                continue;
            }
            self.m.material_fields.insert(field_key(source), attr);
        }
    }

    fn delimiter(&mut self, d: Option<&str>) {
        let Some(s) = d else { return };
        match s {
            "\\t" | "\t" => self.m.delimiter = b'\t',
            // A line break, a quote or another control character cannot
            // separate fields: every record would read as one field.
            _ if s.len() == 1 && (s == "\"" || s.as_bytes()[0].is_ascii_control()) => self.problem(
                pointer(&["csv_delimiter"]),
                format!("CSV 分隔符不能是换行、引号或其他控制字符（写的是 {s:?}）"),
                "写一个可见的 ASCII 字符，如 \",\"、\";\"、\"|\"，或 \"\\t\"（制表符）",
            ),
            _ if s.len() == 1 => self.m.delimiter = s.as_bytes()[0],
            _ => self.problem(
                pointer(&["csv_delimiter"]),
                format!("CSV 分隔符“{s}”不是一个 ASCII 字符"),
                "写一个 ASCII 字符，如 \",\"、\";\"，或 \"\\t\"（制表符）",
            ),
        }
    }
}

/// The defaults for materials given as bare names, with the file's values.
fn material_defaults(raw: &RawMaterialDefaults) -> MaterialDefaults {
    let d = MaterialDefaults::default();
    MaterialDefaults {
        necessity: raw.necessity.unwrap_or(d.necessity),
        originals: raw.originals.unwrap_or(d.originals),
        copies: raw.copies.unwrap_or(d.copies),
        form: raw.form.unwrap_or(d.form),
        kind: raw.kind.unwrap_or(d.kind),
        source: raw.source.unwrap_or(d.source),
    }
}
