/// Reads a PAN-OS firewall or Panorama configuration (docs/FORMATS.md, PAN-OS firewall;
/// docs/FORMATS.md, Panorama) into a ``RuleSet``.
///
/// Accepts a saved `<config>` or the XML API's `<response><result><config>` wrapper. A
/// firewall gives one enforcement point per vsys (`"<hostname>/vsys1"`, vendor `panos`,
/// ``PANOSFirewallPolicy``); a Panorama export gives one per device group, or per managed
/// firewall when rules are targeted (``PanoramaPolicy``). Rules stay in document order with
/// file:line and uuid.
public enum PANOSConfigParser {
    /// Subtrees never needed for policy, skipped while reading (multi-MB previews, certificates,
    /// password hashes): pass to `XMLReader.document(_:skip:)`.
    public static let skippedElements: Set<String> = [
        "content-preview", "certificate", "mgt-config", "botnet", "local-user-database", "ssl-tls-service-profile",
        "certificate-profile", "reports", "report-group", "email-scheduler", "pdf-summary-report", "threats",
        "response-page", "log-settings",
    ]

    /// Whether a document with this root element is a PAN-OS export (`config`, or the API's `response`).
    public static func isPANOS(rootName: String) -> Bool {
        rootName == "config" || rootName == "response"
    }

    /// Parses a PAN-OS firewall or Panorama configuration tree.
    /// - Parameters:
    ///   - root: the document root (`config` or `response`).
    ///   - file: the name diagnostics use.
    ///   - hosts: addresses of FQDN objects, from a hosts file or the inventory; never looked up
    ///     on the network.
    ///   - lenient: undefined names become unresolved members and unusable rules are skipped,
    ///     with warnings, instead of failing.
    /// - Throws: ``InputError`` listing every error (with the warnings) when the config is unusable.
    public static func parse(
        _ root: XMLElement, file: String, hosts: [String: [IPAddress]] = [:], lenient: Bool = false
    ) throws(InputError) -> RuleSet {
        let config = try unwrap(root, file: file)
        let isPanorama = config.path("devices/entry/device-group") != nil
            || config.path("devices/entry/template") != nil || config.child("panorama") != nil
        let result = isPanorama
            ? PanoramaPolicy.read(config, file: file, hosts: hosts, lenient: lenient)
            : PANOSFirewallPolicy.read(config, file: file, hosts: hosts, lenient: lenient)
        let log = result.log
        try log.throwIfErrors()
        return RuleSet(enforcementPoints: result.points, diagnostics: log.entries.sorted(), source: file,
                       counts: result.counts)
    }

    static func unwrap(_ root: XMLElement, file: String) throws(InputError) -> XMLElement {
        let config: XMLElement
        switch root.name {
        case "config":
            config = root
        case "response":
            guard let inner = root.path("result/config") else {
                throw InputError(root.location, "expected <result><config> inside the PAN-OS API <response>")
            }
            config = inner
        default:
            throw InputError(root.location, "expected a PAN-OS <config> or <response> root element, found <\(root.name)>")
        }
        guard config.child("devices") != nil || config.child("shared") != nil else {
            throw InputError(config.location, "PAN-OS <config> has neither <devices> nor <shared>")
        }
        return config
    }
}
