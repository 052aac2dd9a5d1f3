//! What an MP4 video says about itself: duration, resolution, frame rate.
//! Read with `mp4parse` (Mozilla's demuxer, the one Firefox uses: made for
//! files from anywhere), which reads the boxes and skips the media data.

use std::path::Path;

use mp4parse::{SampleEntry, TrackType};

/// The facts of a video that readers are told and BITV asks about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VideoInfo {
    pub width: u32,
    pub height: u32,
    /// Frames per second, averaged over the video.
    pub frames_per_second: f64,
    /// Duration in seconds.
    pub seconds: f64,
}

/// Reads the first video track of the MP4 file at `path`. The error says
/// why it cannot be read, in the parser's words.
pub fn probe(path: &Path) -> Result<VideoInfo, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut reader = std::io::BufReader::new(file);
    let ctx = mp4parse::read_mp4(&mut reader).map_err(|e| format!("{e:?}"))?;
    let track = ctx
        .tracks
        .iter()
        .find(|t| matches!(t.track_type, TrackType::Video))
        .ok_or("no video track")?;
    let (width, height) = track
        .stsd
        .iter()
        .flat_map(|s| s.descriptions.iter())
        .find_map(|d| match d {
            SampleEntry::Video(v) => Some((u32::from(v.width), u32::from(v.height))),
            _ => None,
        })
        .ok_or("no video sample description")?;
    let timescale = track
        .timescale
        .map(|t| t.0)
        .filter(|t| *t > 0)
        .ok_or("no time scale")?;
    let stts = track.stts.as_ref().ok_or("no sample timing")?;
    let frames: u64 = stts.samples.iter().map(|s| u64::from(s.sample_count)).sum();
    let ticks: u64 = stts
        .samples
        .iter()
        .map(|s| u64::from(s.sample_count) * u64::from(s.sample_delta))
        .sum();
    if frames == 0 || ticks == 0 {
        return Err("no frames".into());
    }
    let seconds = track.duration.map_or(ticks, |d| d.0) as f64 / timescale as f64;
    Ok(VideoInfo {
        width,
        height,
        frames_per_second: frames as f64 * timescale as f64 / ticks as f64,
        seconds,
    })
}
