//! Personal-data flow: sources, sinks, reachability and taint.
