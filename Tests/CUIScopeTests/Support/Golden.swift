import Foundation
import Testing

/// Expected outputs kept whole in `Tests/CUIScopeTests/Golden/`, one file per renderer and case,
/// so any change to an output shows up as a reviewable diff.
///
/// `CUISCOPE_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests` rewrites the files in the
/// source tree (the path comes from `#filePath`, not the test bundle) and records an issue for
/// each file it changed, so that run still fails: review with `git diff Tests/CUIScopeTests/Golden`,
/// then run the tests again.
enum Golden {
    static let updateVariable = "CUISCOPE_UPDATE_GOLDEN"

    /// `Tests/CUIScopeTests/Golden/` in the source tree.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool {
        let v = ProcessInfo.processInfo.environment[updateVariable] ?? ""
        return !v.isEmpty && v != "0"
    }

    /// Compares `actual` with the golden file `name`; when updating, rewrites it instead.
    static func check(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return }
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("updated golden file \(name): review with git diff, then run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard let expected else {
            Issue.record("no golden file \(name): create it with \(updateVariable)=1 swift test --filter GoldenFileTests",
                         sourceLocation: sourceLocation)
            return
        }
        let actualFile = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-golden-\(name)")
        try? actual.write(to: actualFile, atomically: true, encoding: .utf8)
        Issue.record("""
            \(name) differs from the golden file at \(firstDifference(expected, actual)).
            Actual output: \(actualFile.path) (diff -u \(url.path) \(actualFile.path)).
            If the change is intended: \(updateVariable)=1 swift test --filter GoldenFileTests, then review git diff.
            """, sourceLocation: sourceLocation)
    }

    /// "line N: expected «…», got «…»" for the first line that differs.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al { return "line \(i + 1): expected «\(el.prefix(200))», got «\(al.prefix(200))»" }
        }
        return "the end of the file"
    }
}
