import CZlib
import Foundation
import Testing

/// Paths the tests read: the repository's own fixtures and the third-party sample exports.
enum TestPaths {
    /// The repository root, from this file's place in `Tests/CUIScopeTests/Support/`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The environment variable naming the samples directory.
    static let samplesVariable = "CUISCOPE_SAMPLES"

    /// Where the samples are looked for when ``samplesVariable`` is not set: the team's
    /// `../shared/real-world` beside the repository.
    static let defaultSamplesDirectory = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/real-world")

    /// The third-party sample exports (vendor configurations, NetBox, OSCAL, FedRAMP and flow-log
    /// samples with their own licences) that the `.samples` tests read. They are not part of the
    /// repository: the directory in `CUISCOPE_SAMPLES` (relative to the working directory), else
    /// ``defaultSamplesDirectory`` when it exists, else nil and the `.samples` tests are skipped.
    /// A `CUISCOPE_SAMPLES` that names a missing directory is not skipped: its tests fail with
    /// "cannot read file", so a mistyped path in CI cannot pass silently.
    static let samplesDirectory: URL? = {
        if let dir = ProcessInfo.processInfo.environment[samplesVariable], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: defaultSamplesDirectory.path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? defaultSamplesDirectory : nil
    }()

    /// A file of the third-party samples; only `.samples` tests may call this. Without a samples
    /// directory it names the default place, so a test that forgot its trait fails naming it.
    static func realWorld(_ relative: String) -> String {
        (samplesDirectory ?? defaultSamplesDirectory).appendingPathComponent(relative).path
    }

    /// A file under `Tests/CUIScopeTests/Fixtures/`.
    static func fixture(_ relative: String) -> String {
        repoRoot.appendingPathComponent("Tests/CUIScopeTests/Fixtures/\(relative)").path
    }

    /// A file under the demo `Fixtures/` at the repository root.
    static func demo(_ relative: String) -> String {
        repoRoot.appendingPathComponent("Fixtures/\(relative)").path
    }

    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(_ contents: String, name: String = "input") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(contents.utf8))
        return url.path
    }

    /// A gzip-compressed copy of `path` (a fresh temporary file, named without `.gz`: inputs are
    /// recognised by content).
    static func gzipped(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let out = temporaryFile("", name: "compressed-" + URL(fileURLWithPath: path).lastPathComponent)
        guard let gz = gzopen(out, "wb") else { throw CocoaError(.fileWriteUnknown) }
        let written = data.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
        gzclose(gz)
        guard written == data.count else { throw CocoaError(.fileWriteUnknown) }
        return out
    }
}

extension Tag {
    /// Tests that read the third-party samples of ``TestPaths/samplesDirectory``. Every such
    /// test (or its suite) also carries ``Trait/samplesPresent``.
    @Tag static var samples: Self
}

extension Trait where Self == ConditionTrait {
    /// Skips a `.samples` test, saying how to enable it, when there is no samples directory.
    static var samplesPresent: Self {
        .enabled(
            if: TestPaths.samplesDirectory != nil,
            "third-party samples not found: set CUISCOPE_SAMPLES to the real-world samples directory (default ../shared/real-world beside the repository) to run the .samples tests")
    }
}
