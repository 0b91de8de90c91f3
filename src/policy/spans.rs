//! A set of byte ranges answering overlap and containment questions by binary search, so
//! that checking every unit of a megabyte policy against thousands of spans stays
//! `O(n log n)` (a linear scan per unit made hostile inputs quadratic).

use super::tables::Range;

/// Ranges sorted by start, with the largest end seen so far at each position.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    sorted: Vec<Range>,
    reach: Vec<usize>,
}

impl Spans {
    /// Index `ranges` (any order, may overlap).
    pub fn new(ranges: impl IntoIterator<Item = Range>) -> Spans {
        let mut sorted: Vec<Range> = ranges.into_iter().collect();
        sorted.sort_unstable();
        let mut reach = Vec::with_capacity(sorted.len());
        let mut max = 0;
        for &(_, b) in &sorted {
            max = max.max(b);
            reach.push(max);
        }
        Spans { sorted, reach }
    }

    /// Whether some range overlaps `r` (shares at least one byte with it).
    pub fn overlaps(&self, r: Range) -> bool {
        let k = self.sorted.partition_point(|&(a, _)| a < r.1);
        k.checked_sub(1)
            .and_then(|k| self.reach.get(k))
            .is_some_and(|&b| b > r.0)
    }

    /// Whether some range contains `r` whole.
    pub fn contains(&self, r: Range) -> bool {
        let k = self.sorted.partition_point(|&(a, _)| a <= r.0);
        k.checked_sub(1)
            .and_then(|k| self.reach.get(k))
            .is_some_and(|&b| b >= r.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment_match_a_linear_scan() {
        let ranges = [(10, 20), (0, 5), (15, 40), (50, 51)];
        let s = Spans::new(ranges);
        for a in 0..60 {
            for b in a + 1..62 {
                let r = (a, b);
                let lin_over = ranges.iter().any(|&(x, y)| r.0 < y && r.1 > x);
                let lin_in = ranges.iter().any(|&(x, y)| x <= r.0 && r.1 <= y);
                assert_eq!(s.overlaps(r), lin_over, "{r:?}");
                assert_eq!(s.contains(r), lin_in, "{r:?}");
            }
        }
        assert!(!Spans::default().overlaps((0, 1)));
    }
}
