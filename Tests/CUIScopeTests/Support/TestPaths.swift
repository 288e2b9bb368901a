import CZlib
import Foundation

/// Paths the tests read: the repository's own fixtures and the shared real-world samples
/// (`../shared/real-world` beside the repository, as on developer machines and in CI).
enum TestPaths {
    /// The repository root, from this file's place in `Tests/CUIScopeTests/Support/`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file under `../shared/real-world/`.
    static func realWorld(_ relative: String) -> String {
        repoRoot.deletingLastPathComponent().appendingPathComponent("shared/real-world/\(relative)").path
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
