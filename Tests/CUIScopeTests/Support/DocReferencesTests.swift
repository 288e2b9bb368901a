import Foundation
import Testing

@testable import CUIScope

/// The project's documents are its own: every file and section that a code comment or a document
/// cites exists in this repository, and nothing points at a folder outside it.
///
/// A reference is a Markdown file name in capitals (`docs/SCOPING.md`, `docs/FORMATS.md`), resolved
/// against the citing file's folder, then against the repository root. What follows the name is
/// checked too: an `#anchor` against the target's GitHub heading anchors; `, Section, Subsection`
/// against its headings, each found after the previous one (a heading matches when it starts with
/// the cited words); a section sign is refused (sections are cited by name, not number); and a
/// numbered decision (`DECISIONS 12`, `docs/DECISIONS.md 12`) must exist in docs/DECISIONS.md.
/// Swift files are checked in their comments, Markdown and schema files in full; test fixtures are
/// third-party samples and are not checked.
@Suite("Documents: references resolve inside the repository")
struct DocReferencesTests {
    static let root = TestPaths.repoRoot

    /// Folders outside the repository that no file may name: only the helper that locates the
    /// third-party sample files knows where they live.
    static let outsideFolders = [".." + "/shared", "/work" + "/shared"]

    /// The samples test helper, the one place allowed to name the samples' default folder.
    /// The README's development section and `.ci/run` may name it too, to say how to enable them.
    static func isSamplesHelper(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if path == "README.md" { return true }
        return path.hasPrefix("Tests/CUIScopeTests/Support/") && (name.contains("TestPaths") || name.contains("Sample"))
    }

    // MARK: files

    /// Repository-relative paths of every file checked.
    static func checkedFiles() -> [String] {
        var out = ["README.md", "BENCHMARKS.md"]
        out += files(under: "docs").filter { $0.hasSuffix(".md") }
        out += files(under: "schemas")
        for folder in ["Sources", "Tests", "Benchmarks"] {
            out += files(under: folder).filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Tests/CUIScopeTests/Fixtures/") }
        }
        return out.filter { FileManager.default.fileExists(atPath: url($0).path) }.sorted()
    }

