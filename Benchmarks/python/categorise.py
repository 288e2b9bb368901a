#!/usr/bin/env python3
"""Plain-Python baseline for `cuiscope analyze`: the same categorisation at its core.

Reads an inventory CSV (cuiscope's native columns), a firewall policy (cuiscope native rules
XML or a PAN-OS firewall config) and optionally flow logs (native flows XML or a PAN-OS
traffic-log XML answer), then:

  1. places every asset address in a zone by longest-prefix match over the zones' interface
     subnets (the inventory's zone column when no subnet holds it);
  2. takes the CUI assets (a `cui` column other than no, or declared `cui`; not network gear);
  3. decides, for every other asset, whether any service is permitted to or from a CUI asset:
     first match over the rules of the zone pair, service by service (port intervals), with the
     interzone default; assets in the same zone as a CUI asset share its segment;
  4. adds allowed flows observed between an asset and a CUI asset;
  5. categorises (CMMC Level 2): specialized kinds, CUI handling, security functions,
     KVM-only VDI clients, connected => CUI (or contractor-risk-managed with crm_policy),
     else out of scope; and prints the category counts as JSON.

It is the comparison baseline of BENCHMARKS.md ("Realistic profile"): standard library only,
written the straightforward way, with dict caches where a competent scripter would put them
(candidate rules per zone pair; rule signatures per elementary address interval; first-match
outcomes per pair of signatures). It models one enforcement point (zone pairs of one firewall),
not multi-hop routing, and none of cuiscope's findings, evidence or reports.

    python3 Benchmarks/python/categorise.py --inventory inventory.csv --rules rules.xml \
        [--flows flows.xml ...]
"""
import argparse
import bisect
import csv
import ipaddress
import json
import sys
import time
import xml.etree.ElementTree as ET
from xml.parsers import expat

V4 = 0xFFFF << 32  # IPv4 addresses live at ::ffff:a.b.c.d, as in cuiscope
ALL_ADDR = [(0, (1 << 128) - 1)]
ALL_SVC = [(0, 0xFFFFFF)]  # proto << 16 | port
PROTO = {"tcp": 6, "udp": 17, "icmp": 1, "icmpv6": 58, "ipv6-icmp": 58, "sctp": 132, "esp": 50, "gre": 47}
SPECIALIZED = {"iot", "iiot", "ot", "test-equipment", "gfe", "restricted-is"}
FORWARDING = {"network", "firewall"}
DISPLAY = [(6 << 16 | 3389, 6 << 16 | 3389), (17 << 16 | 3389, 17 << 16 | 3389), (6 << 16 | 4172, 6 << 16 | 4172),
           (17 << 16 | 4172, 17 << 16 | 4172), (6 << 16 | 22443, 6 << 16 | 22443),
           (17 << 16 | 22443, 17 << 16 | 22443), (6 << 16 | 1494, 6 << 16 | 1494), (6 << 16 | 2598, 6 << 16 | 2598)]
# Standard ports of App-IDs for `application-default` (Palo Alto Networks Applipedia).
APP_PORTS = {
    "web-browsing": ["tcp/80"], "ssl": ["tcp/443"], "ms-rdp": ["tcp/3389", "udp/3389"], "ssh": ["tcp/22"],
    "telnet": ["tcp/23"], "dns": ["tcp/53", "udp/53"], "dns-base": ["tcp/53", "udp/53"], "smtp": ["tcp/25"],
    "pop3": ["tcp/110"], "imap": ["tcp/143"], "ldap": ["tcp/389", "udp/389"], "ms-ds-smb": ["tcp/139,445"],
    "kerberos": ["tcp/88", "udp/88"], "ntp": ["udp/123"], "snmp": ["udp/161"], "syslog": ["udp/514"],
    "ftp": ["tcp/21"], "ping": ["icmp"], "mssql-db": ["tcp/1433"], "mysql": ["tcp/3306"],
    "postgres": ["tcp/5432"], "oracle": ["tcp/1521"], "ms-rpc": ["tcp/135"], "msrpc-base": ["tcp/135"],
    "ms-update": ["tcp/80,443"], "ms-wsus": ["tcp/8530-8531"], "splunk": ["tcp/8089,9997"],
}


