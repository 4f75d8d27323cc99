import Foundation

/// The one FFmpeg invocation of an edit: every clip, the song and the subtitle track as inputs,
/// one `-filter_complex` graph that frames, cross-fades and joins the pictures, draws the cards
/// and captions from the ASS file, and shapes the sound; one encode. The graph names only files
/// of the work folder (the ASS script, the fonts folder) by names chosen here, so no user text and
/// no user path is ever written into it.
struct FilterGraph: Sendable {
    let timeline: AssemblyTimeline
    let preset: VideoPreset
    let codec: String
    let music: URL?
    /// Music fade and loudness target.
    let audioFade: Double
    let loudness: Double
    /// Without music: keep the clips' sound rather than silence.
    let clipAudio: Bool
    /// The ASS script's name in the work folder, when there is text to draw.
    let script: String?
    /// The SRT file made into the soft subtitle track, when there is text.
    let subtitles: URL?

    /// The arguments after `ffmpeg`, writing `output`.
    func arguments(output: URL) -> [String] {
        var arguments = ["-hide_banner", "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1", "-y"]
        for clip in timeline.clips { arguments += ["-i", clip.file.path] }
        var next = timeline.clips.count
        var musicInput: Int?
        if let music {
            arguments += ["-stream_loop", "-1", "-i", music.path]
            musicInput = next
            next += 1
        }
        var subtitleInput: Int?
        if let subtitles {
            arguments += ["-i", subtitles.path]
            subtitleInput = next
        }
        let graph = (videoChains() + audioChains(musicInput: musicInput)).joined(separator: ";")
        arguments += ["-filter_complex", graph, "-map", "[v]", "-map", "[a]"]
        if let subtitleInput { arguments += ["-map", "\(subtitleInput):s", "-c:s", "mov_text", "-metadata:s:s:0", "language=und"] }
        arguments += AssemblyEncoding.video(codec: codec) + ["-r", String(timeline.fps)] + AssemblyEncoding.audio
        return arguments + AssemblyEncoding.container + [output.path]
    }

    /// FFmpeg 5.1's xfade leaves a one-frame hole in the timestamps after each fade, which the
    /// encoder would fill with a repeated frame; numbering the frames again closes it.
    private var renumbered: String { "setpts=N/(\(timeline.fps)*TB)" }

    private var size: String { "\(preset.width)x\(preset.height)" }

    private func videoChains() -> [String] {
        let (width, height, fps) = (preset.width, preset.height, timeline.fps)
        var chains = timeline.clips.enumerated().map { index, clip in
            "[\(index):v]setpts=PTS-STARTPTS,fps=\(fps),trim=end_frame=\(clip.frames),"
                + "scale=\(width):\(height):force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,"
                + "pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p[v\(index)]"
        }
        var joined = "v0"
        if timeline.clips.count > 1 {
            if timeline.transitionFrames > 0 {
                var offset = 0
                for index in 1..<timeline.clips.count {
                    offset += timeline.clips[index - 1].frames - timeline.transitionFrames
                    let label = "x\(index)"
                    chains.append(
                        "[\(joined)][v\(index)]xfade=transition=fade:duration=\(time(frames: timeline.transitionFrames)):offset=\(time(frames: offset)),\(renumbered)[\(label)]"
                    )
                    joined = label
                }
            } else {
                let inputs = timeline.clips.indices.map { "[v\($0)]" }.joined()
                chains.append("\(inputs)concat=n=\(timeline.clips.count):v=1:a=0[vclips]")
                joined = "vclips"
            }
        }
        var parts = ["[\(joined)]"]
        if timeline.titleFrames > 0 {
            chains.append(card(frames: timeline.titleFrames, label: "vtitle"))
            parts.insert("[vtitle]", at: 0)
        }
        if timeline.creditsFrames > 0 {
            chains.append(card(frames: timeline.creditsFrames, label: "vcredits"))
            parts.append("[vcredits]")
        }
        let whole = parts.count > 1 ? "\(parts.joined())concat=n=\(parts.count):v=1:a=0," : "\(parts[0])"
        let text = script.map { "ass=filename=\($0):fontsdir=\(AssemblyFonts.folderName)" } ?? "null"
        chains.append("\(whole)\(text)[v]")
        return chains
    }

    /// A plain dark frame for a card; its words come from the ASS script.
    private func card(frames: Int, label: String) -> String {
        "color=c=0x0b0f1a:s=\(size):r=\(timeline.fps),trim=end_frame=\(frames),setsar=1,format=yuv420p[\(label)]"
    }

    private func audioChains(musicInput: Int?) -> [String] {
        let duration = timeline.duration
        if let musicInput {
            var chain = "[\(musicInput):a]atrim=duration=\(seconds(duration)),asetpts=PTS-STARTPTS"
            let fade = min(audioFade, duration / 2)
            if fade > 0 { chain += ",afade=t=in:d=\(seconds(fade)),afade=t=out:st=\(seconds(duration - fade)):d=\(seconds(fade))" }
            return [chain + ",loudnorm=I=\(seconds(loudness)):TP=-1.5:LRA=11,\(AssemblyEncoding.audioFormat)[a]"]
        }
        guard clipAudio else { return [silence(duration) + "[a]"] }
        var chains = timeline.clips.enumerated().map { index, clip in
            let length = seconds(timeline.seconds(of: index))
            return clip.hasAudio
                ? "[\(index):a]asetpts=PTS-STARTPTS,\(AssemblyEncoding.audioFormat),apad,atrim=duration=\(length)[a\(index)]"
                : silence(timeline.seconds(of: index)) + "[a\(index)]"
        }
        var joined = "a0"
        if timeline.clips.count > 1, timeline.transitionFrames > 0 {
            for index in 1..<timeline.clips.count {
                chains.append("[\(joined)][a\(index)]acrossfade=d=\(seconds(timeline.transition)):c1=tri:c2=tri[ax\(index)]")
                joined = "ax\(index)"
            }
        } else if timeline.clips.count > 1 {
            chains.append(timeline.clips.indices.map { "[a\($0)]" }.joined() + "concat=n=\(timeline.clips.count):v=0:a=1[aclips]")
            joined = "aclips"
        }
        var parts = ["[\(joined)]"]
        if timeline.titleFrames > 0 {
            chains.append(silence(timeline.titleSeconds) + "[atitle]")
            parts.insert("[atitle]", at: 0)
        }
        if timeline.creditsFrames > 0 {
            chains.append(silence(duration - timeline.creditsStart) + "[acredits]")
            parts.append("[acredits]")
        }
        chains.append(parts.count > 1 ? "\(parts.joined())concat=n=\(parts.count):v=0:a=1[a]" : "\(parts[0])anull[a]")
        return chains
    }

    private func silence(_ duration: Double) -> String {
        "anullsrc=r=48000:cl=stereo,atrim=duration=\(seconds(duration)),aformat=sample_fmts=fltp:channel_layouts=stereo"
    }

    private func time(frames: Int) -> String { seconds(Double(frames) / Double(timeline.fps)) }

    /// A number as the graph writes it: plain decimals, no exponent.
    private func seconds(_ value: Double) -> String { String(format: "%.6f", value) }
}
