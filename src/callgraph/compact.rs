//! The call graph's edges in compressed-sparse-row form: 9 bytes an edge (target, call
//! site, kind, in parallel arrays) instead of petgraph's 24 (weight, two next links, two
//! endpoints). For consumers that only walk outgoing edges, such as the data flow.

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::graph::{CallEdge, EdgeKind, MethodNode};

/// Outgoing edges per node, in the order petgraph lists them.
#[derive(Debug, Default)]
pub(super) struct CompactEdges {
    /// Node `n`'s edges are `start[n]..start[n + 1]`.
    start: Vec<u32>,
    to: Vec<u32>,
    offset: Vec<u32>,
    kind: Vec<EdgeKind>,
}

impl CompactEdges {
    /// The outgoing edges of every node of `graph`, each node's in
    /// `edges_directed(n, Outgoing)` order (so a walk over them visits what a walk over the
    /// graph would, in the same order). Each array is allocated once, at its final size.
    pub(super) fn of(graph: &DiGraph<MethodNode, CallEdge>) -> CompactEdges {
        let edges = graph.edge_count();
        let mut c = CompactEdges {
            start: Vec::with_capacity(graph.node_count() + 1),
            to: Vec::with_capacity(edges),
            offset: Vec::with_capacity(edges),
            kind: Vec::with_capacity(edges),
        };
        for n in graph.node_indices() {
            c.start.push(c.to.len() as u32);
            for e in graph.edges_directed(n, Direction::Outgoing) {
                c.to.push(e.target().index() as u32);
                c.offset.push(e.weight().offset);
                c.kind.push(e.weight().kind);
            }
        }
        c.start.push(c.to.len() as u32);
        c
    }

    /// Number of edges.
    pub(super) fn len(&self) -> usize {
        self.to.len()
    }

    /// The edges leaving `n` (none for a node the graph does not have).
    pub(super) fn outgoing(&self, n: NodeIndex) -> impl Iterator<Item = (NodeIndex, CallEdge)> {
        let i = n.index();
        let lo = self.start.get(i).copied().unwrap_or(0) as usize;
        let hi = self.start.get(i + 1).copied().unwrap_or(0) as usize;
        let range = lo..hi.max(lo);
        let to = self.to.get(range.clone()).unwrap_or_default();
        let offset = self.offset.get(range.clone()).unwrap_or_default();
        let kind = self.kind.get(range).unwrap_or_default();
        to.iter()
            .zip(offset)
            .zip(kind)
            .map(|((&t, &offset), &kind)| (NodeIndex::new(t as usize), CallEdge { kind, offset }))
    }
}
