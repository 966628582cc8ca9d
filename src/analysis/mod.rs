//! Cross-region facts that rules and reports both need, computed once and
//! defined once: the spread of the elements that may differ, where a
//! deviation stands, which uniform element a pointer falls under, and the
//! uniformity report's data (same item, same standard, region by region).
//!
//! Policy: 青政办函〔2021〕44号 (同一政务服务事项“无差别受理、同标准办理”);
//! 青海省“高效办成一件事”实施方案 item 15 (受理条件、服务对象、办理流程、
//! 申请材料、法定办结时限、办理结果等要素信息全省统一).
//!
//! Pure functions over the typed catalog and the compiled config; linear in
//! the number of local files (locals are grouped by item once).

pub(crate) mod deviation;
pub mod diff;
pub(crate) mod limits;
pub(crate) mod limits_file;
pub(crate) mod promises;
pub(crate) mod spread;
pub mod uniformity;
pub(crate) mod values;

pub(crate) use deviation::{standing, uniform_element, Standing};
pub(crate) use spread::{locals_by_item, Aspect, Spread, Value};
pub use uniformity::{analyse, Report};
pub(crate) use values::{element_label, show_json};
