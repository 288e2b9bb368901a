import Foundation
internal import CLibXML2

/// What a SAX2 walk shares with libxml2's C callbacks through the parser context's `_private`
/// slot (the callbacks' own context argument stays the parser context, as libxml2's SAX2
/// defaults, still used for the prolog and DTD, expect): the error box and a pointer to the
/// walk's own state. The state sits behind a pointer because the callbacks run once per
/// element (or per text run) and captured `var`s would pay a dynamic exclusivity check each.
struct SAXContext {
    let errors: ErrorBox
    let walk: UnsafeMutableRawPointer
}

/// The record streams on libxml2's SAX2 interface: no reader node is built per element, and
/// `startElementNs` hands over all attributes at once as byte ranges. Same parser options as
/// the reader (no network, no DTD loading, no entity substitution, no `XML_PARSE_HUGE`) and
/// the same structured error reporting.
extension XMLReader {
    /// The attribute walk's state.
    private struct AttributeWalk {
        var depth = -1
        /// Depth of a skipped subtree's root while inside it, else -1.
        var skipping = -1
        var pathNames: [String] = []
        var attributes: [XMLRawAttribute] = []
        var positions: SAXPositions
        var thrown: InputError?
        let names = InternTableBox()
        let start: (xmlParserCtxtPtr, UnsafePointer<xmlChar>, Int, UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Void
    }

    /// SAX2 version of ``streamAttributes(_:displayName:select:handle:)`` (same contract).
    static func streamAttributesSAX(
        _ path: String, displayName: String?, select: ([String]) -> Selection,
        handle: (String, [XMLRawAttribute], SourceLocation, Int) throws(InputError) -> Void
    ) throws(InputError) {
        let file = displayName ?? path
        var thrown: InputError?
        let failure: InputError? = withoutActuallyEscaping(handle) { handle in
            withoutActuallyEscaping(select) { select in
                let onStart: (xmlParserCtxtPtr, UnsafePointer<xmlChar>, Int, UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
                    -> Void = { ctxt, local, count, raw in
                        let w = ctxt.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.walk
                            .assumingMemoryBound(to: AttributeWalk.self)
                        XMLReader.attributeStart(w, ctxt, local, count, raw, file: file, select: select, handle: handle)
                    }
                let w = UnsafeMutablePointer<AttributeWalk>.allocate(capacity: 1)
                w.initialize(to: AttributeWalk(positions: SAXPositions(path: path), start: onStart))
                defer {
                    w.pointee.positions.close()
                    thrown = w.pointee.thrown
                    w.deinitialize(count: 1)
                    w.deallocate()
                }
                return parse(path, file: file, walk: UnsafeMutableRawPointer(w)) { sax in
                    sax.pointee.startElementNs = { ctx, local, _, _, _, _, count, _, attributes in
                        guard let ctx, let local else { return }
                        let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
                        let w = c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.walk
                            .assumingMemoryBound(to: AttributeWalk.self)
                        w.pointee.start(c, local, Int(count), attributes)
                    }
                    sax.pointee.endElementNs = { ctx, _, _, _ in
                        guard let ctx else { return }
                        let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
                        XMLReader.attributeEnd(c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.walk
                            .assumingMemoryBound(to: AttributeWalk.self))
                    }
                } stopped: {
                    w.pointee.thrown != nil
                }
            }
        }
        if let thrown { throw thrown }
        if let failure { throw failure }
    }

    private static func attributeStart(
        _ w: UnsafeMutablePointer<AttributeWalk>, _ ctxt: xmlParserCtxtPtr, _ local: UnsafePointer<xmlChar>,
        _ count: Int, _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, file: String,
        select: ([String]) -> Selection, handle: (String, [XMLRawAttribute], SourceLocation, Int) throws(InputError) -> Void
    ) {
        w.pointee.depth += 1
        let depth = w.pointee.depth
        w.pointee.positions.elementStarted(ctxt, local: local)
        if w.pointee.skipping >= 0 || w.pointee.thrown != nil { return }
        let name = w.pointee.names.string(local)
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
                let (n, id) = w.pointee.names.interned(raw[5 * i])
                guard let v = raw[5 * i + 3], let e = raw[5 * i + 4] else { continue }
                w.pointee.attributes.append(XMLRawAttribute(name: n, nameID: id, value: ByteField(v, e - v)))
            }
        }
        let (line, column) = w.pointee.positions.current(ctxt)
        do throws(InputError) {
            try handle(name, w.pointee.attributes, SourceLocation(file: file, line: line, column: column), depth)
        } catch {
            w.pointee.thrown = error
            xmlStopParser(ctxt)
        }
    }

    private static func attributeEnd(_ w: UnsafeMutablePointer<AttributeWalk>) {
        let depth = w.pointee.depth
        if w.pointee.skipping == depth { w.pointee.skipping = -1 }
        if w.pointee.pathNames.count > depth { w.pointee.pathNames.removeLast(w.pointee.pathNames.count - depth) }
        w.pointee.depth -= 1
    }

    /// Parses `path` with the SAX2 callbacks `install` sets on the handler (content callbacks
    /// are off unless it sets them), the walk's state reachable through ``SAXContext``.
    /// - Returns: the malformed-XML error, if any (nil too when the walk stopped the parse).
    static func parse(
        _ path: String, file: String, walk: UnsafeMutableRawPointer, install: (xmlSAXHandlerPtr) -> Void,
        stopped: () -> Bool
    ) -> InputError? {
        guard FileManager.default.isReadableFile(atPath: path) else {
            return InputError(SourceLocation(file: file, line: 0), "cannot read file")
        }
        guard let ctxt = xmlNewParserCtxt(), let sax = ctxt.pointee.sax else {
            return InputError(SourceLocation(file: file, line: 0), "cannot open file as XML")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let context = UnsafeMutablePointer<SAXContext>.allocate(capacity: 1)
        context.initialize(to: SAXContext(errors: ErrorBox(file: file), walk: walk))
        defer {
            context.deinitialize(count: 1)
            context.deallocate()
        }
        ctxt.pointee._private = UnsafeMutableRawPointer(context)
        // No text, comment or PI nodes unless the walk asks (the SAX2 defaults would attach
        // them to the document, growing with the file).
        sax.pointee.characters = nil
        sax.pointee.ignorableWhitespace = nil
        sax.pointee.cdataBlock = nil
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        sax.pointee.serror = { ctx, err in
            guard let ctx, let err else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXContext.self).pointee.errors.record(err.pointee)
        }
        install(sax)
        // xmlCtxtReadFile keeps the handler set above and applies the options (and reads gzip
        // itself); the document it returns holds only the prolog/DTD.
        let doc = xmlCtxtReadFile(ctxt, path, nil, options)
        if let doc { xmlFreeDoc(doc) }
        if stopped() { return nil }
        if let fatal = context.pointee.errors.fatal { return InputError([fatal]) }
        if doc == nil {
            let input = ctxt.pointee.input
            return InputError([Diagnostic.error(
                SourceLocation(file: file, line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0)),
                "malformed XML")])
        }
        return nil
    }
}
