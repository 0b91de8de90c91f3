//! The Redis side: key names, and every command the submitter, the workers and the
//! results reader send. Keys share one hash tag (`{prefix}`) so the scripts below also run
//! on a Redis Cluster.

use std::time::Duration;

use redis::streams::{
    StreamAutoClaimReply, StreamPendingCountReply, StreamRangeReply, StreamReadReply,
};
use redis::{Connection, Value};

use super::ServiceError;
use super::job::{Job, JobOptions};
use super::record::Record;

/// The keys of one queue, all named from its prefix (default `sdkflow`).
#[derive(Debug, Clone)]
pub struct Keys {
    /// Stream of jobs (`job` field: the payload).
    pub jobs: String,
    /// Stream of records (`job`: the job id, `record`: the JSON record).
    pub results: String,
    /// Stream of jobs given up (`job`, `entry`, `payload`, `error`).
    pub dead: String,
    /// Hash: job id → the jobs-stream entry whose record was written (makes results
    /// idempotent).
    pub done: String,
    /// Set of every job id `submit` added (what `results --wait` waits for).
    pub submitted: String,
    /// Hash: jobs-stream entry → the last error of a delivery that ended without a record.
    pub errors: String,
    /// Counter behind the job ids.
    pub next_id: String,
}

impl Keys {
    /// The keys for `prefix`.
    pub fn new(prefix: &str) -> Keys {
        let k = |name: &str| format!("{{{prefix}}}:{name}");
        Keys {
            jobs: k("jobs"),
            results: k("results"),
            dead: k("dead"),
            done: k("done"),
            submitted: k("submitted"),
            errors: k("errors"),
            next_id: k("next-id"),
        }
    }
}

/// One delivery of a job to this consumer.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// The jobs-stream entry id (what is acknowledged).
    pub entry: String,
    /// The raw `job` field; empty when the entry has none.
    pub payload: Vec<u8>,
    /// How many times the entry has been delivered, this delivery included.
    pub deliveries: u64,
}

/// What [`Queue::finish`] writes besides the record.
pub struct DeadLetter<'a> {
    /// The raw payload, kept for whoever looks into it.
    pub payload: &'a [u8],
    /// Why the job was given up.
    pub error: &'a str,
}

/// Writes the record unless the job already has one, dead-letters when asked, then
/// acknowledges: one atomic step, so a record is never written without its ack (a second
/// record for the job) nor acknowledged without its record (a lost job).
const FINISH: &str = r"
local written = 0
if ARGV[1] ~= '' and ARGV[2] ~= '' and redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[4]) == 1 then
  redis.call('XADD', KEYS[2], '*', 'job', ARGV[1], 'record', ARGV[2])
  written = 1
end
if ARGV[5] == '1' then
  redis.call('XADD', KEYS[4], '*', 'job', ARGV[1], 'entry', ARGV[4], 'payload', ARGV[6], 'error', ARGV[7])
end
redis.call('XACK', KEYS[3], ARGV[3], ARGV[4])
redis.call('HDEL', KEYS[5], ARGV[4])
return written
";

/// A connection with the timeouts every queue command relies on.
fn open(client: &redis::Client) -> redis::RedisResult<Connection> {
    let con = client.get_connection_with_timeout(Duration::from_secs(10))?;
    // Longer than any BLOCK below: a Redis that stops answering is an error, not a hang.
    con.set_read_timeout(Some(Duration::from_secs(60)))?;
    con.set_write_timeout(Some(Duration::from_secs(60)))?;
    Ok(con)
}

/// `cmd.run_on(queue)`: [`Queue::run`] at the end of a command or pipeline builder chain.
trait RunOn {
    fn run_on<T: redis::FromRedisValue>(&self, q: &mut Queue) -> redis::RedisResult<T>;
}

impl RunOn for redis::Cmd {
    fn run_on<T: redis::FromRedisValue>(&self, q: &mut Queue) -> redis::RedisResult<T> {
        q.run(|con| self.query(con))
    }
}

impl RunOn for redis::Pipeline {
    fn run_on<T: redis::FromRedisValue>(&self, q: &mut Queue) -> redis::RedisResult<T> {
        q.run(|con| self.query(con))
    }
}

