import ArgumentParser
import CUIScope

// What each `--format` value is. The argument parser lists a command's values with these words in
// `--help` and in the man page (generate-manual prints the values only when they are described),
// and names the values in its error for any other value.

extension OutputFormat: ExpressibleByArgument {
    public var defaultValueDescription: String {
        switch self {
        case .text: return "the terminal report"
        case .json: return "the report as JSON (schemas/report.schema.json)"
        case .markdown: return "the assessor report as Markdown"
        case .csv: return "the asset list as CSV, formula-safe"
        case .sarif: return "SARIF 2.1.0 for GitHub code scanning"
        case .junit: return "JUnit XML, one test case per check, failing at --fail-on"
        case .oscal: return "an OSCAL system security plan (JSON)"
        case .oscalPOAM: return "the findings as an OSCAL plan of action and milestones (JSON)"
        case .html: return "the assessor report as one self-contained HTML page with the boundary diagram (SVG drawn by Graphviz dot) and filters"
        }
    }
}

extension CheckFormat: ExpressibleByArgument {
    public var defaultValueDescription: String {
        switch self {
        case .text: return "the verdict and the changes, for people"
        case .json: return "the verdict as JSON (schemas/check.schema.json)"
        case .sarif: return "the new findings as SARIF 2.1.0 for GitHub code scanning"
        case .junit: return "JUnit XML, one test case per check, failing at --fail-on"
        }
    }
}

extension QueryFormat: ExpressibleByArgument {
    public var defaultValueDescription: String {
        switch self {
        case .text: return "plain text"
        case .json: return "JSON"
        }
    }
}

extension DiagramFormat: ExpressibleByArgument {
    public var defaultValueDescription: String {
        switch self {
        case .dot: return "Graphviz DOT"
        case .svg: return "SVG, drawn by Graphviz dot"
        case .png: return "PNG, drawn by Graphviz dot"
        }
    }
}
