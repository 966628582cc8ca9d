//! The competent department (主管部门) of an item, against departments.json:
//! digits 5–6 of this province's own codes, else the name the records give.
//! A department the table does not have yet is added with a code the
//! catalog assigns (digits 5–6 of the item's code when free, else the
//! smallest free code), and reported: no province publishes the table.

use std::collections::BTreeMap;

use super::build::{Rec, Summary};
use super::resolve::name_key;
use crate::catalog::Department;

/// departments.json with the entries this import adds.
pub(in crate::import) struct DepartmentBook {
    pub(in crate::import) all: Vec<Department>,
    pub(in crate::import) new: Vec<Department>,
}

impl DepartmentBook {
    pub(in crate::import) fn new(existing: &[Department]) -> Self {
        DepartmentBook {
            all: existing.to_vec(),
            new: Vec::new(),
        }
    }

    /// The department of an item: for this province's own codes, digits
    /// 5–6; otherwise the 主管部门 field or the agencies' names; a
    /// department named but not in the table is added.
    pub(in crate::import) fn resolve(
        &mut self,
        province: &str,
        code: &str,
        recs: &[Rec],
        sum: &mut Summary,
    ) -> Result<String, String> {
        let dd = &code[4..6];
        let own = code.starts_with(province.get(..2).unwrap_or("63"));
        if own && self.all.iter().any(|d| d.code == dd) {
            self.check_named(code, dd, recs, sum);
            return Ok(dd.to_string());
        }
        let mut votes: BTreeMap<String, usize> = BTreeMap::new();
        for r in recs {
            let d = r
                .department
                .as_deref()
                .and_then(|d| self.named(d).or_else(|| self.within(d)))
                .or_else(|| self.within(&r.agency));
            if let Some(d) = d {
                *votes.entry(d).or_default() += 1;
            }
        }
        let voted = votes
            .into_iter()
            .max_by_key(|(c, n)| (*n, std::cmp::Reverse(c.clone())))
            .map(|(c, _)| c);
        if let Some(c) = voted {
            if own && c != dd {
                sum.note(
                    recs[0].line,
                    format!("基本编码 {code} 第 5–6 位的部门代码 {dd} 不在 departments.json 中，按主管部门名称取 {c}"),
                );
            }
            return Ok(c);
        }
        let Some(name) = recs.iter().find_map(|r| r.department.clone()) else {
            return Err(format!(
                "无法确定事项 {code} 的主管部门：记录没有主管部门，实施主体名称也对应不到 departments.json 中的部门（填写主管部门名称，或在 departments.json 中登记）"
            ));
        };
        Ok(self.add(name.trim(), dd, recs[0].line, sum))
    }

    /// A new department: code `dd` if free, else the smallest free one.
    fn add(&mut self, name: &str, dd: &str, line: usize, sum: &mut Summary) -> String {
        let free = |c: &str| !self.all.iter().any(|d| d.code == c);
        let code = if dd.bytes().all(|b| b.is_ascii_digit()) && dd != "00" && free(dd) {
            dd.to_string()
        } else {
            match (1..100).map(|n| format!("{n:02}")).find(|c| free(c)) {
                Some(c) => c,
                None => {
                    sum.note(line, format!("部门代码 01–99 已用完，主管部门“{name}”按 {dd} 记"));
                    dd.to_string()
                }
            }
        };
        let d = Department {
            code: code.clone(),
            name: name.to_string(),
            provincial_name: name.to_string(),
        };
        sum.note(
            0,
            format!("新增主管部门 {code}“{name}”（导出只有名称，部门代码由本目录分配，写入 departments.json；请核对部门类别名称）"),
        );
        self.all.push(d.clone());
        self.new.push(d);
        code
    }

    /// A record naming another department than the code's is noted.
    fn check_named(&self, code: &str, dd: &str, recs: &[Rec], sum: &mut Summary) {
        for r in recs {
            if let Some(other) = r.department.as_deref().and_then(|d| self.named(d)) {
                if other != dd {
                    sum.note(
                        r.line,
                        format!(
                            "主管部门“{}”与基本编码 {code} 的部门代码 {dd} 不符，按基本编码",
                            r.department.as_deref().unwrap_or_default()
                        ),
                    );
                }
            }
        }
    }

    /// The department with this code, name or provincial name.
    fn named(&self, s: &str) -> Option<String> {
        let k = name_key(s);
        self.all
            .iter()
            .find(|d| d.code == s || name_key(&d.name) == k || name_key(&d.provincial_name) == k)
            .map(|d| d.code.clone())
    }

    /// The only department whose name (without 部门, 机关, 机构) `s` contains.
    fn within(&self, s: &str) -> Option<String> {
        let hits: Vec<&Department> = self
            .all
            .iter()
            .filter(|d| {
                let st = d
                    .name
                    .trim_end_matches("部门")
                    .trim_end_matches("机关")
                    .trim_end_matches("机构");
                !st.is_empty() && s.contains(st)
            })
            .collect();
        match hits.as_slice() {
            [one] => Some(one.code.clone()),
            _ => None,
        }
    }
}
