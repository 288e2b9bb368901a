import Foundation
import Testing

/// A real browser for the tests of the HTML report: Debian's `chromium` (installed by
/// scripts/bootstrap.sh), run headless on a page file, printing the DOM after the page's scripts
/// ran (`--dump-dom`) or taking a screenshot.
enum HeadlessBrowser {
    /// Set to `1` (as `.ci/run` does) to make the `.browser` tests fail rather than skip when no
    /// browser is found, so a CI machine without one cannot pass silently.
    static let requireVariable = "CUISCOPE_REQUIRE_BROWSER"

    /// The first `chromium` or `chromium-browser` on `PATH`, nil when neither is installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in ["chromium", "chromium-browser"] {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    static var required: Bool { ProcessInfo.processInfo.environment[requireVariable] == "1" }

    /// Loads `file` (with `fragment`, without `#`) and returns the DOM after its scripts ran.
    static func dumpDOM(file: String, fragment: String? = nil) throws -> String {
        var url = URL(fileURLWithPath: file).absoluteString
        if let fragment { url += "#" + fragment }
        return try run(["--dump-dom", url])
    }

    /// Loads `file` in a window of `width`×`height` CSS pixels and writes a PNG of it to `png`.
    static func screenshot(file: String, to png: String, width: Int = 1280, height: Int = 1800) throws {
        _ = try run(["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars",
                     URL(fileURLWithPath: file).absoluteString])
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the browser headless with a fresh profile (parallel runs must not share one), killing it
    /// after two minutes; returns what it printed on stdout.
    static func run(_ args: [String]) throws -> String {
        guard let executable else { throw Failure(description: "no chromium on PATH (scripts/bootstrap.sh installs it)") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cuiscope-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        watchdog.cancel()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(executable) exited with status \(p.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Tag {
    /// Tests that run a real browser (``HeadlessBrowser``); each also carries ``Trait/browserPresent``.
    @Tag static var browser: Self
}

extension Trait where Self == ConditionTrait {
    /// Skips a `.browser` test, saying how to enable it, when no chromium is installed (unless
    /// ``HeadlessBrowser/requireVariable`` asks for it, and the test then fails).
    static var browserPresent: Self {
        .enabled(
            if: HeadlessBrowser.executable != nil || HeadlessBrowser.required,
            "chromium not found on PATH: install it (scripts/bootstrap.sh does: apt-get install chromium) to run the .browser tests of the HTML report")
    }
}
