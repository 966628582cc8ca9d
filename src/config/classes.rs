//! The classification of changes by their effect on applicants: change
//! kind (a stable id, used in JSON output) → class and Chinese label. This
//! table is the default; rules.json `diff.classes` overrides a kind's
//! class (labels stay here), compiled into [`Classes`]. It lives in the
//! config layer so that compiling rules.json can check kind ids and
//! classes against it; the diff (analysis) uses it through
//! `analysis::diff::classes`.

use serde::Serialize;

/// A change's effect on applicants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Class {
    /// 增负: burden up.
    #[serde(rename = "增负")]
    Up,
    /// 减负: burden down.
    #[serde(rename = "减负")]
    Down,
    /// 结构: codes, items, regions, agencies, files; and changes whose
    /// effect has no direction (a window's hours, a result's name).
    #[serde(rename = "结构")]
    Structural,
    /// 中性: editorial (same normalised text, order, formatting).
    #[serde(rename = "中性")]
    Neutral,
}

impl Class {
    pub const ALL: [Class; 4] = [Class::Up, Class::Down, Class::Structural, Class::Neutral];

    pub fn label(self) -> &'static str {
        match self {
            Class::Up => "增负",
            Class::Down => "减负",
            Class::Structural => "结构",
            Class::Neutral => "中性",
        }
    }

    /// The class a Chinese label (as written in rules.json) names.
    pub fn from_label(label: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.label() == label)
    }
}

use Class::{Down, Neutral, Structural, Up};

/// Every kind of change: id, class, Chinese label.
pub const KINDS: &[(&str, Class, &str)] = &[
    // materials of an item
    ("material-added", Up, "新增申请材料"),
    ("material-removed", Down, "取消申请材料"),
    ("material-required", Up, "材料改为必要（或取消容缺）"),
    ("material-relaxed", Down, "材料改为非必要或容缺后补"),
    ("copies-more", Up, "原件或复印件份数增加"),
    ("copies-fewer", Down, "原件或复印件份数减少"),
    ("exemption-removed", Up, "取消免提交"),
    ("exemption-added", Down, "新增免提交"),
    // conditions and process
    ("condition-added", Up, "新增受理条件"),
    ("condition-removed", Down, "删除受理条件"),
    ("condition-changed", Up, "受理条件文字实质改动（需审核）"),
    ("step-added", Up, "新增办理环节"),
    ("step-removed", Down, "减少办理环节"),
    ("step-changed", Structural, "办理环节内容改动"),
    // deadlines
    ("deadline-longer", Up, "时限延长"),
    ("deadline-shorter", Down, "时限缩短"),
    ("deadline-unit-changed", Structural, "时限单位改变"),
    ("case-type-promised", Up, "即办件改为承诺件"),
    ("case-type-immediate", Down, "承诺件改为即办件"),
    // fees
    ("fee-added", Up, "新增收费"),
    ("fee-removed", Down, "取消收费"),
    ("fee-changed", Up, "收费标准改动（需审核）"),
    // local facts
    ("visits-more", Up, "到现场次数增加"),
    ("visits-fewer", Down, "到现场次数减少"),
    ("online-depth-lower", Up, "网上办理深度降低"),
    ("online-depth-higher", Down, "网上办理深度提高"),
    ("left-service-centre", Up, "不再进驻政务服务中心"),
    ("joined-service-centre", Down, "进驻政务服务中心"),
    ("post-withdrawn", Up, "取消结果邮寄送达"),
    ("post-added", Down, "支持结果邮寄送达"),
    ("coverage-lost", Up, "区划不再实施该事项（实施清单删除）"),
    ("coverage-gained", Down, "区划新增实施该事项"),
    // structure
    ("item-added", Structural, "新增事项"),
    ("item-removed", Structural, "删除事项"),
    ("item-recoded", Structural, "事项基本编码变更"),
    ("item-split", Structural, "事项拆分（由一个旧事项拆出）"),
    ("item-merged", Structural, "事项合并（由几个旧事项合并）"),
    ("region-added", Structural, "新增区划"),
    ("region-removed", Structural, "删除区划"),
    ("region-recoded", Structural, "区划代码变更"),
    ("local-recoded", Structural, "实施清单随区划代码变更"),
    ("local-item-recoded", Structural, "实施清单随事项基本编码变更"),
    ("agency-added", Structural, "新增实施主体"),
    ("agency-removed", Structural, "删除实施主体"),
    ("agency-changed", Structural, "更换实施主体"),
    ("registry-added", Structural, "材料库或部门新增条目"),
    ("registry-removed", Structural, "材料库或部门删除条目"),
    ("bundle-added", Structural, "新增“一件事”"),
    ("bundle-removed", Structural, "删除“一件事”"),
    ("field-changed", Structural, "其他内容改动"),
    // editorial
    ("reworded", Neutral, "措辞调整（规范化后相同）"),
    ("reordered", Neutral, "仅顺序调整"),
    // provenance of a fact
    ("fact-verified", Neutral, "事实经核实（写明来源）"),
    ("fact-unverified", Neutral, "事实标为待核实"),
];

/// Class and label of a kind in the default table (an unknown kind is a
/// bug: shown as 结构).
pub fn of(kind: &str) -> (Class, &'static str) {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or((Structural, "其他内容改动"), |(_, c, l)| (*c, *l))
}

/// Whether `kind` is a change kind of [`KINDS`].
pub fn known(kind: &str) -> bool {
    KINDS.iter().any(|(k, _, _)| *k == kind)
}

/// The compiled table: the default classes with rules.json's overrides.
#[derive(Debug, Clone, Default)]
pub struct Classes {
    overrides: Vec<(String, Class)>,
}

impl Classes {
    /// The defaults with `overrides` (kind id, class) applied; each kind
    /// must be in [`KINDS`] (compile checks it).
    pub fn new(overrides: Vec<(String, Class)>) -> Classes {
        Classes { overrides }
    }

    /// The class of `kind`: its override, or the default.
    pub fn of(&self, kind: &str) -> Class {
        self.overrides
            .iter()
            .rev()
            .find(|(k, _)| k == kind)
            .map_or_else(|| of(kind).0, |(_, c)| *c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_unique_and_every_class_is_used() {
        let ids: std::collections::BTreeSet<_> = KINDS.iter().map(|k| k.0).collect();
        assert_eq!(ids.len(), KINDS.len());
        for c in Class::ALL {
            assert!(KINDS.iter().any(|k| k.1 == c), "{c:?}");
        }
    }
}
