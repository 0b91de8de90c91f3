//! Raw deflate into a buffer sized by the declared size: memory is bounded by what the
//! caller agreed to (the declared size, already checked against the limits), whatever the
//! stream does. A stream that wants to produce more is a lying central directory.

use flate2::{Decompress, FlushDecompress, Status};

/// Why inflation stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// zlib rejected the stream.
    Corrupt(String),
    /// The stream ended (or the input ran out) before `declared` bytes.
    Truncated {
        /// Bytes produced.
        actual: u64,
    },
    /// The stream would produce more than `declared` bytes.
    TooLong,
}

/// Inflate `input` (raw deflate, no zlib header) expecting exactly `declared` bytes.
/// Allocates at most `declared + 1` bytes.
pub fn inflate(input: &[u8], declared: usize) -> Result<Vec<u8>, InflateError> {
    let mut out = Vec::with_capacity(declared.saturating_add(1));
    let mut z = Decompress::new(false);
    loop {
        let consumed = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
        let rest = input.get(consumed..).unwrap_or(&[]);
        let before = (z.total_in(), z.total_out());
        // `decompress_vec` writes only into spare capacity, so `out` never grows.
        let status = z
            .decompress_vec(rest, &mut out, FlushDecompress::Finish)
            .map_err(|e| InflateError::Corrupt(e.to_string()))?;
        if out.len() > declared {
            return Err(InflateError::TooLong);
        }
        if status == Status::StreamEnd {
            break;
        }
        if (z.total_in(), z.total_out()) == before {
            // No progress: either the input is exhausted or the output is full with the
            // stream still going (exactly `declared + 1` is caught above).
            return Err(InflateError::Truncated {
                actual: out.len() as u64,
            });
        }
    }
    if out.len() < declared {
        return Err(InflateError::Truncated {
            actual: out.len() as u64,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::DeflateEncoder;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn round_trip() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(inflate(&deflate(&data), data.len()).unwrap(), data);
        assert_eq!(inflate(&deflate(b""), 0).unwrap(), b"");
    }

    #[test]
    fn a_lying_size_stops_at_the_declared_size() {
        let zeros = deflate(&vec![0u8; 10 << 20]);
        assert_eq!(inflate(&zeros, 1000), Err(InflateError::TooLong));
        assert_eq!(inflate(&zeros, 0), Err(InflateError::TooLong));
    }

    #[test]
    fn short_and_corrupt_streams_are_errors() {
        let data = deflate(&[7u8; 5000]);
        assert!(matches!(
            inflate(&data, 6000),
            Err(InflateError::Truncated { actual: 5000 })
        ));
        assert!(matches!(
            inflate(&data[..data.len() / 2], 5000),
            Err(InflateError::Truncated { .. })
        ));
        assert!(matches!(
            inflate(&[0xff; 64], 100),
            Err(InflateError::Corrupt(_))
        ));
    }
}
