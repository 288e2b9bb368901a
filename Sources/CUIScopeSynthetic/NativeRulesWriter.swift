import CUIScope

/// Writes enforcement points as a native `<cuiscope-rules>` document (schemas/cuiscope-rules.xsd):
/// zones with their subnets, then the rules in order with literal members, so that
/// `NativeRulesParser` gives back the same zones, order, actions, addresses and services.
///
/// One thing the native format cannot say: a rule's unevaluated conditions (`source-user` in
/// ``SyntheticNetwork``). Those rules are written as plain rules.
public enum NativeRulesWriter {
    public static func write(_ points: [EnforcementPoint], to path: String) throws {
        let sink = try FileSink(path: path)
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cuiscope-rules version=\"1\">\n")
        for ep in points {
            try sink.write(
                "  <enforcement-point name=\"\(XMLEscape.text(ep.name))\" default-action=\"\(ep.interzoneDefault.rawValue)\""
                    + " intrazone-default=\"\(ep.intrazoneDefault.rawValue)\">\n")
            for zone in ep.zones {
                try sink.write("    <zone name=\"\(XMLEscape.text(zone.name))\">")
                for s in zone.subnets { try sink.write("<subnet>\(XMLEscape.text(s.text))</subnet>") }
                try sink.write("</zone>\n")
            }
            for rule in ep.rules { try sink.write(element(rule)) }
            try sink.write("  </enforcement-point>\n")
        }
        try sink.write("</cuiscope-rules>\n")
        try sink.close()
    }

    static func element(_ rule: Rule) -> String {
        var attrs = "name=\"\(XMLEscape.text(rule.name))\" action=\"\(rule.action.rawValue)\""
        if let uuid = rule.uuid { attrs += " uuid=\"\(XMLEscape.text(uuid))\"" }
        if rule.disabled { attrs += " disabled=\"yes\"" }
        if rule.ruleType != .universal { attrs += " rule-type=\"\(rule.ruleType.rawValue)\"" }
        if rule.source.negated { attrs += " negate-source=\"yes\"" }
        if rule.destination.negated { attrs += " negate-destination=\"yes\"" }
        var body = ""
        if case .zones(let names) = rule.from {
            for zone in names.sorted() { body += "<from>\(XMLEscape.text(zone))</from>" }
        }
        if case .zones(let names) = rule.to {
            for zone in names.sorted() { body += "<to>\(XMLEscape.text(zone))</to>" }
        }
        body += members("source", rule.source)
        body += members("destination", rule.destination)
        if !rule.services.isAnyService {
            for m in rule.serviceMembers { body += "<service>\(XMLEscape.text(m))</service>" }
        }
        return "    <rule \(attrs)>\(body)</rule>\n"
    }

    private static func members(_ tag: String, _ match: AddressMatch) -> String {
        if match.isAny && !match.negated { return "" }
        return match.members.map { "<\(tag)>\(XMLEscape.text($0))</\(tag)>" }.joined()
    }
}
