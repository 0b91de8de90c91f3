//! The call graph over all dex files (petgraph), with class-hierarchy dispatch and
//! Android's implicit edges.
//!
//! Nodes are methods: defined in the app's dex files, or external references (framework,
//! JDK). Edges are call sites. Virtual and interface calls go to the statically resolved
//! method and to every overriding app method in the receiver type's subtypes (CHA).
//! Implicit edges model what the framework does later: `Thread.start` runs `run`,
//! executors and handlers run Runnables, `AsyncTask.execute` runs `doInBackground`,
//! registered listeners get their callbacks, and a synthetic `<android>` root starts the
//! manifest's components and the Application. See `docs/callgraph.md`.

mod compact;
mod edges;
mod graph;
mod hierarchy;
mod intern;
mod scan;

pub use graph::{BuildOptions, CallEdge, CallGraph, EdgeKind, MethodDef, MethodNode, Stats};