# ---------------------------------------------------------------- intervals

def union(iv):
    out = []
    for lo, hi in sorted(iv):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def intersect(a, b):
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(a, b):
    out = []
    for lo, hi in a:
        for blo, bhi in b:
            if bhi < lo or blo > hi:
                continue
            if blo > lo:
                out.append((lo, blo - 1))
            lo = bhi + 1
            if lo > hi:
                break
        if lo <= hi:
            out.append((lo, hi))
    return out


def complement(a, top):
    return subtract([(0, top)], a)


def contains(iv, v):
    k = bisect.bisect_right(iv, (v, 1 << 130)) - 1
    return k >= 0 and iv[k][0] <= v <= iv[k][1]


# ---------------------------------------------------------------- literals

def addr_int(text):
    a = ipaddress.ip_address(text)
    return V4 | int(a) if a.version == 4 else int(a)


def address(text):
    """`any`, host, CIDR or a-b range -> intervals; None when it is none of these."""
    text = text.strip()
    if text.lower() == "any":
        return ALL_ADDR
    try:
        if "-" in text:
            lo, hi = text.split("-", 1)
            return [(addr_int(lo), addr_int(hi))]
        net = ipaddress.ip_network(text, strict=False)
        base = V4 if net.version == 4 else 0
        return [(base | int(net.network_address), base | int(net.broadcast_address))]
    except ValueError:
        return None


def service(text):
    """`tcp/443`, `udp/53,123`, `tcp/8000-8100`, `icmp`, `any` -> key intervals; None otherwise."""
    text = text.strip().lower()
    if text in ("any", "*"):
        return ALL_SVC
    proto, _, ports = text.partition("/")
    protos = [6, 17] if proto in ("tcp-udp", "tcpudp") else [PROTO.get(proto) or (int(proto) if proto.isdigit() else None)]
    if None in protos:
        return None
    out = []
    for p in protos:
        if not ports:
            out.append((p << 16, p << 16 | 0xFFFF))
            continue
        for item in ports.split(","):
            lo, _, hi = item.strip().replace(":", "-").partition("-")
            out.append((p << 16 | int(lo), p << 16 | int(hi or lo)))
    return union(out)


# ---------------------------------------------------------------- policy

class Rule:
    __slots__ = ("name", "src_zones", "dst_zones", "src", "dst", "svc", "allow", "disabled", "rule_type")


class Policy:
    def __init__(self):
        self.addresses, self.groups, self.services, self.service_groups = {}, {}, {}, {}
        self.subnets = []  # (interval, zone)
        self.rules = []
        self.intrazone_allow, self.interzone_allow = True, False
        self._addr_cache, self._svc_cache = {}, {}

    def resolve_address(self, name, depth=0):
        if name in self._addr_cache:
            return self._addr_cache[name]
        if name in self.addresses:
            out = self.addresses[name]
        elif name in self.groups and depth < 32:
            out = union([iv for m in self.groups[name] for iv in self.resolve_address(m, depth + 1)])
        else:
            out = address(name) or []
        self._addr_cache[name] = out
        return out

    def resolve_service(self, name, apps=(), depth=0):
        if name == "application-default":
            if not apps or "any" in apps or any(a not in APP_PORTS for a in apps):
                return ALL_SVC
            return union([iv for a in apps for t in APP_PORTS[a] for iv in service(t)])
        if name in self._svc_cache:
            return self._svc_cache[name]
        if name in self.services:
            out = self.services[name]
        elif name in self.service_groups and depth < 32:
            out = union([iv for m in self.service_groups[name] for iv in self.resolve_service(m, depth=depth + 1)])
        elif name == "service-http":
            out = service("tcp/80,8080")
        elif name == "service-https":
            out = service("tcp/443")
        else:
            out = service(name) or []
        self._svc_cache[name] = out
        return out

    def add_rule(self, name, src_zones, dst_zones, src, dst, svc, apps, action, disabled, rule_type, neg_s, neg_d):
        r = Rule()
        r.name = name
        r.src_zones = None if not src_zones or "any" in src_zones else set(src_zones)
        r.dst_zones = None if not dst_zones or "any" in dst_zones else set(dst_zones)
        s = union([iv for m in (src or ["any"]) for iv in self.resolve_address(m)])
        d = union([iv for m in (dst or ["any"]) for iv in self.resolve_address(m)])
        r.src = complement(s, (1 << 128) - 1) if neg_s else s
        r.dst = complement(d, (1 << 128) - 1) if neg_d else d
        r.svc = union([iv for m in (svc or ["any"]) for iv in self.resolve_service(m, apps)])
        r.allow = action == "allow"
        r.disabled = disabled
        r.rule_type = rule_type or "universal"
        self.rules.append(r)

    def add_subnet(self, text, zone):
        iv = address(text)
        if iv and iv != ALL_ADDR:
            self.subnets.append((iv[0], zone))


