//! JSON Schemas: generated from the model types (catalog) and the raw
//! config types (`rules/`), written to `schema/` folders, and used to
//! validate every file before typed parsing. Violations come back as
//! values in Chinese, each at its own value; the rules layer turns them
//! into findings.

use std::collections::HashMap;
use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use jsonschema::Validator;
use serde_json::Value;

use crate::catalog::FileKind;
use crate::diag::escape;

/// Directory (relative to the catalog root, and to `rules/`) holding the
/// committed schemas.
pub(crate) const SCHEMA_DIR: &str = "schema";

/// One compiled schema with what messages say about it.
pub(crate) struct Schema {
    /// File name of the committed schema, e.g. `item.schema.json`.
    pub(crate) file_name: &'static str,
    /// Chinese name of the kind of file it describes (the schema's title,
    /// e.g. 基本目录事项).
    pub(crate) label: String,
    /// Where the committed schema lives, for help lines (`catalog/schema`).
    pub(crate) dir: &'static str,
    value: Value,
    validator: Validator,
    /// The schema compiled for the canonical key order, on first use.
    plan: std::sync::OnceLock<crate::canonical::Plan>,
}

/// One schema violation, in Chinese.
#[derive(Debug, Clone)]
pub enum Violation {
    /// A key the schema does not allow; `pointer` is the key's own.
    UnknownField {
        pointer: String,
        key: String,
        label: String,
        help: String,
    },
    /// Any other violation, at the offending value.
    Invalid {
        pointer: String,
        message: String,
        help: String,
    },
}

impl Schema {
    /// Compile a generated schema; its `title` (the type's doc title) is
    /// the file kind's Chinese name. The schemas come from our own types:
    /// failing to compile one is a bug in this program, not in user data.
    pub(crate) fn new(value: Value, file_name: &'static str, dir: &'static str) -> Schema {
        let validator = jsonschema::validator_for(&value).expect("generated schema compiles");
        let label = value
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or(file_name)
            .to_string();
        Schema {
            file_name,
            label,
            dir,
            value,
            validator,
            plan: std::sync::OnceLock::new(),
        }
    }

    /// The schema compiled for `canonical::canonical_with`.
    pub(crate) fn plan(&self) -> &crate::canonical::Plan {
        self.plan.get_or_init(|| crate::canonical::Plan::new(&self.value))
    }

    /// The schema itself (the canonical form orders keys by it).
    pub(crate) fn value(&self) -> &Value {
        &self.value
    }

    /// The schema file's text: pretty-printed with a trailing newline.
    pub fn text(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.value).expect("schema serialises");
        text.push('\n');
        text
    }

    /// The title (Chinese name) of a top-level field.
    pub(crate) fn title(&self, field: &str) -> Option<&str> {
        self.value.get("properties")?.get(field)?.get("title")?.as_str()
    }

    /// Every violation of `value`, not only the first.
    pub(crate) fn check(&self, value: &Value) -> Vec<Violation> {
        // Nearly every file is valid: the short-circuiting check says so
        // without the error iterator's bookkeeping (issue 14).
        if self.validator.is_valid(value) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for err in self.validator.iter_errors(value) {
            self.violation(&err, value, &mut out);
        }
        out
    }

    fn violation(&self, err: &ValidationError, root: &Value, out: &mut Vec<Violation>) {
        let pointer = err.instance_path().as_str().to_string();
        let chosen = match err.kind() {
            ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
                chosen_alternative(context, root, &pointer)
            }
            _ => None,
        };
        if let Some(errors) = chosen {
            for e in errors {
                self.violation(e, root, out);
            }
            return;
        }
        match err.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                // The allowed fields once per object: 100,000 unknown keys
                // in one object walk the schema once, not once each.
                let allowed = self.allowed_fields(&pointer, root);
                for key in unexpected {
                    out.push(Violation::UnknownField {
                        pointer: format!("{pointer}/{}", escape(key)),
                        key: key.clone(),
                        label: self.label.clone(),
                        help: self.suggest_field(&allowed, key),
                    });
                }
            }
            kind => {
                let (message, help) = describe(self, kind, root, &pointer);
                out.push(Violation::Invalid { pointer, message, help });
            }
        }
    }
}