/// A connection to one queue.
pub struct Queue {
    client: redis::Client,
    con: Connection,
    keys: Keys,
}

impl Queue {
    /// Connect to `url` (`redis://host:port/db`) and use the keys of `prefix`.
    pub fn connect(url: &str, prefix: &str) -> Result<Queue, ServiceError> {
        let client = redis::Client::open(url)?;
        let con = open(&client)?;
        Ok(Queue {
            client,
            con,
            keys: Keys::new(prefix),
        })
    }

    /// Run a command (or pipeline); after an I/O error, reconnect and run it once more. A
    /// socket read with a timeout fails with EINTR when the process is stopped and
    /// continued (signal(7)), and a Redis restart drops the connection: neither should
    /// fail a worker. Running a command twice is safe here: ids come from a counter, a
    /// job added twice is audited twice and recorded once, and a job delivered to a read
    /// that failed stays pending until it is reclaimed.
    fn run<T>(
        &mut self,
        query: impl Fn(&mut Connection) -> redis::RedisResult<T>,
    ) -> redis::RedisResult<T> {
        match query(&mut self.con) {
            Err(e) if e.is_io_error() => match open(&self.client) {
                Ok(con) => {
                    self.con = con;
                    query(&mut self.con)
                }
                Err(_) => Err(e),
            },
            other => other,
        }
    }

    /// The key names.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Create the consumer group (and the stream) if missing. New groups start at the
    /// beginning of the stream, so jobs submitted before the first worker are not missed.
    pub fn ensure_group(&mut self, group: &str) -> Result<(), ServiceError> {
        let created: redis::RedisResult<()> = redis::cmd("XGROUP")
            .arg("CREATE")
            .arg(&self.keys.jobs)
            .arg(group)
            .arg("0")
            .arg("MKSTREAM")
            .run_on(self);
        match created {
            Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
            other => Ok(other?),
        }
    }

    /// Add one job; returns its id.
    pub fn submit(
        &mut self,
        apk: &str,
        policy: &str,
        options: JobOptions,
    ) -> Result<String, ServiceError> {
        let n: u64 = redis::cmd("INCR").arg(&self.keys.next_id).run_on(self)?;
        let job = Job {
            id: n.to_string(),
            apk: apk.to_string(),
            policy: policy.to_string(),
            options,
        };
        redis::pipe()
            .atomic()
            .cmd("XADD")
            .arg(&self.keys.jobs)
            .arg("*")
            .arg("job")
            .arg(job.to_payload())
            .ignore()
            .cmd("SADD")
            .arg(&self.keys.submitted)
            .arg(&job.id)
            .ignore()
            .run_on::<()>(self)?;
        Ok(job.id)
    }

    /// Add a raw payload to the jobs stream, as anyone with write access to Redis could.
    /// For tests of hostile jobs; `submit` is the way to add real ones.
    pub fn push_raw(&mut self, payload: &[u8]) -> Result<String, ServiceError> {
        Ok(redis::cmd("XADD")
            .arg(&self.keys.jobs)
            .arg("*")
            .arg("job")
            .arg(payload)
            .run_on(self)?)
    }

    /// Record a job id as submitted (with [`Queue::push_raw`]: what `results --wait`
    /// waits for).
    pub fn mark_submitted(&mut self, id: &str) -> Result<(), ServiceError> {
        Ok(redis::cmd("SADD")
            .arg(&self.keys.submitted)
            .arg(id)
            .run_on::<()>(self)?)
    }

    /// The next new job for `consumer`, waiting up to `block`.
    pub fn read_new(
        &mut self,
        group: &str,
        consumer: &str,
        block: Duration,
    ) -> Result<Option<Delivery>, ServiceError> {
        let reply: Option<StreamReadReply> = redis::cmd("XREADGROUP")
            .arg("GROUP")
            .arg(group)
            .arg(consumer)
            .arg("COUNT")
            .arg(1)
            .arg("BLOCK")
            .arg(block.as_millis().max(1) as u64)
            .arg("STREAMS")
            .arg(&self.keys.jobs)
            .arg(">")
            .run_on(self)?;
        let entry = reply
            .and_then(|r| r.keys.into_iter().next())
            .and_then(|k| k.ids.into_iter().next());
        Ok(entry.map(|e| Delivery {
            payload: payload_of(e.map.get("job")),
            entry: e.id,
            deliveries: 1,
        }))
    }

