import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// Printing for commands: JSON when asked, text otherwise.
enum Output {
    static func json(_ value: some Encodable) {
        guard let data = try? JSONCoding.prettyEncoder().encode(value) else { return }
        print(String(decoding: data, as: UTF8.self))
    }

    /// Left-aligned columns.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let line = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(line.joined(separator: "  "))
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }

    static func date(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).dateTimeSeparator(.space))
    }
}
