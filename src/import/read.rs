//! Reading an export into records: JSON Lines (one object per line) or CSV
//! (a header row, then one record per row). A record that cannot be read
//! is reported with its line number; the others are still read.

use serde_json::Value;

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum InputFormat {
    /// JSON Lines：每行一个 JSON 对象
    Jsonl,
    /// CSV：第一行为字段名，其后每行一条记录
    Csv,
}

/// One record of the export: its (first) line number and its fields in
/// source order. Empty values are dropped (an empty CSV cell is no value).
#[derive(Debug, Clone)]
pub(crate) struct RawRecord {
    pub(crate) line: usize,
    pub(crate) fields: Vec<(String, Value)>,
}

/// A record that could not be read or imported, by line number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Problem {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// Read all records; problems for the lines that failed.
pub(crate) fn read(bytes: &[u8], format: InputFormat, delimiter: u8) -> (Vec<RawRecord>, Vec<Problem>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match format {
        InputFormat::Jsonl => read_jsonl(bytes),
        InputFormat::Csv => read_csv(bytes, delimiter),
    }
}

/// The input format from the file name, else from the first byte.
pub(crate) fn guess_format(path: &std::path::Path, bytes: &[u8]) -> InputFormat {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") | Some("tsv") => InputFormat::Csv,
        Some("jsonl") | Some("ndjson") | Some("json") => InputFormat::Jsonl,
        _ => {
            let first = bytes
                .strip_prefix(b"\xef\xbb\xbf")
                .unwrap_or(bytes)
                .iter()
                .find(|b| !b.is_ascii_whitespace());
            if first == Some(&b'{') {
                InputFormat::Jsonl
            } else {
                InputFormat::Csv
            }
        }
    }
}

const NOT_UTF8: &str = "不是 UTF-8 编码的文字（导出文件若为 GBK 编码，请先转换为 UTF-8，如 iconv -f GBK -t UTF-8）";

fn read_jsonl(bytes: &[u8]) -> (Vec<RawRecord>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(text) = std::str::from_utf8(raw) else {
            problems.push(Problem {
                line,
                message: NOT_UTF8.into(),
            });
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(o)) => records.push(RawRecord {
                line,
                fields: o.into_iter().filter(|(_, v)| !is_empty(v)).collect(),
            }),
            Ok(_) => problems.push(Problem {
                line,
                message: "不是 JSON 对象（每行应为一条记录，如 {\"基本编码\": …}）".into(),
            }),
            Err(e) => problems.push(Problem {
                line,
                message: if e.is_eof() {
                    "不是完整的 JSON：行末缺少右花括号 }、右方括号 ] 或引号（每条记录须写在一行内）".to_string()
                } else {
                    format!(
                        "不是有效的 JSON：第 {} 列，{}",
                        e.column(),
                        crate::load::json_error_zh(&e.to_string())
                    )
                },
            }),
        }
    }
    (records, problems)
}

fn read_csv(bytes: &[u8], delimiter: u8) -> (Vec<RawRecord>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header: Option<Vec<String>> = None;
    let mut raw = csv::ByteRecord::new();
    loop {
        let line = rdr.position().line() as usize;
        match rdr.read_byte_record(&mut raw) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                problems.push(Problem {
                    line,
                    message: format!("CSV 无法读取：{e}"),
                });
                if header.is_none() {
                    break;
                }
                continue;
            }
        }
        let line = raw.position().map_or(line, |p| p.line() as usize);
        let cells: Result<Vec<&str>, _> = raw.iter().map(std::str::from_utf8).collect();
        let Ok(cells) = cells else {
            problems.push(Problem {
                line,
                message: NOT_UTF8.into(),
            });
            if header.is_none() {
                break;
            }
            continue;
        };
        let Some(names) = &header else {
            header = Some(cells.iter().map(|c| c.trim().to_string()).collect());
            continue;
        };
        match csv_row(names, &cells, line) {
            Ok(Some(r)) => records.push(r),
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    (records, problems)
}

/// One CSV row as a record; `None` for a blank row.
fn csv_row(names: &[String], cells: &[&str], line: usize) -> Result<Option<RawRecord>, Problem> {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return Ok(None);
    }
    if cells.len() != names.len() {
        return Err(Problem {
            line,
            message: format!(
                "有 {} 列，而标题行有 {} 列（引号未闭合或分隔符有误）",
                cells.len(),
                names.len()
            ),
        });
    }
    Ok(Some(RawRecord {
        line,
        fields: names
            .iter()
            .zip(cells)
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(n, c)| (n.clone(), Value::String(c.to_string())))
            .collect(),
    }))
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_the_rest() {
        let text = "{\"基本编码\": \"630101003000\", \"备注\": \"\"}\n\n{\"基本编码\": \n[1]\n{\"a\": 1}\r\n";
        let (recs, probs) = read(text.as_bytes(), InputFormat::Jsonl, b',');
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].line, 1);
        assert_eq!(recs[0].fields.len(), 1, "empty values are dropped");
        assert_eq!(recs[1].line, 5);
        let lines: Vec<usize> = probs.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4]);
        assert!(probs[0].message.contains("不是完整的 JSON"), "{}", probs[0].message);
        let (_, probs) = read(b"{\"a\": 1,, }\n", InputFormat::Jsonl, b',');
        assert!(
            probs[0].message.contains("不是有效的 JSON：第 "),
            "{}",
            probs[0].message
        );
    }

    #[test]
    fn csv_gives_each_record_its_line() {
        let text = "\u{feff}基本编码,事项名称,受理条件\n630101003000,食品经营许可,\"1.甲；\n2.乙\"\n630101003000,只有两列\n630101003000,食品经营许可,丙\n";
        let (recs, probs) = read(text.as_bytes(), InputFormat::Csv, b',');
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].line, 2);
        assert_eq!(recs[0].fields[0].0, "基本编码", "BOM stripped");
        assert_eq!(recs[0].fields[2].1, Value::String("1.甲；\n2.乙".into()));
        assert_eq!(recs[1].line, 5, "a quoted newline moves the next record down");
        assert_eq!(probs.len(), 1);
        assert_eq!(probs[0].line, 4);
    }

    #[test]
    fn invalid_utf8_is_reported_per_line() {
        let mut bytes = b"{\"a\": 1}\n".to_vec();
        bytes.extend_from_slice(&[b'{', 0xb9, 0xab, b'}', b'\n']);
        let (recs, probs) = read(&bytes, InputFormat::Jsonl, b',');
        assert_eq!(recs.len(), 1);
        assert_eq!(probs[0].line, 2);
        assert!(probs[0].message.contains("GBK"));
    }
}
