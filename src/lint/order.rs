//! The order findings are reported in.

use crate::diag::Diagnostic;
use crate::source::Sources;

/// By the path as shown (catalog and rules/ files interleave by it), then
/// position, rule and message: the same input gives the same order.
pub(super) fn sort(sources: &Sources, diagnostics: &mut [Diagnostic]) {
    use rayon::slice::ParallelSliceMut;
    // Positions are sorted, not findings: a stable sort of the findings
    // themselves took a buffer as large as all of them (issue 14). Ties
    // keep the order rules found them in, as a stable sort would.
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    let key = |i: usize| sort_key(sources, &diagnostics[i]);
    order.par_sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    permute(diagnostics, &mut order);
}

fn sort_key<'a>(sources: &'a Sources, d: &'a Diagnostic) -> (&'a str, &'a str, Option<usize>, &'a str, &'a str) {
    let f = sources.get(d.file);
    (&f.base, &f.path, d.span().map(|s| s.0), d.rule, &d.message)
}

/// Put the element at `order[k]` at position `k`, in place, following
/// each cycle of the permutation once (`order` is used up).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn permute_puts_each_element_where_the_order_says() {
        for order in [
            vec![2, 0, 1],
            vec![0, 1, 2],
            vec![1, 0, 3, 2],
            vec![3, 2, 4, 0, 1],
            vec![],
        ] {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let want: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            super::permute(&mut items, &mut order.clone());
            assert_eq!(items, want, "{order:?}");
        }
    }
}