    static func files(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: url(folder).path) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            // Build folders and hidden files are not the project's text.
            if next.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            let path = folder + "/" + next
            if FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out
    }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) -> String {
        (try? String(contentsOf: url(relative), encoding: .utf8)) ?? ""
    }

    /// The lines a file cites from, numbered from 1: comments of Swift files (the text after
    /// `//`), every line of other files; web addresses removed, since they point elsewhere.
    static func citingLines(_ relative: String) -> [(number: Int, text: String)] {
        let isSwift = relative.hasSuffix(".swift")
        var out: [(Int, String)] = []
        for (i, raw) in text(relative).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.contains("://") { line = line.replacing(/https?:\/\/\S+/, with: "") }
            if isSwift {
                guard let comment = line.range(of: "//") else { continue }
                out.append((i + 1, String(line[comment.upperBound...])))
            } else {
                out.append((i + 1, line))
            }
        }
        return out
    }

    // MARK: headings

    /// Heading texts of a Markdown file, in order, outside fenced code blocks.
    static func headings(_ relative: String) -> [String] {
        var out: [String] = []
        var fenced = false
        for raw in text(relative).split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced, let match = line.wholeMatch(of: /#{1,6}\s+(.+?)\s*#*/) else { continue }
            out.append(String(match.1))
        }
        return out
    }

    /// GitHub's anchors for the headings: lower case, only letters, digits, `-`, `_` and spaces
    /// kept, spaces as `-`; a repeated anchor gets `-1`, `-2`…
    static func anchors(_ headings: [String]) -> Set<String> {
        var seen: [String: Int] = [:]
        var out = Set<String>()
        for h in headings {
            let kept = h.lowercased().unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == " "
            }
            let base = String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-")
            let n = seen[base, default: 0]
            seen[base] = n + 1
            out.insert(n == 0 ? base : "\(base)-\(n)")
        }
        return out
    }

    /// Whether heading `h` is the cited `words`: equal, or starting with them at a word boundary
    /// (`Step 7` cites `Step 7 — Not separated`, not `Step 70`).
    static func heading(_ h: String, matches words: String) -> Bool {
        let a = h.lowercased(), b = words.lowercased()
        guard a.hasPrefix(b) else { return false }
        guard let next = a.dropFirst(b.count).unicodeScalars.first else { return true }
        return !CharacterSet.alphanumerics.contains(next)
    }

    // MARK: references

    /// The problems of one cited file name found in `line` at `range`; `headingsOf` gives a
    /// target's headings (cached by the caller: a file is cited many times).
    static func problems(
        citing path: String, at range: Range<String.Index>, in line: String, from file: String,
        headingsOf: (String) -> [String] = headings
    ) -> [String] {
        let dir = (file as NSString).deletingLastPathComponent
        let candidates = [dir.isEmpty ? path : dir + "/" + path, path]
        guard let target = candidates.first(where: { FileManager.default.fileExists(atPath: url($0).path) }) else {
            return ["cites \(path), which is not in the repository"]
        }
        let tail = line[range.upperBound...]
        if tail.hasPrefix(" §") || tail.hasPrefix(" \u{00A7}") {
            return ["cites \(path) by section number; cite the section heading by name"]
        }
        if tail.hasPrefix("#") {
            let anchor = String(tail.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            return anchors(headingsOf(target)).contains(anchor) ? [] : ["cites \(path)#\(anchor): no such heading"]
        }
        guard tail.hasPrefix(", ") else { return [] }
        var cited = String(tail.dropFirst(2).prefix { !"()[]{};:\"`|*".contains($0) })
        if let stop = cited.range(of: ". ") { cited = String(cited[..<stop.lowerBound]) }
        cited = cited.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        let list = headingsOf(target)
        var from = 0
        for words in cited.components(separatedBy: ", ") where !words.isEmpty {
            guard let i = list[from...].firstIndex(where: { heading($0, matches: words) }) else {
                return ["cites \(path), \(cited): no heading '\(words)'" + (from > 0 ? " after '\(list[from - 1])'" : "")]
            }
            from = i + 1
        }
        return []
    }

    /// Numbered entries of docs/DECISIONS.md (`12. **Title.**`).
    static func decisionNumbers() -> Set<Int> {
        var out = Set<Int>()
        for raw in text("docs/DECISIONS.md").split(separator: "\n") {
            if let m = raw.firstMatch(of: /^\s*(\d+)\. \*\*/), let n = Int(m.1) { out.insert(n) }
        }
        return out
    }

    @Test("every cited document, section and decision exists in the repository")
    func referencesResolve() {
        let decisions = Self.decisionNumbers()
        #expect(!decisions.isEmpty)
        var problems: [String] = []
        var cache: [String: [String]] = [:]
        func headingsOf(_ target: String) -> [String] {
            if let known = cache[target] { return known }
            let list = Self.headings(target)
            cache[target] = list
            return list
        }
        for file in Self.checkedFiles() {
            // Regex matching is slow: only lines that can hold a reference are searched.
            for (number, line) in Self.citingLines(file) where line.contains(".md") || line.contains("DECISIONS") {
                for match in line.matches(of: /(?:[A-Za-z0-9_.\-]+\/)*[A-Z][A-Z0-9_]*\.md/) {
                    let path = String(line[match.range])
                    for p in Self.problems(citing: path, at: match.range, in: line, from: file, headingsOf: headingsOf) {
                        problems.append("\(file):\(number): \(p)")
                    }
                }
                for match in line.matches(of: /DECISIONS(?:\.md)? (\d+)(?:[–-](\d+))?/) {
                    for n in [match.1, match.2].compactMap({ $0.flatMap { Int($0) } }) where !decisions.contains(n) {
                        problems.append("\(file):\(number): cites decision \(n), which docs/DECISIONS.md does not have")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    @Test("no file outside the samples helper names a folder beside the repository")
    func noOutsideFolders() {
        var problems: [String] = []
        for file in Self.checkedFiles() where !Self.isSamplesHelper(file) {
            for (i, line) in Self.text(file).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for folder in Self.outsideFolders where line.contains(folder) {
                    problems.append("\(file):\(i + 1): names \(folder)")
                }
            }
        }
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    @Test("the checks catch what they are for")
    func checksCatchBadReferences() {
        let line = "see docs/SCOPING.md, Decision procedure, Step 9 and docs/NOPE.md and docs/FORMATS.md §3"
        let found = line.matches(of: /(?:[A-Za-z0-9_.\-]+\/)*[A-Z][A-Z0-9_]*\.md/).flatMap {
            Self.problems(citing: String(line[$0.range]), at: $0.range, in: line, from: "Sources/x.swift")
        }
        #expect(found.count == 3, "\(found)")
        let good = "(docs/SCOPING.md, Decision procedure, Step 7) and docs/SCOPING.md#scope-path-01"
        let none = good.matches(of: /(?:[A-Za-z0-9_.\-]+\/)*[A-Z][A-Z0-9_]*\.md/).flatMap {
            Self.problems(citing: String(good[$0.range]), at: $0.range, in: good, from: "Sources/x.swift")
        }
        #expect(none.isEmpty, "\(none)")
        #expect(!Self.heading("Step 70", matches: "Step 7"))
        #expect(Self.anchors(["Step 7 — Not separated"]) == ["step-7--not-separated"])
    }
}
