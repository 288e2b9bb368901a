import Foundation
internal import CLibXML2

/// The attribute-only record stream on libxml2's SAX2 interface: `startElementNs` hands over
/// all of an element's attributes at once as byte ranges, with no reader node built per
/// element and no call per attribute, which at a million flow records is most of the cost of
/// `xmlTextReader`. Same parser options as the reader (no network, no DTD loading, no entity
/// substitution, no `XML_PARSE_HUGE`) and the same structured error reporting.
extension XMLReader {
    /// State shared with the C callbacks through the parser context's `_private` slot (the
    /// callbacks' own context argument stays the parser context, as libxml2's SAX2 defaults,
    /// still used for the prolog and DTD, expect).
    final class SAXState {
        let errors: ErrorBox
        /// Called at each element start: local name, attribute count, attribute array
        /// (5 pointers per attribute: local name, prefix, URI, value start, value end).
        let start: (UnsafePointer<xmlChar>, Int, UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Void
        let end: () -> Void
        /// Whether the handler threw and the parser was stopped.
        let stopped: () -> Bool
        init(errors: ErrorBox, start: @escaping (UnsafePointer<xmlChar>, Int, UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Void,
             end: @escaping () -> Void, stopped: @escaping () -> Bool) {
            self.errors = errors
            self.start = start
            self.end = end
            self.stopped = stopped
        }
    }

    /// The walk's mutable state, kept behind a pointer: the callbacks run once per element,
    /// and captured `var`s would pay a dynamic exclusivity check on every access.
    private struct SAXWalk {
        var depth = -1
        /// Depth of a skipped subtree's root while inside it, else -1.
        var skipping = -1
        var pathNames: [String] = []
        var attributes: [XMLRawAttribute] = []
        var locator: XMLTagLocator?
        var thrown: InputError?
    }

    /// SAX2 version of ``streamAttributes(_:displayName:select:handle:)`` (same contract).
    static func streamAttributesSAX(
        _ path: String, displayName: String?, select: ([String]) -> Selection,
        handle: (String, [XMLRawAttribute], SourceLocation, Int) throws(InputError) -> Void
    ) throws(InputError) {
        let file = displayName ?? path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw InputError(SourceLocation(file: file, line: 0), "cannot open file as XML")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let errors = ErrorBox(file: file)
        let names = InternTableBox()
        let w = UnsafeMutablePointer<SAXWalk>.allocate(capacity: 1)
        w.initialize(to: SAXWalk(locator: XMLTagLocator(path: path)))
        defer {
            w.pointee.locator?.close()
            w.deinitialize(count: 1)
            w.deallocate()
        }

        let onStart: (UnsafePointer<xmlChar>, Int, UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Void = { local, count, raw in
            w.pointee.depth += 1
            let depth = w.pointee.depth
            // Every start tag advances the locator, skipped subtrees included (document order).
            var loc: SourceLocation
            if w.pointee.locator != nil, let tag = w.pointee.locator?.nextStartTag(matching: local) {
                loc = SourceLocation(file: file, line: tag.line, column: tag.column)
            } else {
                w.pointee.locator?.close()
                w.pointee.locator = nil
                let input = ctxt.pointee.input
                loc = SourceLocation(file: file, line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0))
            }
            if w.pointee.skipping >= 0 || w.pointee.thrown != nil { return }
            let name = names.string(local)
            while w.pointee.pathNames.count > depth { w.pointee.pathNames.removeLast() }
            w.pointee.pathNames.append(name)
            switch select(w.pointee.pathNames) {
            case .skip:
                w.pointee.skipping = depth
                return
            case .descend:
                return
            case .record:
                break
            }
            w.pointee.attributes.removeAll(keepingCapacity: true)
            if let raw {
                for i in 0..<count {
                    let (n, id) = names.interned(raw[5 * i])
                    guard let v = raw[5 * i + 3], let e = raw[5 * i + 4] else { continue }
                    w.pointee.attributes.append(XMLRawAttribute(name: n, nameID: id, value: ByteField(v, e - v)))
                }
            }
            do throws(InputError) {
                try handle(name, w.pointee.attributes, loc, depth)
            } catch {
                w.pointee.thrown = error
                xmlStopParser(ctxt)
            }
        }
        let onEnd: () -> Void = {
            let depth = w.pointee.depth
            if w.pointee.skipping == depth { w.pointee.skipping = -1 }
            if w.pointee.pathNames.count > depth { w.pointee.pathNames.removeLast(w.pointee.pathNames.count - depth) }
            w.pointee.depth -= 1
        }

        let failure: InputError? = withoutActuallyEscaping(onStart) { start in
            withoutActuallyEscaping(onEnd) { end in
                let state = SAXState(errors: errors, start: start, end: end, stopped: { w.pointee.thrown != nil })
                return run(ctxt, path: path, file: file, state: state)
            }
        }
        if let thrown = w.pointee.thrown { throw thrown }
        if let failure { throw failure }
    }

    /// Installs the callbacks on `ctxt` and parses the file.
    /// - Returns: the malformed-XML error, if any (nil too when the handler stopped the parse).
    private static func run(_ ctxt: xmlParserCtxtPtr, path: String, file: String, state: SAXState) -> InputError? {
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        defer { withExtendedLifetime(state) {} }
        guard let sax = ctxt.pointee.sax else {
            return InputError(SourceLocation(file: file, line: 0), "cannot open file as XML")
        }
        sax.pointee.startElementNs = { ctx, local, _, _, _, _, count, _, attributes in
            guard let ctx, let local else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            let state = Unmanaged<SAXState>.fromOpaque(c.pointee._private).takeUnretainedValue()
            state.start(local, Int(count), attributes)
        }
        sax.pointee.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            Unmanaged<SAXState>.fromOpaque(c.pointee._private).takeUnretainedValue().end()
        }
        // Content is not needed: no text, comment or PI nodes are built (the SAX2 defaults
        // would attach them to the document, growing with the file).
        sax.pointee.characters = nil
        sax.pointee.ignorableWhitespace = nil
        sax.pointee.cdataBlock = nil
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        sax.pointee.serror = { ctx, err in
            guard let ctx, let err else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            Unmanaged<SAXState>.fromOpaque(c.pointee._private).takeUnretainedValue().errors.record(err.pointee)
        }
        // xmlCtxtReadFile keeps the handler set above and applies the options; the document
        // it returns holds only the prolog/DTD (elements are never attached).
        let doc = xmlCtxtReadFile(ctxt, path, nil, options)
        if let doc { xmlFreeDoc(doc) }
        if state.stopped() { return nil }
        if let fatal = state.errors.fatal { return InputError([fatal]) }
        if doc == nil {
            let input = ctxt.pointee.input
            return InputError([Diagnostic.error(
                SourceLocation(file: file, line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0)),
                "malformed XML")])
        }
        return nil
    }
}