def yes(text):
    return (text or "").strip().lower() in ("yes", "true")


def read_native_rules(root, policy):
    for el in root:
        name = el.get("name")
        if el.tag == "address":
            policy.addresses[name] = address(el.text or "") or []
        elif el.tag == "address-group":
            policy.groups[name] = [m.text.strip() for m in el.findall("member")]
        elif el.tag == "service":
            policy.services[name] = service(el.text or "") or []
        elif el.tag == "service-group":
            policy.service_groups[name] = [m.text.strip() for m in el.findall("member")]
    for ep in root.findall("enforcement-point"):
        policy.interzone_allow = ep.get("default-action", "deny") == "allow"
        policy.intrazone_allow = ep.get("intrazone-default", "allow") == "allow"
        for i in ep.findall("interface"):
            if i.get("address"):
                policy.add_subnet(i.get("address"), i.get("zone"))
        for z in ep.findall("zone"):
            for s in z.findall("subnet"):
                policy.add_subnet(s.text, z.get("name"))
        for r in ep.findall("rule"):
            def texts(tag):
                return [e.text.strip() for e in r.findall(tag)]
            action = r.get("action")
            policy.add_rule(r.get("name"), texts("from"), texts("to"), texts("source"), texts("destination"),
                            texts("service"), texts("application"), "allow" if action == "allow" else "deny",
                            yes(r.get("disabled")), r.get("rule-type"), yes(r.get("negate-source")),
                            yes(r.get("negate-destination")))


def members(el, tag):
    node = el.find(tag)
    return [] if node is None else [m.text.strip() for m in node.findall("member") if m.text]


def read_panos_objects(scope, policy):
    for e in scope.findall("address/entry"):
        value = e.find("ip-netmask")
        if value is None:
            value = e.find("ip-range")
        policy.addresses[e.get("name")] = (address(value.text) or []) if value is not None else []
    for e in scope.findall("address-group/entry"):
        policy.groups[e.get("name")] = members(e, "static")
    for e in scope.findall("service/entry"):
        out = []
        for proto in e.findall("protocol/*"):
            port = proto.findtext("port")
            out += service(f"{proto.tag}/{port}") if port else []
        policy.services[e.get("name")] = union(out)
    for e in scope.findall("service-group/entry"):
        policy.service_groups[e.get("name")] = members(e, "members")