    /// Claim for `consumer` one job that has been pending without a heartbeat for at least
    /// `idle` (its worker died or lost its connection), with its delivery count.
    pub fn claim_abandoned(
        &mut self,
        group: &str,
        consumer: &str,
        idle: Duration,
    ) -> Result<Option<Delivery>, ServiceError> {
        let reply: StreamAutoClaimReply = redis::cmd("XAUTOCLAIM")
            .arg(&self.keys.jobs)
            .arg(group)
            .arg(consumer)
            .arg(idle.as_millis() as u64)
            .arg("0-0")
            .arg("COUNT")
            .arg(1)
            .run_on(self)?;
        let Some(e) = reply.claimed.into_iter().next() else {
            return Ok(None);
        };
        let pending: StreamPendingCountReply = redis::cmd("XPENDING")
            .arg(&self.keys.jobs)
            .arg(group)
            .arg(&e.id)
            .arg(&e.id)
            .arg(1)
            .run_on(self)?;
        let deliveries = pending.ids.first().map_or(1, |p| p.times_delivered as u64);
        Ok(Some(Delivery {
            payload: payload_of(e.map.get("job")),
            entry: e.id,
            deliveries,
        }))
    }

    /// Reset the idle time of a job this consumer is working on, so no other worker
    /// claims it while it runs. Does not count as a delivery.
    pub fn heartbeat(
        &mut self,
        group: &str,
        consumer: &str,
        entry: &str,
    ) -> Result<(), ServiceError> {
        let _: Value = redis::cmd("XCLAIM")
            .arg(&self.keys.jobs)
            .arg(group)
            .arg(consumer)
            .arg(0)
            .arg(entry)
            .arg("JUSTID")
            .run_on(self)?;
        Ok(())
    }

    /// Remove `consumer` from the group when it holds no pending job (a worker that
    /// stops cleanly leaves no name behind in `XINFO CONSUMERS`).
    pub fn retire(&mut self, group: &str, consumer: &str) -> Result<(), ServiceError> {
        let pending: StreamPendingCountReply = redis::cmd("XPENDING")
            .arg(&self.keys.jobs)
            .arg(group)
            .arg("-")
            .arg("+")
            .arg(1)
            .arg(consumer)
            .run_on(self)?;
        if pending.ids.is_empty() {
            redis::cmd("XGROUP")
                .arg("DELCONSUMER")
                .arg(&self.keys.jobs)
                .arg(group)
                .arg(consumer)
                .run_on::<()>(self)?;
        }
        Ok(())
    }

    /// Whether job `id` already has its record.
    pub fn is_done(&mut self, id: &str) -> Result<bool, ServiceError> {
        Ok(redis::cmd("HEXISTS")
            .arg(&self.keys.done)
            .arg(id)
            .run_on(self)?)
    }

    /// Write `record` (unless its job has one), dead-letter when asked, acknowledge
    /// `entry`; atomically. True when the record was written.
    pub fn finish(
        &mut self,
        group: &str,
        entry: &str,
        record: Option<&Record>,
        dead: Option<DeadLetter<'_>>,
    ) -> Result<bool, ServiceError> {
        let (job, json) = record.map_or((String::new(), String::new()), |r| {
            (r.job.clone(), r.to_json())
        });
        let (flag, payload, error): (&str, &[u8], &str) = match &dead {
            Some(d) => ("1", d.payload, d.error),
            None => ("0", b"", ""),
        };
        let written: i64 = redis::cmd("EVAL")
            .arg(FINISH)
            .arg(5)
            .arg(&self.keys.done)
            .arg(&self.keys.results)
            .arg(&self.keys.jobs)
            .arg(&self.keys.dead)
            .arg(&self.keys.errors)
            .arg(job)
            .arg(json)
            .arg(group)
            .arg(entry)
            .arg(flag)
            .arg(payload)
            .arg(error)
            .run_on(self)?;
        Ok(written == 1)
    }

