/// Reads every input of an analysis and gathers all problems before failing, so that one run
/// lists every bad row and rule (docs/FORMATS.md, Bad input: invalid values stop the analysis
/// with exit 2 and every problem listed, unless `--lenient`).
public struct InputPaths: Sendable {
    public var inventories: [String]
    public var rules: [String]
    public var flows: [String]
    public var scope: String?
    public var fedramp: String?
    /// Hosts-style file resolving FQDN objects in firewall exports.
    public var hosts: String?
    public var inventoryFormat: InventoryFormat?
    public var rulesFormat: RulesFormat?
    public var mappings: [String: String]
    public var lenient: Bool
    public var strictFlows: Bool
    public var level: CMMCLevel?
    /// The observation window for flow logs (`--since`/`--until`).
    public var flowWindow: FlowWindow = .unbounded
    /// `--flows-format`: read every flow file as this format instead of detecting it.
    public var flowsFormat: FlowFormat?
    /// `--flow-map column=field` for headed CSV flow logs.
    public var flowMappings: [String: String] = [:]
    /// Network scans (`--scan`, nmap XML) reconciled against the inventory.
    public var scans: [String] = []

    public init(inventories: [String] = [], rules: [String] = [], flows: [String] = [], scope: String? = nil,
                fedramp: String? = nil, hosts: String? = nil, inventoryFormat: InventoryFormat? = nil, rulesFormat: RulesFormat? = nil, mappings: [String: String] = [:],
                lenient: Bool = false, strictFlows: Bool = false, level: CMMCLevel? = nil) {
        self.inventories = inventories
        self.rules = rules
        self.flows = flows
        self.scope = scope
        self.fedramp = fedramp
        self.hosts = hosts
        self.inventoryFormat = inventoryFormat
        self.rulesFormat = rulesFormat
        self.mappings = mappings
        self.lenient = lenient
        self.strictFlows = strictFlows
        self.level = level
    }
}

public enum InputLoader {
    /// Loads and cross-checks all inputs.
    /// - Throws: ``InputError`` with every problem found in any file.
    public static func load(_ p: InputPaths) throws(InputError) -> AnalysisInput {
        var log = DiagnosticLog()
        var inventories: [Inventory] = []
        var ruleSets: [RuleSet] = []
        var flowLogs: [FlowLog] = []
        var scope: ScopeConfig?
        var marketplace: Marketplace?
        var scans: [HostScan] = []

        if let s = p.scope {
            do { scope = try ScopeFileParser.read(path: s, displayName: s) } catch { log.append(contentsOf: error.diagnostics) }
        }
        for path in p.inventories {
            do {
                inventories.append(try InventoryReader.read(path: path, displayName: path, format: p.inventoryFormat,
                                                            mappings: p.mappings, lenient: p.lenient))
            } catch { log.append(contentsOf: error.diagnostics) }
        }
        // FQDN objects resolve from the hosts file first, then from inventory names; never DNS.
        // Only rules have FQDN objects: without rules the name map (a tenth of reading a 100k
        // inventory) is not built.
        var hosts = p.rules.isEmpty ? [:] : HostsFileParser.fromInventory(inventories.flatMap(\.assets))
        if let h = p.hosts {
            do {
                for (name, addrs) in try HostsFileParser.read(path: h, displayName: h) { hosts[name] = addrs }
            } catch { log.append(contentsOf: error.diagnostics) }
        }
        let rules = RulesReader.readAll(paths: p.rules, lenient: p.lenient, hosts: hosts, format: p.rulesFormat)
        ruleSets.append(contentsOf: rules.ruleSets)
        log.append(contentsOf: rules.diagnostics)
        for path in p.flows {
            let options = FlowReadOptions(window: p.flowWindow, strict: p.strictFlows, format: p.flowsFormat,
                                          csvMapping: p.flowMappings)
            do { flowLogs.append(try FlowsReader.read(path: path, displayName: path, options: options)) } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        for path in p.scans {
            do { scans.append(try NmapXMLParser.read(path: path, displayName: path, lenient: p.lenient)) } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if let m = p.fedramp {
            do { marketplace = try FedRAMPMarketplaceParser.read(path: m, displayName: m) } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if inventories.count == p.inventories.count { checkMappings(inventories, into: &log) }
        InventoryJoin.joinDeviceAddresses(&inventories)
        scope = InventoryJoin.scopeWithInventoryZones(scope, inventories)
        crossCheck(inventories, scope: scope, inventoriesGiven: !p.inventories.isEmpty, into: &log)
        try log.throwIfErrors()
        var input = AnalysisInput(inventories: inventories, ruleSets: ruleSets, flowLogs: flowLogs, scope: scope,
                                  level: p.level, marketplace: marketplace)
        input.scans = scans
        return input
    }

    /// Asset ids unique across every inventory, and every asset id the scope file names (allowlist
    /// entries, policy exceptions) defined in one.
    static func crossCheck(_ inventories: [Inventory], scope: ScopeConfig?, inventoriesGiven: Bool,
                           into log: inout DiagnosticLog) {
        // Asset ids are unique across all inventories, not only within one file.
        var firstSeen: [String: SourceLocation] = [:]
        for inv in inventories {
            for a in inv.assets {
                if let prev = firstSeen[a.id] {
                    log.error(a.location, "duplicate asset id '\(a.id)' (first defined at \(prev))")
                } else {
                    firstSeen[a.id] = a.location
                }
            }
        }
        if let scope, inventoriesGiven {
            for entry in scope.protocolAllowlist {
                if let to = entry.to, firstSeen[to] == nil {
                    log.error(entry.location, "protocol_allowlist entry names asset '\(to)', which is in no inventory")
                }
            }
        }
        if let scope {
            for entry in scope.policy {
                for e in entry.exceptions {
                    for name in [e.from, e.to].compactMap({ $0 }) where firstSeen[name] == nil && AddressSet.parse(name) == nil {
                        log.error(e.location, "policy exception names '\(name)', which is neither an asset id of the inventory nor an address")
                    }
                }
            }
        }
    }

    /// A `--map` column that no inventory has is an error: a mistyped header would otherwise
    /// leave its field unread without a word. One file lacking it is normal when several are
    /// read, so the test is across all of them (docs/DECISIONS.md 113).
    static func checkMappings(_ inventories: [Inventory], into log: inout DiagnosticLog) {
        guard let first = inventories.first else { return }
        let missing = inventories.dropFirst().reduce(first.columns.unmatchedMappings) {
            $0.intersection($1.columns.unmatchedMappings)
        }
        for column in missing.sorted() {
            let headers = inventories.filter { !$0.columns.available.isEmpty }.map {
                "\($0.source): " + $0.columns.available.map { "'\($0)'" }.joined(separator: ", ")
            }
            log.error(SourceLocation(file: first.source, line: first.columns.headerLine, column: 1),
                      "--map column '\(column)' is in no inventory's header"
                        + (headers.isEmpty ? "" : " (columns: " + headers.joined(separator: "; ") + ")"))
        }
    }
}
