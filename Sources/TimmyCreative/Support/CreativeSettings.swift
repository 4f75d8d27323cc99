import Foundation
import TimmyCore

extension Settings {
    public var imageOutputDirectory: URL { path("image_output_dir") }
    public var musicOutputDirectory: URL { path("music_output_dir") }
    public var videoOutputDirectory: URL { path("video_output_dir") }
    public var creativeOutputDirectory: URL { path("creative_output_dir") }

    /// The folders creative tools may read images from: the data folder and every media folder.
    public var dataRoots: [URL] { [dataDirectory, imageOutputDirectory, musicOutputDirectory, videoOutputDirectory, creativeOutputDirectory] }
}