    /// Remember why a delivery of `entry` ended without a record (the child crashed), for
    /// the dead-letter record if the job never succeeds.
    pub fn note_error(&mut self, entry: &str, error: &str) -> Result<(), ServiceError> {
        Ok(redis::cmd("HSET")
            .arg(&self.keys.errors)
            .arg(entry)
            .arg(error)
            .run_on::<()>(self)?)
    }

    /// The error noted for `entry`, if any.
    pub fn last_error(&mut self, entry: &str) -> Result<Option<String>, ServiceError> {
        Ok(redis::cmd("HGET")
            .arg(&self.keys.errors)
            .arg(entry)
            .run_on(self)?)
    }

    /// How many submitted jobs there are and how many of them still have no record.
    pub fn progress(&mut self) -> Result<(usize, usize), ServiceError> {
        let ids: Vec<String> = redis::cmd("SMEMBERS")
            .arg(&self.keys.submitted)
            .run_on(self)?;
        let mut missing = 0;
        for chunk in ids.chunks(500) {
            let found: Vec<Option<String>> = redis::cmd("HMGET")
                .arg(&self.keys.done)
                .arg(chunk)
                .run_on(self)?;
            missing += found.iter().filter(|f| f.is_none()).count();
        }
        Ok((ids.len(), missing))
    }

    /// Every record, first one per job, in the order they were written. A record this
    /// version cannot read is an error.
    pub fn records(&mut self) -> Result<Vec<Record>, ServiceError> {
        let mut out = Vec::new();
        self.each_record(|r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// [`Queue::records`] one at a time, reading the stream in pages: memory stays at one
    /// page whatever the number of jobs (only the ids seen are kept, to drop duplicates).
    pub fn each_record(
        &mut self,
        mut f: impl FnMut(Record) -> Result<(), ServiceError>,
    ) -> Result<(), ServiceError> {
        let key = self.keys.results.clone();
        let mut seen = std::collections::HashSet::new();
        self.each_page(&key, |page| {
            for entry in page {
                let json = payload_of(entry.map.get("record"));
                let record: Record = serde_json::from_slice(&json).map_err(|e| {
                    ServiceError::Invalid(format!(
                        "results entry {}: unreadable record: {e}",
                        entry.id
                    ))
                })?;
                if seen.insert(record.job.clone()) {
                    f(record)?;
                }
            }
            Ok(())
        })
    }

    /// Every dead-lettered job as (job id, error).
    pub fn dead_letters(&mut self) -> Result<Vec<(String, String)>, ServiceError> {
        let entries = self.range(&self.keys.dead.clone())?;
        Ok(entries
            .iter()
            .map(|e| {
                let s = |k: &str| String::from_utf8_lossy(&payload_of(e.map.get(k))).into_owned();
                (s("job"), s("error"))
            })
            .collect())
    }

    /// How many entries the results stream holds (records written, duplicates included).
    pub fn results_len(&mut self) -> Result<usize, ServiceError> {
        Ok(redis::cmd("XLEN").arg(&self.keys.results).run_on(self)?)
    }

    /// Every entry of a stream.
    fn range(&mut self, key: &str) -> Result<Vec<redis::streams::StreamId>, ServiceError> {
        let mut out = Vec::new();
        self.each_page(key, |page| {
            out.extend(page);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every entry of a stream, handed over in pages of up to 500.
    fn each_page(
        &mut self,
        key: &str,
        mut f: impl FnMut(Vec<redis::streams::StreamId>) -> Result<(), ServiceError>,
    ) -> Result<(), ServiceError> {
        const PAGE: usize = 500;
        let mut start = "-".to_string();
        loop {
            let page: StreamRangeReply = redis::cmd("XRANGE")
                .arg(key)
                .arg(&start)
                .arg("+")
                .arg("COUNT")
                .arg(PAGE)
                .run_on(self)?;
            let Some(last) = page.ids.last() else { break };
            start = format!("({}", last.id);
            let full = page.ids.len() == PAGE;
            f(page.ids)?;
            if !full {
                break;
            }
        }
        Ok(())
    }
}

/// The bytes of a stream field (empty when missing or not a string).
fn payload_of(value: Option<&Value>) -> Vec<u8> {
    match value {
        Some(Value::BulkString(b)) => b.clone(),
        Some(Value::SimpleString(s)) => s.clone().into_bytes(),
        _ => Vec::new(),
    }
}
