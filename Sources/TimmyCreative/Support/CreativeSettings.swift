import Foundation
import TimmyCore

extension Settings {
    public var imageOutputDirectory: URL { self[.imageOutputDir] }
    public var musicOutputDirectory: URL { self[.musicOutputDir] }
    public var videoOutputDirectory: URL { self[.videoOutputDir] }
    public var creativeOutputDirectory: URL { self[.creativeOutputDir] }

    /// The folders creative tools may read images from: the data folder and every media folder.
    public var dataRoots: [URL] { [dataDirectory, imageOutputDirectory, musicOutputDirectory, videoOutputDirectory, creativeOutputDirectory] }
}
