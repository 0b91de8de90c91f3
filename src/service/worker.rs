//! The worker loop: take a job (an abandoned one first, else a new one), audit it in a
//! child process, write its record and acknowledge it; until asked to stop.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::ServiceError;
use super::audit_child::{self, ChildOptions, ChildOutcome};
use super::job::Job;
use super::queue::{DeadLetter, Delivery, Queue};
use super::record::{Record, Status};
use super::roots::Roots;

/// How long one read waits for a new job; also how soon a stop request is seen when idle.
const BLOCK: Duration = Duration::from_secs(1);

/// Everything a worker needs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Redis URL.
    pub redis_url: String,
    /// Key prefix of the queue.
    pub prefix: String,
    /// Consumer group.
    pub group: String,
    /// Consumer name; with several threads each is `NAME-i`.
    pub consumer: String,
    /// Jobs audited at once (threads, each with one child at a time).
    pub jobs: usize,
    /// Where job inputs may be read.
    pub roots: Roots,
    /// How audits are run.
    pub child: ChildOptions,
    /// A job pending this long without a heartbeat is claimed by another worker.
    pub claim_idle: Duration,
    /// A job delivered more than this many times without a record is dead-lettered.
    pub max_deliveries: u64,
    /// The signature catalogue version written into each record.
    pub catalog: String,
}

/// Run until `stop` is set, then finish the jobs in hand and return. Connection errors
/// are reported through `log` and retried; only a failure to reach Redis at start is an
/// error.
pub fn run(
    opts: &WorkerOptions,
    stop: &AtomicBool,
    log: &(dyn Fn(&str) + Sync),
) -> Result<(), ServiceError> {
    let mut first = Queue::connect(&opts.redis_url, &opts.prefix)?;
    first.ensure_group(&opts.group)?;
    drop(first);
    let names: Vec<String> = if opts.jobs <= 1 {
        vec![opts.consumer.clone()]
    } else {
        (1..=opts.jobs)
            .map(|i| format!("{}-{i}", opts.consumer))
            .collect()
    };
    std::thread::scope(|scope| {
        for name in &names {
            scope.spawn(move || consume(opts, name, stop, log));
        }
    });
    Ok(())
}

