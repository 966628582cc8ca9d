//! The process flow as inline SVG: one box per step, top to bottom, with
//! its actor and time limit; the page also lists the steps as text (the
//! SVG's alternative). Coordinates are computed here; the template draws.

use super::view::deadline;
use crate::catalog::item::ProcessStep;

/// Longest text drawn in a box (the full text is in the list).
const MAX_CHARS: usize = 22;
const BOX_H: u32 = 64;
const GAP: u32 = 28;

pub(crate) struct Flow {
    pub(crate) height: u32,
    pub(crate) steps: Vec<FlowStep>,
    /// One sentence for the SVG's <desc>.
    pub(crate) summary: String,
}

pub(crate) struct FlowStep {
    pub(crate) name: String,
    pub(crate) actor: String,
    pub(crate) deadline: String,
    pub(crate) standard: String,
    /// Drawn (shortened) lines.
    pub(crate) line1: String,
    pub(crate) line2: String,
    pub(crate) y: u32,
    pub(crate) text_y1: u32,
    pub(crate) text_y2: u32,
    /// The arrow to the next box, if any: from y to y2.
    pub(crate) arrow: Option<(u32, u32)>,
}

pub(crate) fn layout(process: &[ProcessStep]) -> Flow {
    let n = process.len();
    let steps: Vec<FlowStep> = (process.iter().enumerate())
        .map(|(i, s)| {
            let y = 8 + u32::try_from(i).unwrap_or(0) * (BOX_H + GAP);
            let limit = s.deadline.as_ref().map(deadline).unwrap_or_else(|| "未列明".into());
            FlowStep {
                name: s.name.clone(),
                actor: s.actor.clone(),
                deadline: limit.clone(),
                standard: s.standard.clone().unwrap_or_default(),
                line1: shorten(&format!("{}. {}", i + 1, s.name)),
                line2: shorten(&format!("{} · {}", s.actor, limit)),
                y,
                text_y1: y + 26,
                text_y2: y + 50,
                arrow: (i + 1 < n).then_some((y + BOX_H, y + BOX_H + GAP - 4)),
            }
        })
        .collect();
    let height = 16 + u32::try_from(n).unwrap_or(0) * (BOX_H + GAP);
    let summary = (steps.iter())
        .map(|s| format!("{}（{}，{}）", s.name, s.actor, s.deadline))
        .collect::<Vec<_>>()
        .join(" → ");
    Flow { height, steps, summary }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_CHARS {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX_CHARS - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_stack_with_arrows_between_and_long_text_is_shortened() {
        let step = |name: &str| ProcessStep {
            name: name.into(),
            actor: "受理窗口工作人员".into(),
            deadline: None,
            standard: None,
        };
        let f = layout(&[step("受理"), step(&"长".repeat(100))]);
        assert_eq!(f.steps.len(), 2);
        assert!(f.steps[0].arrow.is_some() && f.steps[1].arrow.is_none());
        assert!(f.steps[1].y > f.steps[0].y + BOX_H);
        assert!(f.height > f.steps[1].y + BOX_H);
        assert!(f.steps[1].line1.chars().count() <= MAX_CHARS);
        assert_eq!(f.steps[1].name.chars().count(), 100);
    }
}
