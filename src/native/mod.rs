//! Native library (ELF) inspection with goblin.
