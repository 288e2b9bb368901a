/// What an asset is, as the inventory's `kind` column says it.
public enum AssetKind: String, Sendable, Codable, CaseIterable {
    case endpoint, server, network, firewall
    case securityTool = "security-tool"
    case cloudService = "cloud-service"
    case iot, iiot, ot
    case testEquipment = "test-equipment"
    case gfe
    case restrictedIS = "restricted-is"
    case vdiClient = "vdi-client"
    case printer, other

    /// The six kinds the rule lists as Specialized Assets (32 CFR 170.19(c)(1)).
    public var isSpecializedKind: Bool {
        switch self {
        case .iot, .iiot, .ot, .testEquipment, .gfe, .restrictedIS: return true
        default: return false
        }
    }

    /// Devices that forward packets: a path through them is a direct path (docs/SCOPING.md,
    /// Separation, What counts as a path).
    public var isForwarding: Bool { self == .network || self == .firewall }
}

/// How an asset handles CUI (§170.4 definitions of process, store, transmit).
public struct CUIHandling: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let process = CUIHandling(rawValue: 1)
    public static let store = CUIHandling(rawValue: 2)
    public static let transmit = CUIHandling(rawValue: 4)
    public static let all: CUIHandling = [.process, .store, .transmit]

    public var tokens: [String] {
        var out: [String] = []
        if contains(.process) { out.append("process") }
        if contains(.store) { out.append("store") }
        if contains(.transmit) { out.append("transmit") }
        return out
    }
}

/// Security functions an asset provides (the `functions` column).
public enum SecurityFunction: String, Sendable, Codable, CaseIterable {
    case siem
    case logCollector = "log-collector"
    case idp, directory, mfa, edr, antivirus
    case vulnScanner = "vuln-scanner"
    case patch
    case configMgmt = "config-mgmt"
    case backup, pam
    case jumpHost = "jump-host"
    case vpn, mdm
    case dnsFilter = "dns-filter"
    case firewall
    case physicalAccess = "physical-access"

    /// Application relays: they do not forward packets, so the assets behind them are a
    /// review (SCOPE-IND-07), not a reclassification (docs/SCOPING.md, Separation).
    public var isRelay: Bool { self == .jumpHost || self == .vpn }
}

/// VDI client configuration (docs/SCOPING.md, Separation, VDI clients).
public enum VDIMode: String, Sendable, Codable {
    case kvmOnly = "kvm-only"
    case redirection
}

/// One row of the asset inventory, normalised to the native columns (docs/FORMATS.md, Inventory CSV).
public struct Asset: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The address literals as written (hosts, CIDRs, ranges), for display.
    public var addressTexts: [String]
    /// The same addresses as a set, for matching.
    public var addresses: AddressSet
    public var kind: AssetKind
    public var cui: CUIHandling
    public var functions: [SecurityFunction]
    public var declared: Category?
    public var crmPolicy: Bool
    public var zoneHint: String?
    public var provider: String?
    public var fedrampID: String?
    public var fedrampStatus: String?
    public var impactLevel: String?
    public var vdi: VDIMode?
    public var justification: String?
    /// Operated by or on behalf of the Government (§170.3(b)) → GOV-17, excluded from CMMC.
    public var governmentOperated: Bool
    /// Reachable from the Internet (NET-16 when it sits with internal CUI assets).
    public var publicFacing: Bool
    /// FedRAMP Moderate equivalency evidence items supplied (CLOUD-03).
    public var equivalencyEvidence: [String]
    /// Reference to evidence of DFARS 252.204-7012(c)–(g) terms for a CSP (CLOUD-19).
    public var dfarsEvidence: String?
    /// The inventory row.
    public var location: SourceLocation

    public init(
        id: String, name: String? = nil, addressTexts: [String] = [], addresses: AddressSet = .empty,
        kind: AssetKind = .other, cui: CUIHandling = [], functions: [SecurityFunction] = [],
        declared: Category? = nil, crmPolicy: Bool = false, zoneHint: String? = nil,
        provider: String? = nil, fedrampID: String? = nil, fedrampStatus: String? = nil,
        impactLevel: String? = nil, vdi: VDIMode? = nil, justification: String? = nil,
        governmentOperated: Bool = false, publicFacing: Bool = false, equivalencyEvidence: [String] = [],
        dfarsEvidence: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name ?? id
        self.addressTexts = addressTexts
        self.addresses = addresses
        self.kind = kind
        self.cui = cui
        self.functions = functions
        self.declared = declared
        self.crmPolicy = crmPolicy
        self.zoneHint = zoneHint
        self.provider = provider
        self.fedrampID = fedrampID
        self.fedrampStatus = fedrampStatus
        self.impactLevel = impactLevel
        self.vdi = vdi
        self.justification = justification
        self.governmentOperated = governmentOperated
        self.publicFacing = publicFacing
        self.equivalencyEvidence = equivalencyEvidence
        self.dfarsEvidence = dfarsEvidence
        self.location = location
    }

    public var handlesCUI: Bool { !cui.isEmpty }
    public var isCloudService: Bool { kind == .cloudService }
}

/// An inventory as read: the assets plus rows that could not become assets.
public struct Inventory: Sendable {
    public var assets: [Asset]
    /// Rows skipped (with `--lenient`) or unusable (no addresses is *not* here: such assets
    /// are kept and reported as lacking addresses).
    public var skipped: [Diagnostic]
    /// Warnings and notes about rows that were kept (unrecognised kinds, Excel-mangled ids),
    /// for `validate` and the report.
    public var warnings: [Diagnostic]
    public var source: String
    /// What the file's header (or JSON keys) offered and what was used of it.
    public var columns = InventoryColumns()
    /// Addresses recorded apart from their device (NetBox `ipam/ip-addresses`), one entry per
    /// device: the loader joins each to the asset of that id in any inventory, or keeps it as an
    /// asset of its own when no inventory has the device (docs/DECISIONS.md 116).
    public var deviceAddresses: [Asset] = []
    /// Segments the file describes (NetBox `ipam/prefixes`): the zones when the scope file names none.
    public var zones: [Zone] = []
    /// Record counts for the report's inputs section (`ip records joined`, `prefixes`).
    public var counts: [String: Int] = [:]

    public init(assets: [Asset] = [], skipped: [Diagnostic] = [], warnings: [Diagnostic] = [], source: String) {
        self.assets = assets
        self.skipped = skipped
        self.warnings = warnings
        self.source = source
    }
}

/// The columns of one inventory file as the reader saw them, so that no column is dropped without
/// a word and a `--map` naming a column no file has is refused (docs/DECISIONS.md 113).
public struct InventoryColumns: Sendable, Hashable {
    /// Every non-blank header name (or JSON key), in file order: what a message lists as available.
    public var available: [String] = []
    /// Header names read as no field and not mapped to `ignore`, in file order.
    public var ignored: [String] = []
    /// `--map` columns that are not in this file (all of them for formats `--map` does not apply to).
    public var unmatchedMappings: Set<String> = []
    /// Whether the file has a column stating which assets handle CUI (`cui`), even if every cell is empty.
    public var statesCUI = false
    /// Where the header is (line 1 for JSON and XML): the place a file-level warning points at.
    public var headerLine = 1

    public init() {}
}