/// Of the alternatives of an `anyOf`/`oneOf` the value failed, the only one
/// whose JSON type it has (a string where a string or an object may stand):
/// its own violations say what is wrong. `None` when the type selects no
/// single alternative (e.g. an enum of strings documented one by one).
fn chosen_alternative<'a>(
    context: &'a [Vec<ValidationError<'static>>],
    root: &Value,
    pointer: &str,
) -> Option<&'a [ValidationError<'static>]> {
    let value = root.pointer(pointer)?;
    let mut fitting = context
        .iter()
        .filter(|errors| !errors.iter().any(|e| wrong_type(e, value, pointer)));
    match (fitting.next(), fitting.next()) {
        (Some(one), None) => Some(one.as_slice()),
        _ => None,
    }
}

/// Whether this error says the value at `pointer` has the wrong JSON type
/// (a `type` mismatch, or a constant or enum of other types only).
fn wrong_type(e: &ValidationError, value: &Value, pointer: &str) -> bool {
    if e.instance_path().as_str() != pointer {
        return false;
    }
    let kind = |v: &Value| std::mem::discriminant(v);
    match e.kind() {
        ValidationErrorKind::Type { .. } => true,
        ValidationErrorKind::Constant { expected_value } => kind(expected_value) != kind(value),
        ValidationErrorKind::Enum { options } => options
            .as_array()
            .is_some_and(|o| o.iter().all(|x| kind(x) != kind(value))),
        _ => false,
    }
}

/// The schema of each catalog file kind, compiled once.
pub(crate) fn catalog(kind: FileKind) -> &'static Schema {
    static V: OnceLock<HashMap<FileKind, Schema>> = OnceLock::new();
    let all = V.get_or_init(|| {
        FileKind::ALL
            .iter()
            .map(|&k| (k, Schema::new(k.schema(), k.schema_file(), "catalog/schema")))
            .collect()
    });
    &all[&kind]
}

/// The text of every catalog schema file, keyed by file name: exactly what
/// `tongbiao schema` writes to `catalog/schema/`.
pub(crate) fn rendered() -> Vec<(&'static str, String)> {
    FileKind::ALL
        .iter()
        .map(|&k| {
            let s = catalog(k);
            (s.file_name, s.text())
        })
        .collect()
}

impl Schema {
    /// Where the fields this schema checks are described, for help lines.
    fn field_docs(&self) -> String {
        if self.dir == "catalog/schema" {
            "catalog/README.md".to_string()
        } else {
            format!("{}/{}", self.dir, self.file_name)
        }
    }

    /// Closest allowed field name, for a "did you mean" help line.
    fn suggest_field(&self, allowed: &[String], key: &str) -> String {
        let (dir, file) = (self.dir, self.file_name);
        // A typo is never much longer than a field name; a long key is not
        // compared (the distance costs its length times each name's).
        let best = allowed
            .iter()
            .filter(|_| key.chars().count() <= 64)
            .map(|f| (strsim::levenshtein(f, key), f))
            .min()
            .filter(|(d, f)| *d <= (f.len().max(key.len()) / 3).max(2));
        match best {
            Some((_, f)) => format!("是否想写“{f}”？字段名区分大小写；允许的字段见 {dir}/{file}"),
            None => format!("删除此字段，或查阅 {dir}/{file} 中允许的字段"),
        }
    }

    /// Field names the schema allows for the object at `pointer`: the keys of
    /// the matching `properties` after following `$ref`s, array `items` and
    /// map `additionalProperties`.
    fn allowed_fields(&self, pointer: &str, root: &Value) -> Vec<String> {
        let schema = &self.value;
        let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
        let mut s = resolve(&defs, schema, root);
        let mut inst = root;
        for seg in crate::spans::segments(pointer) {
            let next_inst = match inst {
                Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                Value::Object(o) => o.get(&seg),
                _ => None,
            };
            let next_schema = if inst.is_array() {
                s.get("items").cloned()
            } else {
                s.get("properties")
                    .and_then(|p| p.get(&seg))
                    .or_else(|| s.get("additionalProperties").filter(|a| a.is_object()))
                    .cloned()
            };
            match (next_inst, next_schema) {
                (Some(i), Some(n)) => {
                    inst = i;
                    s = resolve(&defs, &n, inst);
                }
                _ => return Vec::new(),
            }
        }
        s.get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}

/// Follow `$ref` and `anyOf` to the object schema that lists `properties`:
/// of the alternatives, the one of the instance's JSON type, else the first
/// that is not null (how Option<T> comes out).
fn resolve<'a>(defs: &'a Value, mut s: &'a Value, inst: &Value) -> Value {
    for _ in 0..8 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            match defs.get(r.rsplit('/').next().unwrap_or("")) {
                Some(d) => s = d,
                None => break,
            }
        } else if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
            let of_type = any
                .iter()
                .find(|v| deref(defs, v).get("type").and_then(Value::as_str) == Some(json_type(inst)));
            match of_type.or_else(|| any.iter().find(|v| v.get("type") != Some(&Value::from("null")))) {
                Some(v) => s = v,
                None => break,
            }
        } else {
            break;
        }
    }
    s.clone()
}

