import Foundation

/// The fonts cards and captions are drawn with, from Debian's packages (scripts/bootstrap installs
/// them): DejaVu Sans for Latin, Greek, Cyrillic, Arabic and Hebrew, WenQuanYi Micro Hei for
/// Chinese, Japanese and Korean. libass is pointed at a folder holding just these, so the picture
/// does not depend on what else the host has installed.
enum AssemblyFonts {
    static let primary = "DejaVu Sans"
    static let fallback = "WenQuanYi Micro Hei"
    /// The name of the fonts folder inside the work folder, as the filter graph names it.
    static let folderName = "fonts"

    static let files: [(path: String, package: String)] = [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "fonts-wqy-microhei"),
    ]

    /// Links the fonts into `folder/fonts`, the folder libass reads.
    static func link(into folder: URL) throws(AssemblyError) {
        let fonts = folder.appendingPathComponent(folderName)
        do {
            try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
            for file in files {
                guard FileManager.default.fileExists(atPath: file.path) else {
                    throw AssemblyError.fontMissing(path: file.path, package: file.package)
                }
                let link = fonts.appendingPathComponent(URL(fileURLWithPath: file.path).lastPathComponent)
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil {
                    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: file.path)
                }
            }
        } catch let error as AssemblyError {
            throw error
        } catch {
            throw .cannotWrite(path: fonts.path, reason: error.localizedDescription)
        }
    }
}
