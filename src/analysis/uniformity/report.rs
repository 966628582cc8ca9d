//! The uniformity report's types: items, their element rows, each row's
//! divergences, and the region rows of the heat maps.

/// How one region's value stands against the standard or the majority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A deviation from a uniform element without basis or approval.
    Unapproved,
    /// A deviation registered for an element that is not uniform: never in
    /// force, whatever its basis (lint: deviation-element).
    NotUniform,
    /// Worse for the applicant than most regions.
    Worse,
    /// Not comparable with the majority (another deadline unit).
    Incomparable,
    /// A deviation from a uniform element with basis and approval.
    Approved,
    /// Better for the applicant than most regions (shown, not counted).
    Better,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Unapproved => "偏离未经批准",
            Status::NotUniform => "偏离的不是统一要素",
            Status::Worse => "劣于多数区划",
            Status::Incomparable => "单位不同无法比较",
            Status::Approved => "经批准的偏离",
            Status::Better => "优于多数区划",
        }
    }

    /// Whether it counts against the region in the heat maps.
    pub fn counts(self) -> bool {
        self != Status::Better
    }
}

/// Whether an element must be identical everywhere or may differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    /// 全省统一要素: departs only by approved deviation.
    Uniform,
    /// May differ, compared against the majority.
    MayDiffer,
    /// A deviation registered for something that is not a uniform element.
    Other,
}

#[derive(Debug, Clone)]
pub struct Divergence {
    pub region: String,
    pub region_name: String,
    /// The exact pointer of the value (a deviation may name a part of an
    /// element, such as /materials/2).
    pub element: String,
    /// The standard (uniform elements) or the majority value.
    pub standard: String,
    /// This region's value.
    pub value: String,
    pub status: Status,
    /// For deviations: the basis and the approving authority as written.
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct ElementReport {
    pub label: String,
    pub pointer: String,
    // Report data that tests read and renderers may; not yet shown.
    #[cfg_attr(not(test), allow(dead_code))]
    pub kind: ElementKind,
    /// The standard, or the majority value ("无多数取值" when none).
    pub standard: String,
    /// Regions following the standard / the majority.
    pub following: usize,
    pub divergences: Vec<Divergence>,
    /// Values and their counts, best first, when regions differ.
    pub spread: Vec<(String, usize)>,
}

impl ElementReport {
    pub fn score(&self) -> usize {
        self.divergences.iter().filter(|d| d.status.counts()).count()
    }
}

#[derive(Debug, Clone)]
pub struct ItemReport {
    pub code: String,
    pub name: String,
    /// Regions with a local file for the item.
    pub regions: usize,
    pub elements: Vec<ElementReport>,
}

impl ItemReport {
    pub fn score(&self) -> usize {
        self.elements.iter().map(ElementReport::score).sum()
    }
}

#[derive(Debug, Clone)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    /// Counted divergences, in all items.
    pub score: usize,
    /// Counted divergences per column of [`Report::columns`].
    pub by_element: Vec<usize>,
    /// Counted divergences per item, in [`Report::items`] order.
    pub by_item: Vec<usize>,
    /// Items this region implements.
    pub items: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Worst first (most counted divergences), then by code.
    pub items: Vec<ItemReport>,
    /// Regions with at least one local file, worst first, then by code.
    pub regions: Vec<RegionRow>,
    /// Element columns of the region × element heat map.
    pub columns: Vec<String>,
    pub locals: usize,
    /// The documents cited at the top (rules.json `uniformity_basis`).
    pub basis: String,
}

impl Report {
    pub fn divergences(&self) -> usize {
        self.items.iter().map(ItemReport::score).sum()
    }

    pub fn count(&self, status: Status) -> usize {
        self.items
            .iter()
            .flat_map(|i| &i.elements)
            .flat_map(|e| &e.divergences)
            .filter(|d| d.status == status)
            .count()
    }
}
