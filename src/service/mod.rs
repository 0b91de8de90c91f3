//! Auditing at app-store scale: jobs on a Redis stream, audited by any number of workers
//! on any number of machines (`docs/scale.md`).
//!
//! Redis does the distribution: `submit` appends one [`Job`] per APK to a stream, workers
//! read it through a consumer group, and each job's [`Record`] goes to a results stream
//! keyed by job id. Delivery is at least once; results are idempotent (the first record of
//! a job is kept, a second one is dropped in the same atomic step that acknowledges it).
//! A job whose worker died is claimed by another after an idle time (`XAUTOCLAIM`); a
//! job delivered more than a set number of times, or whose payload cannot be read, goes to
//! a dead-letter stream with its error.
//!
//! Jobs are untrusted input: [`roots`] confines their paths to the directories the worker
//! was started with, and [`audit_child`] runs each audit in a child process with a
//! wall-clock limit, killed when it is exceeded.
//!
//! The library never prints: [`worker::run`] reports through a callback.

pub mod audit_child;
pub mod job;
pub mod queue;
pub mod record;
pub mod roots;
pub mod worker;

pub use job::{Job, JobOptions};
pub use queue::{Keys, Queue};
pub use record::{Record, Status};
pub use roots::Roots;
pub use worker::{WorkerOptions, run as run_worker};

/// Errors of the service layer: Redis, or a job or record that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Redis refused a command or the connection failed.
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// A job payload or result record is not what this version writes.
    #[error("{0}")]
    Invalid(String),
}

impl From<ServiceError> for crate::Error {
    fn from(e: ServiceError) -> crate::Error {
        crate::Error::Usage(e.to_string())
    }
}