def read_panos_config(root, policy):
    if root.tag == "response":
        root = root.find("result/config")
    shared = root.find("shared")
    if shared is not None:
        read_panos_objects(shared, policy)
    device = root.find("devices/entry")
    interfaces = {}
    for kind in ("ethernet", "aggregate-ethernet"):
        for e in device.findall(f"network/interface/{kind}/entry"):
            interfaces[e.get("name")] = [ip.get("name") for ip in e.findall("layer3/ip/entry")]
            for u in e.findall("layer3/units/entry"):
                interfaces[u.get("name")] = [ip.get("name") for ip in u.findall("ip/entry")]
    for kind in ("vlan", "loopback", "tunnel"):
        for u in device.findall(f"network/interface/{kind}/units/entry"):
            interfaces[u.get("name")] = [ip.get("name") for ip in u.findall("ip/entry")]
    vsys = device.find("vsys/entry")
    read_panos_objects(vsys, policy)
    for z in vsys.findall("zone/entry"):
        for m in z.findall("network/*/member"):
            for ip in interfaces.get(m.text, []):
                policy.add_subnet(ip, z.get("name"))
    for r in vsys.findall("rulebase/security/rules/entry"):
        action = r.findtext("action")
        policy.add_rule(r.get("name"), members(r, "from"), members(r, "to"), members(r, "source"),
                        members(r, "destination"), members(r, "service"), members(r, "application"),
                        "allow" if action == "allow" else "deny", yes(r.findtext("disabled")),
                        r.findtext("rule-type"), yes(r.findtext("negate-source")),
                        yes(r.findtext("negate-destination")))
    for d in vsys.findall("rulebase/default-security-rules/rules/entry"):
        allow = d.findtext("action") == "allow"
        if d.get("name") == "intrazone-default":
            policy.intrazone_allow = allow
        elif d.get("name") == "interzone-default":
            policy.interzone_allow = allow


def read_policy(path):
    policy = Policy()
    root = ET.parse(path).getroot()
    if root.tag == "cuiscope-rules":
        read_native_rules(root, policy)
    else:
        read_panos_config(root, policy)
    return policy


# ---------------------------------------------------------------- inventory and flows

class Asset:
    __slots__ = ("id", "addresses", "texts", "kind", "handles_cui", "declared", "zone_hint", "functions", "crm", "vdi",
                 "government", "places")


def read_inventory(path):
    assets = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            a = Asset()
            a.id = row["id"]
            a.addresses, a.texts = [], []
            for token in (row.get("addresses") or "").replace(",", ";").split(";"):
                token = token.strip().split("/")[0]
                if token:
                    try:
                        a.addresses.append(addr_int(token))
                        a.texts.append(token)
                    except ValueError:
                        pass
            a.kind = (row.get("kind") or "other").strip().lower()
            cui = (row.get("cui") or "").strip().lower()
            a.handles_cui = cui not in ("", "no", "none", "false")
            a.declared = (row.get("declared") or "").strip().lower()
            a.zone_hint = (row.get("zone") or "").strip() or None
            a.functions = (row.get("functions") or "").strip()
            a.crm = yes(row.get("crm_policy"))
            a.vdi = (row.get("vdi") or "").strip().lower()
            a.government = yes(row.get("government"))
            assets.append(a)
    return assets