/// One consumer: reconnect after errors, take jobs until stopped.
fn consume(opts: &WorkerOptions, consumer: &str, stop: &AtomicBool, log: &(dyn Fn(&str) + Sync)) {
    let mut backoff = Duration::from_millis(250);
    while !stop.load(Ordering::Relaxed) {
        let mut queue = match Queue::connect(&opts.redis_url, &opts.prefix) {
            Ok(q) => q,
            Err(e) => {
                log(&format!("{consumer}: {e}; retrying in {backoff:?}"));
                sleep_unless_stopped(backoff, stop);
                backoff = (backoff * 2).min(Duration::from_secs(5));
                continue;
            }
        };
        let mut step = || -> Result<(), ServiceError> {
            queue.ensure_group(&opts.group)?;
            while !stop.load(Ordering::Relaxed) {
                let taken = match queue.claim_abandoned(&opts.group, consumer, opts.claim_idle)? {
                    Some(d) => Some(d),
                    None => queue.read_new(&opts.group, consumer, BLOCK)?,
                };
                if let Some(delivery) = taken {
                    handle(&mut queue, opts, consumer, delivery, log)?;
                }
            }
            queue.retire(&opts.group, consumer)?;
            Ok(())
        };
        match step() {
            Ok(()) => return,
            Err(e) => {
                log(&format!("{consumer}: {e}; reconnecting"));
                sleep_unless_stopped(backoff, stop);
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
    }
}

fn sleep_unless_stopped(d: Duration, stop: &AtomicBool) {
    let until = Instant::now() + d;
    while Instant::now() < until && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Audit one delivery and write its record; or dead-letter it; or, when the audit
/// crashed, leave it pending for another delivery.
fn handle(
    queue: &mut Queue,
    opts: &WorkerOptions,
    consumer: &str,
    d: Delivery,
    log: &(dyn Fn(&str) + Sync),
) -> Result<(), ServiceError> {
    let start = Instant::now();
    let record = |job: &str, apk: &str, status, exit_code, report, error| Record {
        job: job.to_string(),
        status,
        exit_code,
        apk: apk.to_string(),
        report,
        error,
        worker: consumer.to_string(),
        deliveries: d.deliveries,
        catalog: opts.catalog.clone(),
        seconds: start.elapsed().as_secs_f64(),
    };
    let parsed = Job::from_payload(&d.payload);
    if let Ok(job) = &parsed
        && queue.is_done(&job.id)?
    {
        // Another delivery of a job whose record is written: acknowledge only.
        queue.finish(&opts.group, &d.entry, None, None)?;
        return Ok(());
    }

    // Given up: too many deliveries, or a payload no delivery can fix.
    let give_up = if d.deliveries > opts.max_deliveries {
        let last = queue.last_error(&d.entry)?.unwrap_or_else(|| {
            "no record: the workers that took it died or lost their connection".into()
        });
        Some(format!(
            "given up after {} deliveries; last error: {last}",
            d.deliveries - 1
        ))
    } else {
        parsed.as_ref().err().map(|e| e.to_string())
    };
    if let Some(error) = give_up {
        let (id, apk) = match &parsed {
            Ok(job) => (Some(job.id.clone()), job.apk.clone()),
            Err(_) => (Job::id_of_invalid(&d.payload), String::new()),
        };
        let rec = id.map(|id| record(&id, &apk, Status::DeadLetter, 2, None, Some(error.clone())));
        log(&format!(
            "{consumer}: dead-lettered entry {}: {error}",
            d.entry
        ));
        queue.finish(
            &opts.group,
            &d.entry,
            rec.as_ref(),
            Some(DeadLetter {
                payload: &d.payload,
                error: &error,
            }),
        )?;
        return Ok(());
    }
    let Ok(job) = parsed else { return Ok(()) };

    let confined = opts
        .roots
        .confine("APK", &job.apk)
        .and_then(|apk| Ok((apk, opts.roots.confine("policy", &job.policy)?)));
    let outcome = match confined {
        Err(e) => ChildOutcome::Failed(e),
        Ok((apk, policy)) => {
            let (group, entry) = (opts.group.as_str(), d.entry.as_str());
            audit_child::run(
                &opts.child,
                &apk,
                &policy,
                &job.options,
                opts.claim_idle / 3,
                || {
                    // A failed heartbeat is not fatal: at worst another worker also audits the
                    // job, and only the first record is kept.
                    let _ = queue.heartbeat(group, consumer, entry);
                },
            )
        }
    };
    let rec = match outcome {
        ChildOutcome::Report { exit_code, report } => record(
            &job.id,
            &job.apk,
            Status::Audited,
            exit_code,
            Some(report),
            None,
        ),
        ChildOutcome::Failed(error) => {
            record(&job.id, &job.apk, Status::Failed, 2, None, Some(error))
        }
        ChildOutcome::TimedOut(limit) => record(
            &job.id,
            &job.apk,
            Status::Failed,
            2,
            None,
            Some(format!(
                "the audit exceeded the wall-clock limit of {} and was killed",
                humantime::format_duration(limit)
            )),
        ),
        ChildOutcome::Crashed(error) => {
            // Left pending: another delivery may succeed (an OOM kill on a busy node);
            // after max_deliveries the job is dead-lettered with this error.
            log(&format!(
                "{consumer}: job {} (entry {}): {error}; will be retried",
                job.id, d.entry
            ));
            queue.note_error(&d.entry, &error)?;
            return Ok(());
        }
    };
    let written = queue.finish(&opts.group, &d.entry, Some(&rec), None)?;
    log(&format!(
        "{consumer}: job {} {} (exit {}){}",
        job.id,
        match rec.status {
            Status::Audited => "audited",
            Status::Failed => "failed",
            Status::DeadLetter => "dead-lettered",
        },
        rec.exit_code,
        if written {
            ""
        } else {
            ", already recorded by another worker"
        }
    ));
    Ok(())
}