/// Follow `$ref`s only.
fn deref<'a>(defs: &'a Value, mut s: &'a Value) -> &'a Value {
    for _ in 0..8 {
        match s
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| defs.get(r.rsplit('/').next().unwrap_or("")))
        {
            Some(d) => s = d,
            None => break,
        }
    }
    s
}

/// The JSON Schema type name of a value.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn value_at<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    root.pointer(pointer)
}

/// A value as shown in a message: strings in Chinese quotes, others as JSON.
fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("“{s}”"),
        other => other.to_string(),
    };
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Chinese message and help line for one schema violation.
fn describe(schema: &Schema, kind: &ValidationErrorKind, root: &Value, pointer: &str) -> (String, String) {
    let got = value_at(root, pointer).map(short).unwrap_or_default();
    let dir = schema.dir;
    match kind {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().map_or_else(|| property.to_string(), str::to_string);
            (
                format!("缺少必填字段 {name}"),
                format!("在此对象中补充字段 {name}；各字段含义见 {}", schema.field_docs()),
            )
        }
        ValidationErrorKind::Type { kind } => (
            format!("类型不符：应为 {}，实为 {got}", type_name(&format!("{kind:?}"))),
            format!("按 {dir} 中的类型填写"),
        ),
        ValidationErrorKind::Enum { options } => {
            let opts: Vec<&Value> = options.as_array().map(|a| a.iter().collect()).unwrap_or_default();
            not_in_list(&got, &opts)
        }
        ValidationErrorKind::Constant { expected_value } => not_in_list(&got, &[expected_value.as_ref()]),
        // An enum whose variants carry docs comes out as oneOf of consts;
        // Option<T> as anyOf. Describe what the alternatives expected.
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            let inner: Vec<&jsonschema::ValidationError> = context.iter().flatten().collect();
            let consts: Vec<&Value> = inner
                .iter()
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Constant { expected_value } => Some(expected_value.as_ref()),
                    _ => None,
                })
                .collect();
            if !consts.is_empty() && consts.len() == inner.len() {
                not_in_list(&got, &consts)
            } else if let Some(first) = inner.first() {
                describe(schema, first.kind(), root, first.instance_path().as_str())
            } else {
                (format!("取值 {got} 不符合格式要求"), format!("对照 {dir} 修改"))
            }
        }
        ValidationErrorKind::Pattern { pattern } => (format!("取值 {got} 格式不符"), format!("应符合格式 {pattern}")),
        ValidationErrorKind::Minimum { limit } => (format!("取值 {got} 小于下限 {limit}"), "改为不小于下限的值".into()),
        ValidationErrorKind::Maximum { limit } => (format!("取值 {got} 超过上限 {limit}"), "改为不超过上限的值".into()),
        ValidationErrorKind::MinItems { limit } => (format!("至少应有 {limit} 项"), "补充列表内容".into()),
        ValidationErrorKind::MinLength { limit } => (format!("至少应有 {limit} 个字符"), "补充内容".into()),
        other => (
            format!("取值 {got} 不符合格式要求（{}）", other.keyword()),
            format!("对照 {dir} 修改"),
        ),
    }
}

fn not_in_list(got: &str, options: &[&Value]) -> (String, String) {
    let opts: Vec<String> = options
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        .collect();
    (
        format!("取值 {got} 不在代码表中"),
        format!("可选值：{}", opts.join("、")),
    )
}

fn type_name(debug: &str) -> String {
    let d = debug.to_lowercase();
    let map = [
        ("integer", "整数"),
        ("number", "数字"),
        ("string", "字符串"),
        ("boolean", "布尔值（true/false）"),
        ("array", "列表"),
        ("object", "对象"),
        ("null", "null"),
    ];
    let names: Vec<&str> = map.iter().filter(|(k, _)| d.contains(k)).map(|(_, v)| *v).collect();
    if names.is_empty() {
        debug.to_string()
    } else {
        names.join("或")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schemas_match_the_model() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("catalog")
            .join(super::SCHEMA_DIR);
        for (name, text) in super::rendered() {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                committed == text,
                "catalog/schema/{name} drifted from the model: run `cargo run -- schema catalog` and commit"
            );
        }
    }
}
