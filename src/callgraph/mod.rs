//! The call graph over all dex files (petgraph), with class-hierarchy dispatch and Android's implicit edges.