def read_flows(path, on_record):
    """Calls on_record(source, destination, allowed) for every record of a native flows file
    (attributes of <flow>) or a PAN-OS traffic-log answer (<src>, <dst>, <action> of each
    <entry>); addresses as written. Streams with expat, keeping nothing per record."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    field, text, entry = None, [], {}

    def start(name, attrs):
        nonlocal field, text
        if name == "flow":
            on_record(attrs["src"], attrs["dst"], attrs.get("action", "allow") == "allow")
        elif name in ("src", "dst", "action"):
            field, text = name, []

    def end(name):
        nonlocal field
        if name == field:
            entry[name] = "".join(text).strip()
            field = None
        elif name == "entry" and "src" in entry:
            on_record(entry["src"], entry["dst"], entry.get("action") == "allow")
            entry.clear()

    def chars(data):
        if field:
            text.append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    with open(path, "rb") as f:
        parser.ParseFile(f)


# ---------------------------------------------------------------- connectivity

class Places:
    """Longest-prefix zone lookup: one dict per prefix size, tried from the most specific."""

    def __init__(self, subnets):
        self.by_size = {}
        for (lo, hi), zone in subnets:
            self.by_size.setdefault(hi - lo, {})[lo] = zone
        self.sizes = sorted(self.by_size)

    def zone(self, addr):
        for size in self.sizes:
            lo = addr - (addr % (size + 1)) if (size + 1) & size == 0 else None
            if lo is not None and lo in self.by_size[size]:
                return self.by_size[size][lo]
        return None


class Reach:
    """Whether a service is permitted between two addresses of a zone pair, with dict caches."""

    def __init__(self, policy):
        self.policy = policy
        self.candidates = {}  # (source zone, destination zone) -> rule indices in order
        self.signatures = {}  # (pair, side, elementary interval) -> matching rule indices
        self.bounds = {}  # (pair, side) -> sorted interval boundaries
        self.outcomes = {}  # (source signature, destination signature) -> allowed service intervals
        self.target_signatures = {}  # (pair, direction) -> distinct signatures of the CUI addresses
        self.results = {}  # (pair, direction, signature) -> services allowed to or from the CUI addresses

    def pair(self, sz, dz):
        key = (sz, dz)
        if key not in self.candidates:
            out = []
            for i, r in enumerate(self.policy.rules):
                if r.disabled or (r.src_zones is not None and sz not in r.src_zones):
                    continue
                if r.dst_zones is not None and dz not in r.dst_zones:
                    continue
                if (r.rule_type == "intrazone" and sz != dz) or (r.rule_type == "interzone" and sz == dz):
                    continue
                out.append(i)
            self.candidates[key] = out
        return self.candidates[key]

    def signature(self, key, side, addr):
        rules = self.policy.rules
        bkey = (key, side)
        if bkey not in self.bounds:
            points = set()
            for i in self.candidates[key]:
                for lo, hi in (rules[i].src if side == 0 else rules[i].dst):
                    points.add(lo)
                    points.add(hi + 1)
            self.bounds[bkey] = sorted(points)
        skey = (key, side, bisect.bisect_right(self.bounds[bkey], addr))
        if skey not in self.signatures:
            self.signatures[skey] = tuple(
                i for i in self.candidates[key] if contains(rules[i].src if side == 0 else rules[i].dst, addr))
        return self.signatures[skey]

    def outcome(self, s, d, same_zone):
        """Services first match allows from signature `s` to signature `d`."""
        okey = (s, d, same_zone)
        if okey not in self.outcomes:
            both = set(d)
            undecided, allowed = ALL_SVC, []
            for i in s:
                if i not in both:
                    continue
                r = self.policy.rules[i]
                covered = intersect(undecided, r.svc)
                if covered:
                    if r.allow:
                        allowed += covered
                    undecided = subtract(undecided, covered)
                    if not undecided:
                        break
            default = self.policy.intrazone_allow if same_zone else self.policy.interzone_allow
            if default:
                allowed += undecided
            self.outcomes[okey] = union(allowed)
        return self.outcomes[okey]

    def towards(self, addr, zone, target_zone, target_addrs, outbound):
        """Services permitted between `addr` and any CUI address of `target_zone`, one direction."""
        key = (zone, target_zone) if outbound else (target_zone, zone)
        self.pair(*key)
        tkey = (key, outbound)
        if tkey not in self.target_signatures:
            side = 1 if outbound else 0
            self.target_signatures[tkey] = sorted({self.signature(key, side, t) for t in target_addrs})
        mine = self.signature(key, 0 if outbound else 1, addr)
        rkey = (key, outbound, mine)
        if rkey not in self.results:
            out = []
            for theirs in self.target_signatures[tkey]:
                out += self.outcome(mine, theirs, key[0] == key[1]) if outbound else \
                    self.outcome(theirs, mine, key[0] == key[1])
            self.results[rkey] = union(out)
        return self.results[rkey]


def connect(assets, policy, flow_paths, timings):
    t = time.perf_counter()
    places = Places(policy.subnets)
    for a in assets:
        a.places = [(addr, places.zone(addr) or a.zone_hint) for addr in a.addresses]
    targets = [i for i, a in enumerate(assets)
               if not a.government and a.kind not in FORWARDING and (a.handles_cui or a.declared == "cui")]
    target_set = set(targets)
    by_zone = {}
    for i in targets:
        for addr, zone in assets[i].places:
            if zone is not None:
                by_zone.setdefault(zone, []).append(addr)
    timings["placement"] = time.perf_counter() - t
    t = time.perf_counter()
    reach = Reach(policy)
    connected, services = set(), {}
    for i, a in enumerate(assets):
        if i in target_set:
            continue
        reached = []
        for addr, zone in a.places:
            if zone is None:
                continue
            if zone in by_zone:
                reached.append(ALL_SVC)  # same zone as a CUI asset: one segment
                continue
            for tz, taddrs in by_zone.items():
                reached.append(reach.towards(addr, zone, tz, taddrs, outbound=True))
                reached.append(reach.towards(addr, zone, tz, taddrs, outbound=False))
        svc = union([iv for r in reached for iv in r])
        if svc:
            connected.add(i)
            services[i] = svc
    timings["reachability"] = time.perf_counter() - t
    t = time.perf_counter()
    owner = {}  # address text -> asset: flow logs write addresses the way the inventory does
    for i, a in enumerate(assets):
        for text in a.texts:
            owner.setdefault(text, i)
    records = 0

    def record(src, dst, allowed):
        nonlocal records
        records += 1
        s, d = owner.get(src), owner.get(dst)
        if not allowed or s is None or d is None or s == d:
            return
        if s in target_set and d not in target_set:
            connected.add(d)
        elif d in target_set and s not in target_set:
            connected.add(s)

    for path in flow_paths:
        read_flows(path, record)
    timings["flows"] = time.perf_counter() - t
    timings["flow_records"] = records
    return target_set, connected, services


# ---------------------------------------------------------------- categories

PRECEDENCE = ["cui", "security-protection", "specialized", "contractor-risk-managed", "out-of-scope"]


def categorise(assets, targets, connected, services):
    """CMMC Level 2 category of every asset, in the order of cuiscope's decision procedure."""
    enclave = {z for i in targets for _, z in assets[i].places if z is not None}
    out = []
    for i, a in enumerate(assets):
        labels = set()
        declares_cui = a.handles_cui or a.declared == "cui"
        is_connected = i in connected
        cloud = a.kind == "cloud-service"
        if a.government:
            out.append("out-of-scope")
            continue
        if a.kind in SPECIALIZED:
            if a.declared == "cui":
                labels.add("cui")
            elif a.handles_cui or is_connected:
                labels.add("specialized")
        elif declares_cui:
            labels.add("cui")
        if cloud and not declares_cui and a.functions:
            labels.add("security-protection")
        if a.functions and not cloud:
            in_enclave = any(z in enclave for _, z in a.places)
            if declares_cui or is_connected or in_enclave or a.declared == "security-protection":
                labels.add("security-protection")
        vdi_exempt = (a.kind == "vdi-client" and not declares_cui and a.vdi == "kvm-only"
                      and not subtract(services.get(i, []), DISPLAY))
        if not labels and is_connected and not vdi_exempt:
            labels.add("contractor-risk-managed" if a.crm else "cui")
        if not labels:
            labels.add("out-of-scope")
        out.append(min(labels, key=PRECEDENCE.index))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inventory", required=True)
    ap.add_argument("--rules", required=True, help="native rules XML or PAN-OS firewall config")
    ap.add_argument("--flows", nargs="*", default=[], help="native flows XML or PAN-OS traffic log XML")
    ap.add_argument("--categories-out", help="also write id,category per asset to this CSV file")
    args = ap.parse_args()
    timings = {}
    t = time.perf_counter()
    assets = read_inventory(args.inventory)
    timings["inventory"] = time.perf_counter() - t
    t = time.perf_counter()
    policy = read_policy(args.rules)
    timings["rules"] = time.perf_counter() - t
    targets, connected, services = connect(assets, policy, args.flows, timings)
    t = time.perf_counter()
    categories = categorise(assets, targets, connected, services)
    counts = dict.fromkeys(PRECEDENCE, 0)
    for c in categories:
        counts[c] += 1
    timings["categories"] = time.perf_counter() - t
    if args.categories_out:
        with open(args.categories_out, "w", newline="") as f:
            csv.writer(f).writerows([("id", "category")] + [(a.id, c) for a, c in zip(assets, categories)])
    print(json.dumps({"assets": len(assets), "categories": counts,
                      "in_scope": len(assets) - counts["out-of-scope"]}, sort_keys=True))
    print("phases: " + ", ".join(f"{k} {v:.2f} s" if isinstance(v, float) else f"{k} {v}"
                                 for k, v in timings.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
