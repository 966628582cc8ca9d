//! Text inside a change: "same meaning" (normalised text equal), the
//! character-level similarity that pairs conditions and process steps, and
//! the changed characters marked for display (`similar`, by characters:
//! Chinese has no spaces to split words on).

use similar::{ChangeTag, TextDiff};

use crate::text::normalize::normalize;

/// Two texts pair as "the same element, reworded" at this similarity
/// (`similar`'s ratio: 2 × common characters / total). 0.5: one clause
/// reworded in a sentence stays paired; an unrelated condition does not
/// (see the tests).
pub const PAIR_RATIO: f32 = 0.5;

/// Whether two texts mean the same: equal after normalisation (width,
/// spaces, zero-width characters, Traditional → Simplified).
pub fn same_meaning(a: &str, b: &str) -> bool {
    a == b || normalize(a).text == normalize(b).text
}

/// Character-level similarity of two texts, 0.0 to 1.0, on their
/// normalised forms.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (normalize(a).text, normalize(b).text);
    TextDiff::from_chars(a.as_str(), b.as_str()).ratio()
}

/// The old and new text with the changed characters marked: removed ones
/// as `[-…-]` in the old, inserted ones as `{+…+}` in the new.
pub fn marked(old: &str, new: &str) -> (String, String) {
    let diff = TextDiff::from_chars(old, new);
    let (mut o, mut n) = (String::new(), String::new());
    let mut run: Option<ChangeTag> = None;
    let close = |tag: Option<ChangeTag>, o: &mut String, n: &mut String| match tag {
        Some(ChangeTag::Delete) => o.push_str("-]"),
        Some(ChangeTag::Insert) => n.push_str("+}"),
        _ => {}
    };
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        if run != Some(tag) {
            close(run, &mut o, &mut n);
            match tag {
                ChangeTag::Delete => o.push_str("[-"),
                ChangeTag::Insert => n.push_str("{+"),
                ChangeTag::Equal => {}
            }
            run = Some(tag);
        }
        let s = change.value();
        match tag {
            ChangeTag::Delete => o.push_str(s),
            ChangeTag::Insert => n.push_str(s),
            ChangeTag::Equal => {
                o.push_str(s);
                n.push_str(s);
            }
        }
    }
    close(run, &mut o, &mut n);
    (o, n)
}

/// How the elements of an old and a new list pair up: `pairs` as (old
/// index, new index), in old order; the rest were removed or added.
#[derive(Debug, Default, PartialEq)]
pub struct Pairing {
    pub pairs: Vec<(usize, usize)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

impl Pairing {
    /// Whether the paired elements changed order.
    pub fn reordered(&self) -> bool {
        self.pairs.windows(2).any(|w| w[0].1 > w[1].1)
    }
}

/// Pair two lists by identity: `key` first (equal keys pair, e.g. a
/// material's registry id), otherwise by text similarity at least
/// [`PAIR_RATIO`], best pairs first. `key` returning `None` means "match
/// by text only".
pub fn pair<T>(old: &[T], new: &[T], key: impl Fn(&T) -> Option<String>, text: impl Fn(&T) -> String) -> Pairing {
    let mut taken_new = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut left = Vec::new();
    // Identity: same key, or the same normalised text.
    for (i, o) in old.iter().enumerate() {
        let ok = key(o);
        let ot = normalize(&text(o)).text;
        let hit = (0..new.len()).find(|&j| {
            !taken_new[j]
                && ok.as_ref().map_or_else(
                    || normalize(&text(&new[j])).text == ot,
                    |k| key(&new[j]).as_ref() == Some(k),
                )
        });
        match hit {
            Some(j) => {
                taken_new[j] = true;
                pairs.push((i, j));
            }
            None => left.push(i),
        }
    }
    // Similarity, for the keyless rest: best pairs first.
    let mut candidates = Vec::new();
    for &i in &left {
        if key(&old[i]).is_some() {
            continue;
        }
        for j in (0..new.len()).filter(|&j| !taken_new[j] && key(&new[j]).is_none()) {
            let r = similarity(&text(&old[i]), &text(&new[j]));
            if r >= PAIR_RATIO {
                candidates.push((r, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken_old = vec![false; old.len()];
    for (_, i, j) in candidates {
        if !taken_old[i] && !taken_new[j] {
            taken_old[i] = true;
            taken_new[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    let paired_old: std::collections::HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    Pairing {
        removed: (0..old.len()).filter(|i| !paired_old.contains(i)).collect(),
        added: (0..new.len()).filter(|&j| !taken_new[j]).collect(),
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(l: &[&str]) -> Vec<String> {
        l.iter().map(ToString::to_string).collect()
    }

    fn by_text(a: &[&str], b: &[&str]) -> Pairing {
        pair(&texts(a), &texts(b), |_| None, Clone::clone)
    }

    #[test]
    fn inserting_one_condition_is_one_addition() {
        let p = by_text(
            &["申请人已依法登记", "有固定经营场所"],
            &["申请人已依法登记", "无违法记录", "有固定经营场所"],
        );
        assert_eq!(p.pairs, vec![(0, 0), (1, 2)]);
        assert_eq!(p.added, vec![1]);
        assert!(p.removed.is_empty() && !p.reordered());
    }

    #[test]
    fn a_reworded_condition_pairs_and_an_unrelated_one_does_not() {
        let p = by_text(&["申请人已依法登记"], &["申请人已经依法办理登记"]);
        assert_eq!(p.pairs, vec![(0, 0)]);
        let p = by_text(&["申请人已依法登记"], &["有固定经营场所"]);
        assert_eq!((p.removed, p.added), (vec![0], vec![0]));
        assert!(similarity("申请人已依法登记", "申请人已经依法办理登记") >= PAIR_RATIO);
        assert!(similarity("申请人已依法登记", "有固定经营场所") < PAIR_RATIO);
    }

    #[test]
    fn reordering_alone_is_seen() {
        let p = by_text(&["甲条件", "乙条件"], &["乙条件", "甲条件"]);
        assert!(p.reordered() && p.added.is_empty() && p.removed.is_empty());
    }

    #[test]
    fn width_and_spaces_are_the_same_meaning() {
        assert!(same_meaning("年满18周岁（含）", "年满１８周岁 (含)"));
        assert!(!same_meaning("年满18周岁", "年满16周岁"));
    }

    #[test]
    fn changed_characters_are_marked() {
        let (o, n) = marked("年满18周岁", "年满16周岁");
        assert_eq!(o, "年满1[-8-]周岁");
        assert_eq!(n, "年满1{+6+}周岁");
    }
}
